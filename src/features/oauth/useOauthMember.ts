import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useApi } from '../../api/ApiProvider';
import { useConfig } from '../../config/ConfigProvider';
import { useFlow } from '../../flow/store';

/**
 * Creates the PENDING OAuth member as soon as the step opens, so that the provider URL is ready
 * before the click: window.open must run inside the click handler or popup blockers stop it.
 */
export function useOauthMember() {
  const api = useApi();
  const { user_guid } = useConfig();
  const code = useFlow((s) => s.institutionCode);
  const memberGuid = useFlow((s) => s.memberGuid);
  const goTo = useFlow((s) => s.goTo);
  const started = useRef(false);

  const create = useMutation({
    mutationFn: () =>
      api.createMember(user_guid, { institutionCode: code ?? '', isOauth: true, referralSource: 'BROWSER' }),
    onSuccess: (member) => goTo('oauth', { memberGuid: member.guid, isOauth: true }),
  });

  const uri = useMutation({
    mutationFn: (guid: string) => api.getOAuthWindowUri(user_guid, guid),
  });

  useEffect(() => {
    if (started.current || memberGuid) return;
    started.current = true;
    create.mutate();
  }, [memberGuid, create]);

  const windowUri = create.data?.oauth_window_uri ?? uri.data ?? null;
  useEffect(() => {
    // a member restored from elsewhere (update mode) has no URL yet: ask for a fresh one
    if (memberGuid && !windowUri && !uri.isPending && !uri.isError) uri.mutate(memberGuid);
  }, [memberGuid, windowUri, uri]);

  return {
    memberGuid,
    windowUri,
    error: create.error ?? uri.error,
    retry: () => (memberGuid ? uri.mutate(memberGuid) : create.mutate()),
  };
}
