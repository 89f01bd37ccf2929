import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useApi } from '../../api/ApiProvider';
import { SchemaError } from '../../api/errors';
import { safeUrl } from '../../api/safeUrl';
import { memberWrites, type OauthReturn } from '../../api/memberWrites';
import { oauthReferralSource } from '../../config/config';
import { useConfig } from '../../config/ConfigProvider';
import { useFlow } from '../../flow/store';
import { useAbandonMember } from '../../flow/useGoBack';
import { useStepGuard } from '../../flow/useStepGuard';

/**
 * Creates the PENDING OAuth member as soon as the step opens, so that the provider URL is ready
 * before the click: window.open must run inside the click handler or popup blockers stop it.
 */
export function useOauthMember() {
  const api = useApi();
  const config = useConfig();
  const { user_guid } = config;
  const referralSource = oauthReferralSource(config);
  const oauthReturn: OauthReturn = {
    referralSource,
    clientRedirectUrl: config.client_redirect_url,
    webviewScheme: config.is_mobile_webview ? config.ui_message_webview_url_scheme : undefined,
  };
  const code = useFlow((s) => s.institutionCode);
  const memberGuid = useFlow((s) => s.memberGuid);
  const send = useFlow((s) => s.send);
  const started = useRef(false);
  const guard = useStepGuard();
  const abandon = useAbandonMember();

  const create = useMutation({
    onMutate: guard.mark,
    mutationFn: () =>
      memberWrites(api).create(user_guid, {
        institutionCode: code ?? '',
        isOauth: true,
        referralSource,
        clientRedirectUrl: oauthReturn.clientRedirectUrl,
        webviewScheme: oauthReturn.webviewScheme,
      }),
    onSuccess: (member, _, mark) => {
      // the user left while it was being made (Cancel, Back): it must not pull them back, nor stay PENDING
      if (guard.stillOn(mark)) send({ type: 'oauthMemberCreated', memberGuid: member.guid });
      else abandon(member.guid);
    },
  });

  const uri = useMutation({
    mutationFn: (guid: string) => memberWrites(api).oauthWindowUri(user_guid, guid, oauthReturn),
  });

  useEffect(() => {
    if (started.current || memberGuid) return;
    started.current = true;
    create.mutate();
  }, [memberGuid, create]);

  const rawUri = create.data?.oauth_window_uri ?? uri.data ?? null;
  // only an https URL (http on the local sandbox) is ever opened or handed to the host
  const windowUri = safeUrl(rawUri) || null;
  useEffect(() => {
    // a member restored from elsewhere (update mode) has no URL yet: ask for a fresh one, once
    if (memberGuid && !rawUri && uri.isIdle) uri.mutate(memberGuid);
  }, [memberGuid, rawUri, uri]);
  const unusable =
    (rawUri !== null && windowUri === null) || (uri.isSuccess && windowUri === null)
      ? new SchemaError('GET …/oauth_window_uri', 'oauth_window_uri', 'is not an https URL')
      : null;

  return {
    /** APP: the app opens the URL (oauthRequested); the widget never calls window.open */
    inApp: referralSource === 'APP',
    memberGuid,
    windowUri,
    error: create.error ?? uri.error ?? unusable,
    retry: () => (memberGuid ? uri.mutate(memberGuid) : create.mutate()),
  };
}
