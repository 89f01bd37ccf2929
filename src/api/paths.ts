/**
 * Paths of the MX resources the widget reads, for the client (client.ts), the endpoint modules
 * beside it, and the page's early reads (app/earlyReads.ts), which must ask for the very same URLs.
 * No schema here: the early reads' chunk stays a few hundred bytes.
 */
export const userPath = (userGuid: string) => `/users/${encodeURIComponent(userGuid)}`;
export const membersPath = (userGuid: string) => `${userPath(userGuid)}/members`;
export const memberPath = (userGuid: string, memberGuid: string) =>
  `${membersPath(userGuid)}/${encodeURIComponent(memberGuid)}`;
export const institutionPath = (code: string) => `/institutions/${encodeURIComponent(code)}`;
export const FAVORITES_PATH = '/institutions/favorites';
/** the members read's first page: up to 100 (the widget only looks for one it just made) */
export const MEMBERS_PER_PAGE = 100;
/**
 * The members read's own limit (ms). With one retry after a timeout (queries.ts firstRead) and its
 * backoff, a members read that never answers leaves the user at search within 10 s (issue #23). Here
 * beside the read's path, so the entry's look at the early read (app/earlyReads.ts) keeps it too
 * without the API client's code.
 */
export const MEMBERS_TIMEOUT_MS = 4_000;
/** rows per institution list page (search and favorites) */
export const SEARCH_PAGE_SIZE = 25;
