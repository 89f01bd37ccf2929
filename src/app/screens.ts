import type { LaterStep } from '../flow/steps';

/**
 * A lazily loaded screen: `<feature folder>/<module>` under src/features/, whose export named as
 * the module is the component (`consent/ConsentStep` is `ConsentStep` of
 * src/features/consent/ConsentStep.tsx).
 */
export type ScreenPath = `${string}/${string}`;

/**
 * The step table's screen column for the steps that load lazily (src/flow/steps.ts has the rest
 * of each row, its chunk included; the first bundle's screens are in StepRouter.tsx). It lives in
 * the app because flow/ may not name features (README "Architecture"). Paths rather than imports,
 * so the first bundle holds a line per screen and no loader: screensPlugin.ts writes the loaders
 * into one module the router imports when a later screen is first needed. `satisfies` makes a
 * lazy step without a screen, or a screen for a step that is not one, a compile error.
 */
export const SCREEN_COLUMN = {
  consent: 'consent/ConsentStep',
  connections: 'connections/ConnectionsStep',
  disconnect: 'connections/DisconnectStep',
  disconnected: 'connections/DisconnectedStep',
  manualAccount: 'manualAccounts/ManualAccountStep',
  manualAccountAdded: 'manualAccounts/ManualAccountAddedStep',
  help: 'help/HelpStep',
  // the microdeposit details form is one component for all its screens
  microdepositRouting: 'microdeposits/MicrodepositForm',
  microdepositHowItWorks: 'microdeposits/MicrodepositForm',
  microdepositAccount: 'microdeposits/MicrodepositForm',
  microdepositPersonal: 'microdeposits/MicrodepositForm',
  microdepositReview: 'microdeposits/MicrodepositForm',
  microdepositStatus: 'microdeposits/MicrodepositStatusStep',
  institutionUnavailable: 'institutionUnavailable/InstitutionUnavailableStep',
  chooseMethod: 'method/ChooseMethodStep',
  enterCreds: 'credentials/CredentialsStep',
  oauth: 'oauth/OAuthStep',
  connecting: 'connecting/ConnectingStep',
  mfa: 'mfa/MfaStep',
  connected: 'connected/ConnectedStep',
  loginError: 'connecting/StatusStep',
} as const satisfies Record<LaterStep, ScreenPath>;

/**
 * What loads lazily beside a step's screen rather than as one, and the step whose chunk it joins
 * (null: a chunk of its own). The help button shows on other steps' screens; the status watcher
 * runs while a polling step shows (needed once there is a member to poll, not before).
 */
export const PART_COLUMN = {
  GetHelpButton: { screen: 'help/GetHelpButton', joins: 'help' },
  MemberStatusWatcher: { screen: 'connecting/MemberStatusWatcher', joins: null },
} as const satisfies Record<string, { screen: ScreenPath; joins: LaterStep | null }>;
