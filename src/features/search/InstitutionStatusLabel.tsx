import type { OperationalStatus } from '../../api/schemas';
import { useT } from '../../i18n/translate';

/** The tile's word on an institution that is not fully working; nothing when it is. */
export function InstitutionStatusLabel({ id, status }: { id: string; status: OperationalStatus }) {
  const t = useT();
  if (status === 'operational') return null;
  const tone = status === 'unavailable' ? 'text-danger' : 'text-muted';
  return (
    <span id={id} className={`block text-xs ${tone}`}>
      {t(`institution.status.${status}`)}
    </span>
  );
}
