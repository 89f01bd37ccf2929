import type { enLater } from './enLater';

/**
 * English, the first screen's part: every message the first bundle can show (search, the start's
 * errors, retry waits). The rest is in enLater.ts and loads after the first screen, before any
 * other screen shows (i18n/laterMessages.ts); `npm run size` fails if the first bundle names a
 * later key.
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
  'amount.ambiguous': '“{text}” could mean {asDecimal} or {asGrouped}. For {asGrouped}, write {groupedExample}.',

  'search.heading': 'Select your institution',
  'search.label': 'Search for your bank or credit union',
  'search.placeholder': 'Search',
  'search.popular': 'Popular institutions',
  'search.results': 'Search results',
  'search.noResults':
    'No institutions match "{query}". Check the spelling, or try the name your bank uses on its website.',
  'search.oauthHint': 'OAuth',
  'search.loadMore': 'Show more results',
  'search.resultCount.one': '{count} institution found',
  'search.resultCount.other': '{count} institutions found',
  'search.byRoutingNumber': 'Institutions with routing number {query}',
  'search.invalidRoutingNumber': '{query} is not a valid routing number, so we searched for it by name.',
  'search.routingNumberByName': 'Searching by name: this service cannot search by routing number.',
  'institution.status.maintenance': 'Under maintenance: connecting may not work',
  'institution.status.degraded': 'Connections are slow right now',
  'institution.status.unavailable': 'Unavailable right now',
  'institution.unavailable.heading': '{bank} is unavailable',
  'institution.unavailable.body':
    'Connections to {bank} are not working right now. Nothing was sent to {bank}. Please try again later, or choose another institution.',
  'search.error': 'We could not load institutions.',

  'error.heading': 'Something went wrong',
  'error.network': 'We cannot reach the server right now. Check your connection and try again.',
  'error.notFound': 'We could not find this connection. It may have expired. Please start again.',
  'error.badData': 'We received a response we did not understand. Please try again.',
  'error.server': 'The service is having trouble right now. Please try again in a moment.',
  'error.tooLong.heading': 'This is taking longer than usual',
  'error.tooLong': 'We are still waiting to hear back from {bank}. You can try again now, or come back later.',
  'common.stopWaiting': 'Stop waiting',
  'error.sessionExpired.heading': 'Your session has expired',
  'error.sessionExpired':
    'For your security, this session has ended. To continue, start connecting your account again from the app.',
  'error.sessionRefused.heading': 'This session can’t be used',
  'error.sessionRefused': 'This was opened for a different account, so it can’t continue. Start again from the app.',
  'error.crash': 'This step stopped working. You can go back and try again.',
  'error.screenUnavailable': 'This step could not be loaded. Check your connection and try again.',
  'error.invalidOption':
    'This window was opened with settings it can’t use, so it can’t continue. Close it and try again from the app.',
  'error.invalidOption.close': 'Close',
  'error.embedding': 'This widget can only run inside the app that opened it.',

  // first reads and rate limits (issue 23 §1, §4)
  'error.institutionNotFound': 'We could not find this bank. Search for it by name instead.',
  'error.rateLimited.heading': 'Too many attempts',
  'error.rateLimited': 'Too many attempts. Please wait a moment, then try again.',
  'retryWait.one': 'Too many attempts: try again in {count} second.',
  'retryWait.other': 'Too many attempts: try again in {count} seconds.',
  'retryWait.over': 'You can try again now.',
  'start.membersFailed': 'Your saved connections could not be loaded. You can still connect an account.',
  'start.membersBack': 'Your saved connections are back.',
  'start.showConnections': 'See your connections',

  'common.cancel': 'Cancel',
  'search.notListed': 'Not listed, or cannot connect?',
  'manual.add': 'Add an account manually',
  'institution.cannotVerify.heading': '{bank} cannot verify accounts',
  'institution.cannotVerify.body':
    'Accounts at {bank} cannot be verified by signing in. You can verify your account with its account and routing numbers instead, or choose another institution.',
  'md.useNumbers': 'Connect with account numbers instead',
  'search.morePopular': 'Show all popular institutions',
  'search.moreShown.one': '{count} more institution shown',
  'search.moreShown.other': '{count} more institutions shown',
  'error.institutionNotFound.heading': 'Institution not found',
  'error.sessionExpired.window':
    'For your security, this session has ended. Close this window and start again from the app.',
  'error.sessionRefused.window':
    'This window was opened for a different account. Close it and start again from the app.',
} as const;

/** Keys of the messages the first screen may show. */
export type FirstScreenKey = keyof typeof en;
/** Keys of the messages every other screen shows. */
export type LaterKey = keyof typeof enLater;
export type MessageKey = FirstScreenKey | LaterKey;
