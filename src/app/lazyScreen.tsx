import { lazy, useState, type ComponentType, type ReactNode } from 'react';
import { laterMessages } from '../i18n/laterMessages';

export type LazyScreen = (() => ReactNode) & { preload: () => Promise<unknown> };

/**
 * What a lazy screen throws (to the nearest error boundary) and `preload` rejects with when the
 * screen's code or the messages it needs could not be loaded: the network or a deploy, not a bug in
 * the screen, so showing it again may work. `cause` is the loader's own error (for a failed dynamic
 * import, the browser's TypeError).
 */
export class ScreenLoadError extends Error {
  override name = 'ScreenLoadError';
  readonly #forget: () => void;
  constructor(cause: unknown, forget: () => void) {
    super('A screen could not be loaded', { cause });
    this.#forget = forget;
  }

  /**
   * Called once the failure has been shown (ErrorBoundary's componentDidCatch): the screen's next
   * mount loads again. Until then every render of the failed mount throws this same error; a
   * wrapper replaced sooner would start a new load from React's own re-render of that mount, and
   * with the network down load again and again.
   */
  shown(): void {
    this.#forget();
  }
}

/** Whether `error` is a lazy screen's failed load (ScreenLoadError) rather than a crash in a screen. */
export function isScreenLoadError(error: unknown): error is ScreenLoadError {
  return error instanceof ScreenLoadError;
}

/**
 * A lazily loaded screen: the component `load` resolves to, loaded the first time it shows or when
 * `preload` asks. Once it is loaded, a new mount renders the component itself rather than
 * React.lazy's wrapper, so a preloaded step appears in the same commit as the click that chose
 * it: no spinner flash, and no Suspense reveal delay (React holds a revealed fallback back by
 * about 300 ms). A failed load (`load` or the later messages rejecting) rejects with a
 * ScreenLoadError; the next `preload`, and the next mount once an error boundary has shown the
 * failure, load again. A preload and a mount that want the screen at once share one load.
 */
export function lazyScreen(load: () => Promise<ComponentType>): LazyScreen {
  let loaded: ComponentType | undefined;
  let loading: Promise<{ default: ComponentType }> | undefined;
  let failed = false;
  // every screen but the first shows messages the first bundle leaves out: both, then the screen
  const loadComponent = () => {
    loading ??= Promise.all([load(), laterMessages()]).then(
      ([component]) => {
        loaded = component;
        return { default: component };
      },
      (error: unknown) => {
        loading = undefined;
        failed = true;
        throw new ScreenLoadError(error, forgetFailure);
      },
    );
    return loading;
  };
  let Lazy = lazy(loadComponent);
  // React.lazy keeps a rejection for good: later mounts get a new wrapper, which asks again
  function forgetFailure() {
    if (!failed) return;
    failed = false;
    Lazy = lazy(loadComponent);
  }
  function Screen() {
    // chosen once per mount: switching from the wrapper to the component later would remount it
    const [Component] = useState<ComponentType>(() => loaded ?? Lazy);
    return <Component />;
  }
  const preload = () => {
    forgetFailure();
    return loadComponent();
  };
  return Object.assign(Screen, { preload });
}
