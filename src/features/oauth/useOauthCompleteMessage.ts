import { useEffect } from 'react';
import * as v from 'valibot';
import { jsonObject } from '../../api/schemas';
import { useAppMessages } from '../../embedding/appChannel';

const oauthCompleteSchema = jsonObject({
  mx: v.literal(true),
  type: v.literal('oauthComplete'),
  metadata: jsonObject({
    member_guid: v.string(),
    status: v.picklist(['success', 'error']),
    error_reason: v.optional(v.string()),
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
      const parsed = v.safeParse(oauthCompleteSchema, event.data);
      if (parsed.success && parsed.output.metadata.member_guid === memberGuid) onComplete();
    };
    window.addEventListener('message', handler);
    return () => window.removeEventListener('message', handler);
  }, [memberGuid, onComplete]);
}
