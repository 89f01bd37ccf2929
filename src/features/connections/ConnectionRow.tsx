import { useId, useState } from 'react';
import { useForgetMemberStatus } from '../../api/queries';
import type { Member } from '../../api/schemas';
import { useConfig } from '../../config/ConfigProvider';
import { stepForMember } from '../../flow/routing';
import { useFlow } from '../../flow/store';
import { useLocale, useT } from '../../i18n/translate';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Button } from '../../ui/Button';
import { keepsPolling } from '../../connectionStatus/statusTable';
import { useAggregate } from '../../connectionStatus/useAggregate';
import { usePollMemberStatus } from '../../connectionStatus/usePollMemberStatus';
import { badgeOf, rowActions, type ConnectionBadge } from './connectionBadge';

const BADGE_TONE: Record<ConnectionBadge, string> = {
  connected: 'border-emerald-700 text-emerald-800 dark:border-emerald-300 dark:text-emerald-200',
  needsAttention: 'border-red-700 text-red-800 dark:border-red-300 dark:text-red-200',
  connecting: 'border-slate-500 text-slate-700 dark:border-slate-300 dark:text-slate-200',
  unavailable: 'border-amber-700 text-amber-900 dark:border-amber-300 dark:text-amber-200',
  manual: 'border-slate-500 text-slate-700 dark:border-slate-300 dark:text-slate-200',
};

/**
 * One connection: institution, badge, last sync, and its actions. A row whose member is still
 * moving (connecting, or refreshed here) follows it with the status poller and its budgets.
 */
export function ConnectionRow({ member, canVerify }: { member: Member; canVerify: boolean }) {
  const t = useT();
  const locale = useLocale();
  const send = useFlow((s) => s.send);
  const verification = useConfig().mode === 'verification';
  const aggregate = useAggregate();
  const forgetStatus = useForgetMemberStatus();
  const nameId = useId();
  const [refreshed, setRefreshed] = useState(false);
  const moving = refreshed || keepsPolling(member.connection_status, member.is_being_aggregated === true);
  const manual = member.is_manual === true || member.connection_status === null;
  const polled = usePollMemberStatus(member.guid, moving && !manual, { screen: 'connections', onSpent: noop });
  const current =
    polled.status && moving
      ? {
          ...member,
          connection_status: polled.status.connection_status,
          is_being_aggregated: polled.status.is_being_aggregated,
          successfully_aggregated_at: polled.status.successfully_aggregated_at ?? member.successfully_aggregated_at,
        }
      : member;
  const badge = badgeOf(current);
  const actions = rowActions(badge, member.is_managed_by_user === true);
  const name = member.name || member.institution_code || t('connections.unnamed');
  const synced = lastSynced(current.successfully_aggregated_at, locale);

  const refresh = () =>
    aggregate.mutate(member.guid, {
      onSuccess: () => {
        forgetStatus(member.guid);
        setRefreshed(true);
      },
    });

  return (
    <li className="rounded-brand border border-slate-300 dark:border-slate-600 p-3" aria-labelledby={nameId}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={nameId} className="min-w-0 font-semibold">
          {name}
        </h2>
        <span className={`rounded-full border px-2 text-xs font-semibold ${BADGE_TONE[badge]}`}>
          {t(`connections.badge.${badge}`)}
        </span>
      </div>
      <p className="text-sm text-muted mb-2">
        {manual
          ? t('connections.manualHint')
          : synced
            ? t('connections.synced', { when: synced })
            : t('connections.neverSynced')}
      </p>
      {aggregate.isError ? (
        <ErrorAlert error={aggregate.error} lead={t('connections.refreshError', { bank: name })} />
      ) : null}
      {polled.error ? <ErrorAlert error={polled.error} lead={t('connections.statusError', { bank: name })} /> : null}
      <div className="flex flex-wrap gap-2">
        {verification && canVerify && badge === 'connected' ? (
          <Button
            className="!w-auto"
            onClick={() =>
              send({ type: 'memberPicked', memberGuid: member.guid, institutionCode: member.institution_code ?? null })
            }
            aria-label={t('connections.useLabel', { bank: name })}
          >
            {t('connections.use')}
          </Button>
        ) : null}
        {actions.fix ? (
          <Button
            className="!w-auto"
            aria-label={t('connections.fixLabel', { bank: name })}
            onClick={() =>
              send({
                type: 'fixChosen',
                memberGuid: member.guid,
                institutionCode: member.institution_code ?? null,
                fix: stepForMember(current),
              })
            }
          >
            {t('connections.fix')}
          </Button>
        ) : null}
        {actions.refresh ? (
          <Button
            variant="secondary"
            className="!w-auto"
            aria-label={t('connections.refreshLabel', { bank: name })}
            disabled={aggregate.isPending}
            onClick={refresh}
          >
            {t('connections.refresh')}
          </Button>
        ) : null}
        {actions.disconnect ? (
          <Button
            variant="secondary"
            className="!w-auto"
            aria-label={t('connections.disconnectLabel', { bank: name })}
            onClick={() =>
              send({
                type: 'disconnectChosen',
                memberGuid: member.guid,
                institutionCode: member.institution_code ?? null,
              })
            }
          >
            {t('connections.disconnect')}
          </Button>
        ) : null}
      </div>
    </li>
  );
}

const noop = () => undefined;

function lastSynced(iso: string | null | undefined, locale: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
