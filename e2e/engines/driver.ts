/**
 * The few things the engine flows (flows.ts) do to a browser, whatever drives it: Firefox through
 * puppeteer-core over WebDriver BiDi (firefox.ts), WebKitGTK through WebdriverIO over classic
 * WebDriver (webkit.ts). Elements are found as a user finds them: by ARIA role and accessible name.
 */
export type Role = 'button' | 'combobox' | 'heading' | 'link' | 'option' | 'radio' | 'region' | 'textbox' | 'listbox';

/** A key the flows press; `type` sends text. */
export type Key = 'Tab' | 'Enter' | 'End' | 'Space' | 'ArrowDown';

export interface EngineDriver {
  /** the engine's name in reports: firefox, webkit */
  readonly name: string;
  /** Loads a URL in the current window and acts on its top document. */
  goto(url: string): Promise<void>;
  /** Acts inside the widget's iframe (`#widget iframe` on the demo host page) from now on. */
  enterWidget(): Promise<void>;
  /** Acts on the current window's top document from now on. */
  leaveWidget(): Promise<void>;
  /** Waits (up to `timeoutMs`) until an element of that role and exact accessible name is in the document. */
  waitForRole(role: Role, name: string, timeoutMs?: number): Promise<void>;
  /** Clicks it, as a mouse would (waits for it first). */
  click(role: Role, name: string): Promise<void>;
  /** Clicks a field, then types `text` with the keyboard. */
  fill(role: Role, name: string, text: string): Promise<void>;
  /** Moves focus to it without a pointer (the start of a keyboard-only flow). */
  focus(role: Role, name: string): Promise<void>;
  /** Whether it has focus in its document. */
  isFocused(role: Role, name: string): Promise<boolean>;
  press(key: Key): Promise<void>;
  type(text: string): Promise<void>;
  /** Runs `expression` (a JavaScript expression) in the current document and answers its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Runs `open`, which opens a window, then acts on that window's top document. */
  openPopup(open: () => Promise<void>): Promise<void>;
  /** Back to the first window (after the popup closed itself or was closed), its top document. */
  leavePopup(): Promise<void>;
  /** A PNG of the current window (kept for a failed flow). */
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/** How long a flow waits for something a user would wait for (first paint, a connection finishing). */
export const WAIT_MS = 20_000;

/** Resolves once `url` answers 2xx, polling every 100 ms; rejects after `timeoutMs` naming it. */
export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Source of `(el) => Promise<void>` resolving once `el` has kept the same box over two animation
 * frames, as Playwright's actionability check does before a click: a screen still laying out (a
 * list arriving above a button) otherwise takes the click where the element was. Kept as text so
 * it reaches the page as written (the TypeScript loader would add helpers the page lacks).
 */
export const SETTLED_SOURCE = `(el) => new Promise((resolve) => {
  let last = '';
  const check = () => requestAnimationFrame(() => requestAnimationFrame(() => {
    const now = JSON.stringify(el.getBoundingClientRect());
    if (now === last) resolve();
    else {
      last = now;
      check();
    }
  }));
  check();
})`;

/** What WebDriver and Puppeteer say when an element found a moment ago has left the document. */
const GONE = /stale element|was not found when running|detached from (the )?document|not attached to the dom/i;

/**
 * Finds an element and acts on it, finding it again when the page replaced it in between (a
 * WebDriver element reference is to one node, unlike a Playwright locator): the widget's first
 * paint swaps its search box for the search step's, and screens re-render. At most `tries` finds;
 * any other error, or the same one `tries` times, is the caller's.
 */
export async function withFreshElement<T>(act: () => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await act();
    } catch (error) {
      if (attempt >= tries || !(error instanceof Error) || !GONE.test(error.message)) throw error;
    }
  }
}
