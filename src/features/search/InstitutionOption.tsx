import type { Institution } from '../../api/schemas';
import { useT } from '../../i18n/translate';
import { Logo } from '../../ui/Logo';
import { InstitutionStatusLabel } from './InstitutionStatusLabel';

function hostOf(url: string | null | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

export function InstitutionOption({
  institution,
  id,
  active,
  onSelect,
}: {
  institution: Institution;
  id: string;
  active: boolean;
  onSelect: () => void;
}) {
  const t = useT();
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      aria-labelledby={`${id}-name`}
      // the status label renders only for a bank that is not fully working: name it only then
      aria-describedby={institution.operational_status === 'operational' ? `${id}-host` : `${id}-host ${id}-status`}
      onClick={onSelect}
      onMouseDown={(e) => e.preventDefault()}
      className={`flex items-center gap-3 px-2 py-2 cursor-pointer rounded-brand ${
        active
          ? 'bg-slate-200 dark:bg-slate-700 outline-2 outline-offset-[-2px] outline-brand'
          : 'hover:bg-slate-100 dark:hover:bg-slate-800'
      }`}
    >
      <Logo name={institution.name} src={institution.small_logo_url} />
      <span className="min-w-0 flex-1">
        <span id={`${id}-name`} className="block font-medium">
          {institution.name}
        </span>
        <span id={`${id}-host`} className="relative block text-sm text-muted">
          {hostOf(institution.url)}
          {institution.supports_oauth ? <span className="sr-only">, {t('search.oauthHint')}</span> : null}
        </span>
        <InstitutionStatusLabel id={`${id}-status`} status={institution.operational_status} />
      </span>
      {institution.supports_oauth ? (
        <span aria-hidden="true" className="shrink-0 text-xs border border-current rounded px-1 text-muted">
          {t('search.oauthHint')}
        </span>
      ) : null}
    </li>
  );
}
