import { useInstitutions, useMembers } from '../../api/queries';
import type { Member } from '../../api/schemas';
import { useConfig } from '../../config/ConfigProvider';
import { useFlow } from '../../flow/store';
import { useT } from '../../i18n/translate';
import { LoadErrorAlert } from '../../ui/ErrorAlert';
import { Button } from '../../ui/Button';
import { Spinner } from '../../ui/Spinner';
import { StepHeading } from '../../ui/StepHeading';
import { ConnectionRow } from './ConnectionRow';

/**
 * The first screen for a user who already has connections: each with its state and what can be
 * done about it, and a way to connect another. In verification mode the ones that can verify
 * come first, and picking one goes to its accounts.
 */
export function ConnectionsStep() {
  const t = useT();
  const send = useFlow((s) => s.send);
  const members = useMembers();
  const verification = useConfig().mode === 'verification';
  const verifiable = useVerifiable(verification ? (members.data ?? []) : []);
  const list = [...(members.data ?? [])].sort(
    (a, b) => Number(verifiable.has(b.guid)) - Number(verifiable.has(a.guid)),
  );

  return (
    <section>
      <StepHeading>{t('connections.heading')}</StepHeading>
      <p className="mb-3">{verification ? t('connections.introVerification') : t('connections.intro')}</p>
      {members.isPending ? <Spinner label={t('common.loading')} /> : null}
      {members.isError ? <LoadErrorAlert query={members} lead={t('connections.loadError')} /> : null}
      <ul className="mb-4 flex flex-col gap-3" aria-label={t('connections.listLabel')}>
        {list.map((member) => (
          <ConnectionRow key={member.guid} member={member} canVerify={verifiable.has(member.guid)} />
        ))}
      </ul>
      <Button onClick={() => send({ type: 'connectAnotherChosen' })}>{t('connections.another')}</Button>
    </section>
  );
}

/** Members whose institution supports account verification (read from the cached catalogue). */
function useVerifiable(members: readonly Member[]): Set<string> {
  const institutions = useInstitutions(members.map((m) => (m.is_manual ? null : (m.institution_code ?? null))));
  return new Set(members.filter((_, i) => institutions[i]?.supports_account_verification === true).map((m) => m.guid));
}
