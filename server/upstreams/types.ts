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
