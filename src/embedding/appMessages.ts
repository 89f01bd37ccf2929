import * as v from 'valibot';

/**
 * valibot's object takes an array carrying the right properties; a message and its metadata are
 * JSON objects, never lists. Inline rather than api/schemas' jsonObject, whose import here would
 * split valibot out of the entry into a chunk of its own (+0.4 KB gzip).
 */
const plainObject = v.custom<object>((input) => typeof input === 'object' && input !== null && !Array.isArray(input));

/** What the app may inject into the page (window.postMessage from its own JavaScript). */
const appMessageSchema = v.pipe(
  plainObject,
  v.variant('type', [
    v.object({
      type: v.picklist(['oauthComplete/success', 'oauthComplete/error']),
      metadata: v.pipe(
        plainObject,
        v.object({ member_guid: v.pipe(v.string(), v.maxLength(128)), error_reason: v.optional(v.string()) }),
      ),
    }),
    v.object({ type: v.literal('mx/navigation') }),
  ]),
);

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
