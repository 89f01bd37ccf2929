import { useT } from '../i18n/translate';
import { Alert } from './Alert';
import { Button } from './Button';

/**
 * Something did not load, in the screen's own words (`text`, a catalog sentence), with "Try again"
 * (`onRetry`, e.g. a query's refetch). For a failure explained by its kind, ErrorAlert.
 */
export function RetryAlert({ text, onRetry }: { text: string; onRetry: () => void }) {
  const t = useT();
  return (
    <Alert tone="error">
      {text}{' '}
      <Button variant="link" onClick={onRetry}>
        {t('common.tryAgain')}
      </Button>
    </Alert>
  );
}
