import { z } from 'zod/mini';

const hostMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('mx/navigation'), payload: z.object({ action: z.literal('back') }) }),
  z.object({ type: z.literal('ping') }),
  z.object({
    type: z.literal('mx/sdk/info'),
    metadata: z.optional(z.partial(z.object({ sdk: z.string(), version: z.string() }))),
  }),
]);
export type HostMessage = z.infer<typeof hostMessageSchema>;

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
  const parsed = hostMessageSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
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
