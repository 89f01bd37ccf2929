/**
 * What each upstream can search institutions by (issue #23, section 2). MX's GET /institutions takes
 * `name` and `supports_*` flags but defines no `routing_number`; the mock answers one from its sandbox
 * table. The widget offers a routing-number search only where this says the upstream can do it, and
 * the server never forwards the parameter to MX.
 */
export interface SearchCapabilities {
  /** institution search by routing number (`GET /institutions?routing_number=…`) */
  routingNumber: boolean;
}

/**
 * What the configured upstream can search by.
 *
 * @param kind `CONNECT_UPSTREAM`: `mock` (the in-process sandbox) or `mx` (MX Platform API)
 * @returns `{ routingNumber }`: true for the mock, false for MX
 */
export function upstreamSearchCapabilities(kind: 'mock' | 'mx'): SearchCapabilities {
  return { routingNumber: kind === 'mock' };
}

/** The body of the widget API's `GET /capabilities` (server/widgetApi.ts, and the mock in-process). */
export function capabilitiesBody(search: SearchCapabilities) {
  return { capabilities: { institution_search: { routing_number: search.routingNumber } } };
}
