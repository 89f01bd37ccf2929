import { useConfig } from '../config/ConfigProvider';
import { useEmitter } from '../embedding/emitter';
import { useSend } from './store';

/**
 * "Connect with account numbers instead": verification by microdeposits, offered in verification
 * mode only (search, no results, an institution that cannot verify). Null where it is not offered.
 */
export function useChooseMicrodeposits(source: string): (() => void) | null {
  const verification = useConfig().mode === 'verification';
  const send = useSend();
  const { analyticEvent } = useEmitter();
  if (!verification) return null;
  return () => {
    analyticEvent('microdeposits_chosen', { source });
    send({ type: 'microdepositsChosen' });
  };
}
