import { useHelpOptions } from './helpApi';
import { useEmitter } from '../../embedding/emitter';
import { useFlow } from '../../flow/store';
import { useT } from '../../i18n/translate';
import { Button } from '../../ui/Button';

/** "Get help" where users get stuck; nothing when the server has no help desk. */
export function GetHelpButton() {
  const t = useT();
  const send = useFlow((s) => s.send);
  const step = useFlow((s) => s.step);
  const { analyticEvent } = useEmitter();
  const available = useHelpOptions().data?.available === true;
  if (!available) return null;
  return (
    <Button
      variant="link"
      className="mt-3"
      onClick={() => {
        analyticEvent('help_requested', { step });
        send({ type: 'helpRequested' });
      }}
    >
      {t('help.open')}
    </Button>
  );
}
