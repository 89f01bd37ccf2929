import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { helpCalls, type HelpRequestInput } from './helpApi';
import { useConfig } from '../../config/ConfigProvider';
import { useEmitter } from '../../embedding/emitter';

/** Sends a help request through the server; the analytics event names the topic only. */
export function useSendHelp() {
  const api = useApi();
  const { user_guid } = useConfig();
  const { analyticEvent } = useEmitter();
  return useMutation({
    mutationFn: (input: HelpRequestInput) => helpCalls(api).send(user_guid, input),
    onSuccess: (_, input) => analyticEvent('help_sent', { topic: input.topic }),
  });
}
