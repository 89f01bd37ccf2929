import * as v from 'valibot';

/**
 * What the app may inject into the page (window.postMessage from its own JavaScript). The metadata
 * needs member_guid, so an array there is refused without api/schemas' jsonObject, whose import
 * here would split valibot out of the entry into a chunk of its own (+0.4 KB gzip).
 */
const appMessageSchema = v.variant('type', [
  v.object({
    type: v.picklist(['oauthComplete/success', 'oauthComplete/error']),
    metadata: v.object({ member_guid: v.pipe(v.string(), v.maxLength(128)), error_reason: v.optional(v.string()) }),
  }),
  v.object({ type: v.literal('mx/navigation') }),
]);

export type AppMessage = { kind: 'oauthComplete'; memberGuid: string; status: 'success' | 'error' } | { kind: 'back' };

/** The app's messages, as objects or JSON strings (as MX's SDKs send them); anything else is null. */
export function decodeAppMessage(data: unknown): AppMessage | null {
  let value = data;
  if (typeof data === 'string') {
    if (data.length > 4_096) return null;
    try {
      value = JSON.parse(data);
    } catch {
      return null;
    }
  }
  const parsed = v.safeParse(appMessageSchema, value);
  if (!parsed.success) return null;
  const message = parsed.output;
  if (message.type === 'mx/navigation') return { kind: 'back' };
  return {
    kind: 'oauthComplete',
    memberGuid: message.metadata.member_guid,
    status: message.type === 'oauthComplete/success' ? 'success' : 'error',
  };
}

/**
 * Listens for what the app injects: only messages the page posts to itself (source is this
 * window, origin is this origin). Only WebView mode listens at all.
 */
export function listenToApp(target: Window, onMessage: (message: AppMessage) => void): () => void {
  const handler = (event: MessageEvent) => {
    if (event.source !== target || event.origin !== target.location.origin) return;
    const message = decodeAppMessage(event.data);
    if (message) onMessage(message);
  };
  target.addEventListener('message', handler);
  return () => target.removeEventListener('message', handler);
}
