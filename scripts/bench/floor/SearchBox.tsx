import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The first screen both floors draw (scripts/bench/floor/, scripts/bench/stack/): a heading and a
 * focused search box over a listbox holding `children`. `text` is the box's value.
 */
export function SearchBox({
  text,
  onText,
  children,
}: {
  text: string;
  onText: (text: string) => void;
  children?: ReactNode;
}) {
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
        onChange={(event) => onText(event.target.value)}
      />
      <ul id="floor-list" role="listbox" aria-label="Results">
        {children}
      </ul>
    </main>
  );
}
