import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/ApiProvider';
import { errorKindOf, waitAskedBy } from '../api/errors';
import { membersOptions } from '../api/queries';
import { useConfig } from '../config/ConfigProvider';
import { useFlow } from '../flow/store';
import { useT } from '../i18n/translate';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { RetryCountdown } from '../ui/RetryCountdown';

/**
 * On search, when the user's saved connections could not be read at start: a short note and a
 * way to read them again; once they are back, a way to them. Watching the list here never reads
 * it (a failed list is read again only on "Try again").
 */
export function MembersNote() {
  const t = useT();
  const step = useFlow((s) => s.step);
  const send = useFlow((s) => s.send);
  const members = useQuery({ ...membersOptions(useApi(), useConfig().user_guid), enabled: false });
  const failedBefore = members.errorUpdateCount > 0;
  // a failed list that came back on "Try again" with connections in it
  const back = failedBefore && members.isSuccess && members.data.length > 0;
  if (step !== 'search' || !failedBefore || (members.isSuccess && !back)) return null;
  const retry = () => void members.refetch();
  return (
    <Alert>
      <p className="mb-2">{back ? t('start.membersBack') : t('start.membersFailed')}</p>
      {back ? (
        <Button variant="link" onClick={() => send({ type: 'connectionsChosen' })}>
          {t('start.showConnections')}
        </Button>
      ) : errorKindOf(members.error) === 'rateLimited' ? (
        <RetryCountdown key={members.errorUpdateCount} waitMs={waitAskedBy(members.error)} onRetry={retry} />
      ) : (
        <Button variant="link" disabled={members.isFetching} onClick={retry}>
          {t('common.tryAgain')}
        </Button>
      )}
    </Alert>
  );
}
