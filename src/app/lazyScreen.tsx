import { lazy, useState, type ComponentType, type ReactNode } from 'react';
import { laterMessages } from '../i18n/laterMessages';

export type LazyScreen = (() => ReactNode) & { preload: () => Promise<unknown> };

/**
 * A lazily loaded screen: the named export of a module, loaded the first time it shows or when
 * `preload` asks. Once the module is loaded, a new mount renders the component itself rather than
 * React.lazy's wrapper, so a preloaded step appears in the same commit as the click that chose
 * it: no spinner flash, and no Suspense reveal delay (React holds a revealed fallback back by
 * about 300 ms).
 */
export function lazyScreen<M, K extends keyof M>(load: () => Promise<M>, name: K): LazyScreen {
  let loaded: ComponentType | undefined;
  // every screen but the first shows messages the first bundle leaves out: both, then the screen
  const loadComponent = () =>
    Promise.all([load(), laterMessages()]).then(([m]) => {
      loaded = m[name] as ComponentType;
      return { default: loaded };
    });
  const Lazy = lazy(loadComponent);
  function Screen() {
    // chosen once per mount: switching from the wrapper to the component later would remount it
    const [Component] = useState<ComponentType>(() => loaded ?? Lazy);
    return <Component />;
  }
  return Object.assign(Screen, { preload: loadComponent });
}
