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
/** rows per institution list page (search and favorites) */
export const SEARCH_PAGE_SIZE = 25;
