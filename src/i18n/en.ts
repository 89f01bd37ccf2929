/**
 * English copy. Status messages are MX's End-User Messages, verbatim, with the institution
 * name in place of "[...]" ({bank} here).
 */
export const en = {
  'locale.name': 'English',
  'app.title': 'Connect your account',
  'common.back': 'Back',
  'common.backToSearch': 'Back to search',
  'common.tryAgain': 'Try again',
  'common.loading': 'Loading…',
  'common.reconnecting': 'Reconnecting…',
  'common.required': '{label} is required.',

  'search.heading': 'Select your institution',
  'search.label': 'Search for your bank or credit union',
  'search.placeholder': 'Search',
  'search.popular': 'Popular institutions',
  'search.results': 'Search results',
  'search.noResults':
    'No institutions match "{query}". Check the spelling, or try the name your bank uses on its website.',
  'search.oauthHint': 'OAuth',
  'search.loadMore': 'Show more results',
  'search.resultCount': '{count} institutions found',
  'search.byRoutingNumber': 'Institutions with routing number {query}',
  'search.invalidRoutingNumber': '{query} is not a valid routing number, so we searched for it by name.',
  'institution.status.maintenance': 'Under maintenance: connecting may not work',
  'institution.status.degraded': 'Connections are slow right now',
  'institution.status.unavailable': 'Unavailable right now',
  'institution.unavailable.heading': '{bank} is unavailable',
  'institution.unavailable.body':
    'Connections to {bank} are not working right now. Nothing was sent to {bank}. Please try again later, or choose another institution.',
  'search.error': 'We could not load institutions.',

  'method.heading': 'How do you want to connect to {bank}?',
  'method.oauth': 'Sign in at {bank} (recommended)',
  'method.oauthHint': 'Your bank shows you its own sign-in page. We never see your password.',
  'method.credentials': 'Enter your credentials here',
  'method.credentialsHint': 'Type your {bank} username and password in this window.',

  'creds.heading': 'Enter your credentials',
  'creds.updateHeading': 'Update your credentials',
  'creds.intro': 'Sign in to {bank} to connect your account.',
  'creds.submit': 'Continue',
  'creds.sending': 'Connecting…',
  'creds.show': 'Show',
  'creds.hide': 'Hide',
  'creds.showLabel': 'Show password',
  'creds.hideLabel': 'Hide password',
  'creds.selectPlaceholder': 'Choose…',
  'creds.forgot': 'Forgot your credentials?',
  'creds.duplicate': 'You have already connected this {bank} account.',
  'creds.duplicateUpdate': 'Update the existing connection',
  'creds.error': 'We could not send your credentials: {message}',
  'creds.noFields': '{bank} does not accept credentials here.',

  'oauth.heading': 'Sign in at {bank}',
  'oauth.intro': 'You will be sent to {bank} to sign in. When you are done, you will come back here.',
  'oauth.go': 'Go to {bank}',
  'oauth.waiting': 'Waiting for you to finish signing in at {bank}…',
  'oauth.reopen': 'Reopen window',
  'oauth.cancel': 'Cancel',
  'oauth.blocked': 'Your browser blocked the sign-in window. Use this link to open it:',
  'oauth.blockedLink': 'Open {bank} sign-in',
  'oauth.preparing': 'Preparing a secure sign-in…',
  'oauth.error': 'We could not start the sign-in with {bank}.',

  'connecting.heading': 'Connecting to {bank}',
  'connecting.doneLater': 'Done, check back later',

  'mfa.heading': 'Verify your identity',
  'mfa.intro': 'To authenticate your connection to {bank}, please answer the following challenge(s).',
  'mfa.submit': 'Continue',
  'mfa.sending': 'Sending…',
  'mfa.imageUnavailable': 'Image unavailable',
  'mfa.chooseOne': 'Choose one',
  'mfa.unanswerable':
    '{bank} asked a security question that cannot be shown here. Go back and try again, or choose another institution.',

  'connected.heading': 'Success!',
  'connected.body': 'You have successfully connected {bank}.',
  'connected.accounts': 'Accounts found',
  'connected.noAccounts': 'No accounts were found yet.',
  'connected.accountsError': 'Your account is connected, but we could not load its accounts.',
  'connected.done': 'Done',
  'connected.another': 'Connect another account',
  'connected.manual': '{bank} was added manually. It is not updated automatically.',

  'verify.heading': 'Choose an account',
  'verify.intro': 'Choose the {bank} account to use for payments.',
  'verify.accounts': 'Accounts that can be verified',
  'verify.continue': 'Use this account',
  'verify.chosen': 'You chose {account}.',
  'verify.choose': 'Choose an account first.',
  'verify.none':
    'None of your {bank} accounts can be used for payments. Connect a checking or savings account instead.',

  'status.heading.fixCredentials': 'New credentials needed',
  'status.heading.mfaProblem': 'We could not verify you',
  'status.heading.actAtBank': 'Action needed at {bank}',
  'status.heading.temporary': 'Connection problem',
  'status.heading.gone': 'Connection unavailable',
  'status.heading.unknown': 'Something went wrong',
  'status.action.updateCredentials': 'Update credentials',
  'status.action.tryAgain': 'Try again',
  'status.action.visitBank': 'Go to {bank} website',
  'status.action.backToSearch': 'Back to search',

  'status.CREATED': 'Connecting to {bank} ...',
  'status.PREVENTED':
    'The last 3 attempts to connect have failed. Please re-enter your credentials to continue importing data.',
  'status.DENIED':
    'The credentials entered do not match your credentials at this institution. Please re-enter your credentials to continue importing data.',
  'status.CHALLENGED': 'To authenticate your connection to {bank}, please answer the following challenge(s).',
  'status.REJECTED': 'The answer or answers provided were incorrect. Please try again.',
  'status.LOCKED':
    'Your account is locked. Please log in to the appropriate website for {bank} and follow the steps to resolve the issue.',
  'status.CONNECTED': 'Connected to {bank}.',
  'status.IMPEDED':
    "Your attention is needed at this institution's website. Please log in to the appropriate website for {bank} and follow the steps to resolve the issue.",
  'status.RECONNECTED': 'Reconnecting to {bank} ...',
  'status.DEGRADED': 'We are upgrading this connection. Please try again later.',
  'status.DISCONNECTED': 'It looks like your data from {bank} cannot be imported. We are working to resolve the issue.',
  'status.DISCONTINUED':
    'Connections to this institution are no longer supported. You may create a manual account and use manual transactions to track data for this account.',
  'status.CLOSED':
    'This connection has been closed. You may track this account manually. If reopened, you may connect the institution again.',
  'status.DELAYED': 'Importing your data from {bank} may take a while. Please check back later.',
  'status.FAILED': 'There was a problem validating your credentials with {bank}. Please try again later.',
  'status.UPDATED': 'Connecting to {bank} ...',
  'status.DISABLED':
    'Importing data from this institution has been disabled. Please contact us if you believe it has been disabled in error.',
  'status.IMPORTED':
    'You must re-authenticate before your data can be imported. Please enter your credentials for {bank}.',
  'status.RESUMED': 'Connecting to {bank} ...',
  'status.EXPIRED': 'The answer or answers were not provided in time. Please try again.',
  'status.IMPAIRED':
    'You must re-authenticate before your data can be imported. Please enter your credentials for {bank}.',
  'status.PENDING': 'Waiting for you to finish signing in at {bank}.',
  'status.MANUAL': '{bank} was added manually. It is not updated automatically.',
  'status.UNKNOWN': 'Something went wrong while connecting to {bank}. Please try again.',

  'error.heading': 'Something went wrong',
  'error.network': 'We cannot reach the server right now. Check your connection and try again.',
  'error.notFound': 'We could not find this connection. It may have expired. Please start again.',
  'error.badData': 'We received a response we did not understand. Please try again.',
  'error.server': 'The service is having trouble right now. Please try again in a moment.',
  'error.tooLong.heading': 'This is taking longer than usual',
  'error.tooLong': 'We are still waiting to hear back from {bank}. You can try again now, or come back later.',
  'common.stopWaiting': 'Stop waiting',
  'error.sessionExpired.heading': 'Your session has expired',
  'error.sessionExpired': 'For your security, this session has ended. Close this window and start again from the app.',
  'error.crash': 'This step stopped working. You can go back and try again.',
  'error.config': 'This widget was opened with an invalid setting: "{param}" {message}.',
  'error.embedding': 'This widget can only run inside the app that opened it.',
} as const;

export type MessageKey = keyof typeof en;
