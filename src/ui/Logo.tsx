import { useState } from 'react';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^[\p{L}\p{N}]/u.test(w))
    .slice(0, 2)
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
}

/** An institution logo, or its initials when there is none or it fails to load. */
export function Logo({ name, src, size = 40 }: { name: string; src?: string | null; size?: number }) {
  const [broken, setBroken] = useState(false);
  // the server's own logo route, or a data: image: the only sources the widget's CSP lets load
  const usable = src && !broken && /^(\/logos\/[A-Za-z0-9._-]+$|data:image\/)/.test(src);
  const box = { width: size, height: size };
  if (usable) {
    return <img src={src} alt="" style={box} className="rounded-md shrink-0" onError={() => setBroken(true)} />;
  }
  return (
    <span
      aria-hidden="true"
      style={box}
      className="rounded-md shrink-0 bg-slate-700 text-white dark:bg-slate-300 dark:text-slate-900 flex items-center justify-center text-sm font-semibold"
    >
      {initials(name)}
    </span>
  );
}
