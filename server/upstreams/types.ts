import type { LogoSource } from '../logos';

/** One interface for every upstream the server forwards the widget's calls to: MX or the mock. */
export interface UpstreamRequest {
  method: string;
  /** the MX path, already matched against the allow-list, e.g. /users/USR-1/members */
  path: string;
  /** the query string, with its "?" or empty */
  search: string;
  body?: string;
  /** the widget's public origin; the mock builds its OAuth page URLs on it */
  origin?: string;
}

export type Upstream = (request: UpstreamRequest) => Promise<Response>;

/**
 * What the mock serves beside its API in mock mode, handed to the server by the composition root
 * (server/main.ts) so no other server module imports the mock: its stand-in bank pages (OAuth
 * sign-in) and control API under /api/oauth/* and /mock/*, and the host its sandbox logos live on.
 */
export interface SandboxSite {
  fetch: (request: Request) => Promise<Response>;
  logoSource: LogoSource;
}
