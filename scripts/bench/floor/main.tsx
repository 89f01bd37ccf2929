// The floor of npm run bench:first-screen: what React 19 alone costs to show a heading and a
// search box (no data, no router, no validation). The widget's first screen is measured against it.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { SearchBox } from './SearchBox';

function Floor() {
  const [text, setText] = useState('');
  return <SearchBox text={text} onText={setText} />;
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Floor />);
