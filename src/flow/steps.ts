/** Step names: also the `stepChange` values the host receives (shared/design.md). */
export type Step =
  | 'consent'
  | 'connections'
  | 'disconnect'
  | 'disconnected'
  | 'search'
  | 'manualAccount'
  | 'manualAccountAdded'
  | 'help'
  | 'institutionUnavailable'
  | 'chooseMethod'
  | 'enterCreds'
  | 'oauth'
  | 'connecting'
  | 'mfa'
  | 'connected'
  | 'loginError'
  | 'error';

/** Steps during which the member's status is polled. */
export const POLLING_STEPS: readonly Step[] = ['connecting', 'oauth'];
