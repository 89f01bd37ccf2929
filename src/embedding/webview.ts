import type { AppMessageSource } from './appChannel';
import { listenToApp } from './appMessages';
import type { Post } from './emitter';

/**
 * Mobile WebView mode: no parent window, so every message the widget would post becomes a
 * navigation the app intercepts, `<scheme>://<type without "mx/">?metadata=<JSON>`
 * (`mx/connect/memberConnected` → `myapp://connect/memberConnected`, `mx/load` → `myapp://load`).
 */
export function webviewUrl(scheme: string, message: unknown): string | null {
  if (typeof message !== 'object' || message === null) return null;
  const { mx: _mx, type, metadata, ...rest } = message as Record<string, unknown>;
  if (typeof type !== 'string') return null;
  // analytics carry their path or name beside the metadata: one object for the app
  const merged = { ...(typeof metadata === 'object' && metadata !== null ? metadata : {}), ...rest };
  const path = type.replace(/^mx\//, '');
  return `${scheme}://${path}?metadata=${encodeURIComponent(JSON.stringify(merged))}`;
}

/**
 * One navigation per task, in order: a second location change in the same task can cancel the
 * first before the app sees it, so events fired together wait their turn.
 */
export function createNavigationQueue(
  navigate: (url: string) => void,
  schedule: (run: () => void) => void = (run) => setTimeout(run, 0),
): (url: string) => void {
  const queue: string[] = [];
  let draining = false;
  const drain = () => {
    const next = queue.shift();
    if (next === undefined) {
      draining = false;
      return;
    }
    navigate(next);
    schedule(drain);
  };
  return (url) => {
    queue.push(url);
    if (draining) return;
    draining = true;
    schedule(drain);
  };
}

/**
 * Navigates one hidden frame to each URL. Not the page itself: in Chromium (Android's WebView
 * too) a navigation of the page, even one the app then cancels, stops the page's own requests in
 * flight (a status poll, the MFA answer); a frame's navigation reaches the app's navigation
 * delegate just the same and stops nothing.
 */
export function frameNavigator(doc: Document = document): (url: string) => void {
  let frame: HTMLIFrameElement | null = null;
  return (url) => {
    if (!frame?.isConnected) {
      frame = doc.createElement('iframe');
      frame.hidden = true;
      frame.tabIndex = -1;
      frame.setAttribute('aria-hidden', 'true');
      frame.setAttribute('sandbox', '');
      doc.body.append(frame);
    }
    frame.src = url;
  };
}

/** The emitter's way out in WebView mode. Resizing means nothing without a frame, so it is not sent. */
export function webviewPost(scheme: string, navigate = frameNavigator()): Post {
  const enqueue = createNavigationQueue(navigate);
  return (message) => {
    if (
      typeof message === 'object' &&
      message !== null &&
      (message as { type?: unknown }).type === 'connect-widget/resize'
    )
      return;
    const url = webviewUrl(scheme, message);
    if (url) enqueue(url);
  };
}

/** What the app injects, as the widget's context hands it to the steps that listen. */
export const appMessageSource: AppMessageSource = (onMessage) => listenToApp(window, onMessage);
