import { useEffect } from 'react';
import { z } from 'zod/mini';
import { useAppMessages } from '../../embedding/appChannel';

const oauthCompleteSchema = z.object({
  mx: z.literal(true),
  type: z.literal('oauthComplete'),
  metadata: z.object({
    member_guid: z.string(),
    status: z.enum(['success', 'error']),
    error_reason: z.optional(z.string()),
  }),
});

/**
 * The provider's result page messages us; only our own origin is believed (events.md). In a
 * WebView the app says it instead (oauthComplete/success or /error, injected into this page).
 */
export function useOauthCompleteMessage(memberGuid: string | null, onComplete: () => void) {
  const appMessages = useAppMessages();
  useEffect(() => {
    if (!memberGuid || !appMessages) return undefined;
    return appMessages((message) => {
      if (message.kind === 'oauthComplete' && message.memberGuid === memberGuid) onComplete();
    });
  }, [memberGuid, onComplete, appMessages]);

  useEffect(() => {
    if (!memberGuid) return undefined;
    const handler = (event: MessageEvent) => {
      if (event.origin !== window.location.origin) return;
      const parsed = oauthCompleteSchema.safeParse(event.data);
      if (parsed.success && parsed.data.metadata.member_guid === memberGuid) onComplete();
    };
    window.addEventListener('message', handler);
    return () => window.removeEventListener('message', handler);
  }, [memberGuid, onComplete]);
}
