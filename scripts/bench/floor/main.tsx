// The floor of npm run bench:first-screen: what React 19 alone costs to show a heading and a
// search box (no data, no router, no validation). The widget's first screen is measured against it.
import { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';

function Floor() {
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <main>
      <h1>Search for your bank</h1>
      <input
        ref={input}
        role="combobox"
        aria-expanded="false"
        aria-controls="floor-list"
        aria-label="Search"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <ul id="floor-list" role="listbox" aria-label="Results" />
    </main>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Floor />);
