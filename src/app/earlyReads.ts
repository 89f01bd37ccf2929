import { MX_MEDIA_TYPE } from '../../sdk/src/contract/mx';
import {
  FAVORITES_PATH,
  institutionPath,
  MEMBERS_PER_PAGE,
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

const API_BASE = '/api';

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
    urls.push(`${membersPath(user)}?records_per_page=${MEMBERS_PER_PAGE}`);
    urls.push(`${FAVORITES_PATH}?records_per_page=${SEARCH_PAGE_SIZE}`);
  }
  return urls.map((path) => `${API_BASE}${path}`);
}

/** Reads started by the page's early script, by URL, until the API client takes them (once each). */
const started = new Map<string, Promise<Response>>();

/**
 * Starts the first screen's reads with the page's own session token, the way the API client sends
 * it (Authorization header, same Accept), before the widget's entry chunk has even loaded. The
 * token is not kept: only the requests carry it.
 */
export function startEarlyReads(search: string, sessionToken: string): void {
  for (const url of firstReadUrls(search)) {
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
