import { lazy, useState, type ComponentType, type ReactNode } from 'react';
import { laterMessages } from '../i18n/laterMessages';

export type LazyScreen = (() => ReactNode) & { preload: () => Promise<unknown> };

/**
 * A lazily loaded screen: the component `load` resolves to, loaded the first time it shows or when
 * `preload` asks. Once it is loaded, a new mount renders the component itself rather than
 * React.lazy's wrapper, so a preloaded step appears in the same commit as the click that chose
 * it: no spinner flash, and no Suspense reveal delay (React holds a revealed fallback back by
 * about 300 ms). A failed load is tried again the next time.
 */
export function lazyScreen(load: () => Promise<ComponentType>): LazyScreen {
  let loaded: ComponentType | undefined;
  // every screen but the first shows messages the first bundle leaves out: both, then the screen
  const loadComponent = () =>
    Promise.all([load(), laterMessages()]).then(([component]) => {
      loaded = component;
      return { default: component };
    });
  const Lazy = lazy(loadComponent);
  function Screen() {
    // chosen once per mount: switching from the wrapper to the component later would remount it
    const [Component] = useState<ComponentType>(() => loaded ?? Lazy);
    return <Component />;
  }
  return Object.assign(Screen, { preload: loadComponent });
}
