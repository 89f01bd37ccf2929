import * as v from 'valibot';
import { jsonObject } from '../api/schemas';

const hostMessageSchema = v.variant('type', [
  v.object({ type: v.literal('mx/navigation'), payload: jsonObject({ action: v.literal('back') }) }),
  v.object({ type: v.literal('ping') }),
  v.object({
    type: v.literal('mx/sdk/info'),
    metadata: v.optional(jsonObject({ sdk: v.optional(v.string()), version: v.optional(v.string()) })),
  }),
]);
export type HostMessage = v.InferOutput<typeof hostMessageSchema>;

/** MX's SDK sends JSON strings, ours sends objects: accept both, reject anything else. */
export function decodeHostMessage(data: unknown): HostMessage | null {
  let value = data;
  if (typeof data === 'string') {
    try {
      value = JSON.parse(data);
    } catch {
      return null;
    }
  }
  const parsed = v.safeParse(hostMessageSchema, value);
  return parsed.success ? parsed.output : null;
}

export interface HostListenerOptions {
  parentOrigin: string;
  parent: MessageEventSource | null;
  onMessage(message: HostMessage): void;
}

/** Listens for host messages from the configured origin and the parent window only. */
export function listenToHost(target: Window, options: HostListenerOptions): () => void {
  const handler = (event: MessageEvent) => {
    if (event.origin !== options.parentOrigin || event.source !== options.parent) return;
    const message = decodeHostMessage(event.data);
    if (message) options.onMessage(message);
  };
  target.addEventListener('message', handler);
  return () => target.removeEventListener('message', handler);
}
