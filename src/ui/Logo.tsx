import { useEffect, useState } from 'react';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^[\p{L}\p{N}]/u.test(w))
    .slice(0, 2)
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
}

/** Whether the widget's first screen has been painted (then logos show at once). */
let painted = false;
let afterPaint: Promise<void> | null = null;

/** The longest logos wait: a frame the browser does not render (offscreen, hidden) gets no animation frames. */
const PAINT_WAIT_MS = 250;

/**
 * Resolves once the frame after the first call has been painted (a requestAnimationFrame callback
 * runs just before a paint, a task queued from it just after), or after PAINT_WAIT_MS.
 */
function firstPaint(): Promise<void> {
  afterPaint ??= new Promise<void>((resolve) => {
    const done = () => {
      painted = true;
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, PAINT_WAIT_MS);
    if (typeof requestAnimationFrame !== 'undefined') requestAnimationFrame(() => setTimeout(done, 0));
  });
  return afterPaint;
}

/**
 * Logos of the first screen wait for its first paint. Each image costs the main thread when its
 * element is made (an SVG data: logo builds a whole SVG document there, ~40 ms at 4× CPU slowdown:
 * issue #27's profile); they are decoration (alt=""), the search box above them is not.
 */
function usePaintedOnce(): boolean {
  const [shown, setShown] = useState(painted);
  useEffect(() => {
    if (shown) return undefined;
    let mounted = true;
    void firstPaint().then(() => mounted && setShown(true));
    return () => {
      mounted = false;
    };
  }, [shown]);
  return shown;
}

/** An institution logo, or its initials when there is none or it fails to load. */
export function Logo({ name, src, size = 40 }: { name: string; src?: string | null; size?: number }) {
  const [broken, setBroken] = useState(false);
  const shown = usePaintedOnce();
  // the server's own logo route, or a data: image: the only sources the widget's CSP lets load
  const usable = src && !broken && /^(\/logos\/[A-Za-z0-9._-]+$|data:image\/)/.test(src);
  const box = { width: size, height: size };
  if (usable && !shown) {
    // the image's place, empty as an image is until it loads
    return <span aria-hidden="true" style={box} className="rounded-md shrink-0" />;
  }
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
