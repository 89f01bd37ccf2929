import { MX_MEDIA_TYPE } from '../../sdk/src/contract/mx';
import {
  FAVORITES_PATH,
  institutionPath,
  MEMBERS_PER_PAGE,
  MEMBERS_TIMEOUT_MS,
  memberPath,
  membersPath,
  SEARCH_PAGE_SIZE,
} from '../api/paths';

/** The URL options that decide where the widget starts (a WidgetConfig has them, checked). */
export interface StartOptions {
  current_member_guid?: string | null;
  current_institution_code?: string | null;
  current_microdeposit_guid?: string | null;
}

/**
 * Which reads the first screen waits on, from the URL alone (InitialFlow's useStart reads the
 * same): the member and institution the partner named, else the user's connections. A partner who
 * named either skips the connections list.
 */
export function firstReadsOf(options: StartOptions) {
  const memberGuid = options.current_member_guid || null;
  const institutionCode = options.current_institution_code || null;
  return {
    memberGuid,
    institutionCode,
    members: memberGuid === null && institutionCode === null && !options.current_microdeposit_guid,
  };
}

/**
 * Whether the widget opens at search for a user with no connections: no consent screen first, and
 * nothing named to start at (resolveInitialStep decides the same; a test holds the two together).
 */
export function opensAtSearch(options: StartOptions & { disable_consent?: boolean }): boolean {
  return options.disable_consent === true && firstReadsOf(options).members;
}

const API_BASE = '/api';

const membersRead = (user: string) => `${membersPath(user)}?records_per_page=${MEMBERS_PER_PAGE}`;

/**
 * The first screen's reads as the URLs the API client asks for them by (client.ts; a test holds
 * the two together), from the widget URL's raw parameters: the user's connections and the
 * favorites (search is where such a start most often lands), or what the partner named. Unchecked
 * input only picks which of our own reads to start early: the widget still checks its config, and
 * a read it does not ask for is never used.
 */
export function firstReadUrls(search: string): string[] {
  const params = new URLSearchParams(search);
  const user = params.get('user_guid');
  if (!user) return [];
  const reads = firstReadsOf({
    current_member_guid: params.get('current_member_guid'),
    current_institution_code: params.get('current_institution_code'),
    current_microdeposit_guid: params.get('current_microdeposit_guid'),
  });
  const urls: string[] = [];
  if (reads.memberGuid !== null) urls.push(memberPath(user, reads.memberGuid));
  if (reads.institutionCode !== null) urls.push(institutionPath(reads.institutionCode));
  if (reads.members) {
    urls.push(membersRead(user));
    urls.push(`${FAVORITES_PATH}?records_per_page=${SEARCH_PAGE_SIZE}`);
  }
  return urls.map((path) => `${API_BASE}${path}`);
}

/** Reads started by the page's early script (or the entry), by URL, until the API client takes them (once each). */
const started = new Map<string, Promise<Response>>();

/**
 * Starts the first screen's reads with the page's own session token, the way the API client sends
 * it (Authorization header, same Accept), before the widget's entry chunk has even loaded. The
 * token is not kept: only the requests carry it. `favorites: false` (the page's early script) leaves
 * the popular list to the entry: no start waits on it, and its answer would share the link with the
 * entry's own bytes (it still arrives before the widget that shows it).
 */
export function startEarlyReads(search: string, sessionToken: string, { favorites = true } = {}): void {
  for (const url of firstReadUrls(search)) {
    if (!favorites && url.startsWith(`${API_BASE}${FAVORITES_PATH}?`)) continue;
    // the entry calls this too, in case it ran before the early script: one read each, not two
    if (started.has(url)) continue;
    const response = fetch(url, {
      headers: { accept: MX_MEDIA_TYPE, authorization: `Bearer ${sessionToken}` },
      credentials: 'same-origin',
    });
    // a failure is the taker's to report; untaken, it must not surface as an unhandled rejection
    response.catch(() => undefined);
    started.set(url, response);
  }
}

/**
 * Whether the user has no connections, read from the page's early members read without taking it
 * (a clone: the API client still takes the response itself, and validates it in full). true when
 * the answer is a members page listing none; false when it lists any, failed, or is not the shape
 * MX answers with, or has not answered (headers and body) within MEMBERS_TIMEOUT_MS; undefined when
 * no early read was started for `search` (another start). The first screen uses it only to choose what to show while the rest
 * of the widget loads: a wrong answer costs a different loading screen, never a wrong step.
 */
export function earlyNoConnections(search: string): Promise<boolean> | undefined {
  const user = new URLSearchParams(search).get('user_guid');
  const early = user ? started.get(`${API_BASE}${membersRead(user)}`) : undefined;
  if (!early) return undefined;
  const answer = early
    .then(async (response) => {
      if (!response.ok) return false;
      const body: unknown = await response.clone().json();
      const members = typeof body === 'object' && body !== null && 'members' in body ? body.members : undefined;
      return Array.isArray(members) && members.length === 0;
    })
    .catch(() => false);
  // no longer than the API client waits for this read (a stalled answer or body): not known, then
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<false>((done) => (timer = setTimeout(() => done(false), MEMBERS_TIMEOUT_MS)));
  return Promise.race([answer, limit]).finally(() => clearTimeout(timer));
}

/**
 * The API client's fetch (client.ts `fetch` option): a GET the early script already started is
 * answered by that request (once; its caller's abort signal still applies), anything else goes to
 * `next`.
 */
export function withEarlyReads(next: typeof fetch): typeof fetch {
  return (input, init) => {
    const early = typeof input === 'string' && (init?.method ?? 'GET') === 'GET' ? started.get(input) : undefined;
    if (typeof input !== 'string' || !early) return next(input, init);
    started.delete(input);
    const signal = init?.signal;
    if (!signal) return early;
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise<Response>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      early.then(resolve, reject);
    });
  };
}
