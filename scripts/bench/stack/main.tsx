// The stack floor of npm run bench:first-screen: the floor (scripts/bench/floor/) plus the least of
// each library the widget's stack requires (README "Stack"): one TanStack Query client and query,
// one zustand store, one valibot schema. The widget's first screen cannot weigh less than this;
// what it weighs above this is the widget's own code.
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import * as v from 'valibot';
import { create } from 'zustand';
import { SearchBox } from '../floor/SearchBox';

const Institutions = v.object({ institutions: v.array(v.object({ code: v.string(), name: v.string() })) });
const useFlow = create<{ step: string; go: (step: string) => void }>((set) => ({
  step: 'search',
  go: (step) => set({ step }),
}));
const client = new QueryClient();

function StackFloor() {
  const [text, setText] = useState('');
  const go = useFlow((s) => s.go);
  const { data } = useQuery({
    queryKey: ['institutions', text],
    queryFn: async () => v.parse(Institutions, await (await fetch(`./institutions.json?name=${text}`)).json()),
    enabled: text.length > 0,
  });
  return (
    <SearchBox text={text} onText={setText}>
      {data?.institutions.map((institution) => (
        <li key={institution.code} role="option" aria-selected="false" onClick={() => go('chooseMethod')}>
          {institution.name}
        </li>
      ))}
    </SearchBox>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <QueryClientProvider client={client}>
      <StackFloor />
    </QueryClientProvider>,
  );
