import { useEffect, useRef, type RefObject } from 'react';
import { CALLBACK_NAMES, ConnectWidget, type ConnectWidgetCallbacks } from './ConnectWidget';

/**
 * React wrapper over the same class: mounts the widget into `containerRef` for `url`, and
 * unmounts it when the component goes away or the URL changes. Callbacks may change freely.
 */
export function useConnectWidget(
  containerRef: RefObject<HTMLElement | null>,
  url: string | null,
  callbacks: ConnectWidgetCallbacks = {},
  /** recommended: the origin widget URLs must come from (see ConnectWidgetOptions.widgetOrigin) */
  widgetOrigin?: string,
) {
  const latest = useRef(callbacks);
  useEffect(() => {
    latest.current = callbacks;
  });
  const widget = useRef<ConnectWidget | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container || !url) return undefined;
    const instance = new ConnectWidget({ ...forwardAll(() => latest.current), container, url, widgetOrigin });
    widget.current = instance;
    return () => {
      instance.unmount();
      widget.current = null;
    };
  }, [containerRef, url, widgetOrigin]);

  return {
    navigateBack: () => widget.current?.navigateBack(),
    ping: () => widget.current?.ping(),
  };
}

/** Stable functions that call whatever the latest render passed. */
function forwardAll(current: () => ConnectWidgetCallbacks): ConnectWidgetCallbacks {
  const out: Record<string, (...args: never[]) => void> = {};
  for (const name of CALLBACK_NAMES) {
    out[name] = (...args: never[]) => (current()[name] as ((...a: never[]) => void) | undefined)?.(...args);
  }
  return out as ConnectWidgetCallbacks;
}
