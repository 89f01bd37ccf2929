/** Step names: also the `stepChange` values the host receives (docs/events.md, `mx/connect/stepChange`). */
export type Step =
  | 'consent'
  | 'connections'
  | 'disconnect'
  | 'disconnected'
  | 'search'
  | 'manualAccount'
  | 'manualAccountAdded'
  | 'help'
  | MicrodepositFormStep
  | 'microdepositStatus'
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

/**
 * The screens of the microdeposit details form, in order. One form component shows them all, so
 * what the user typed lives only as long as the form (never in the flow store).
 */
export const MICRODEPOSIT_FORM_STEPS = [
  'microdepositRouting',
  'microdepositHowItWorks',
  'microdepositAccount',
  'microdepositPersonal',
  'microdepositReview',
] as const;
export type MicrodepositFormStep = (typeof MICRODEPOSIT_FORM_STEPS)[number];
