/**
 * What each upstream can search institutions by. MX's GET /institutions takes `name` and
 * `supports_*` flags but defines no `routing_number`; the mock answers one from its sandbox table.
 * The widget offers a routing-number search only where this says the upstream can do it.
 */
export interface SearchCapabilities {
  routingNumber: boolean;
}

export function upstreamSearchCapabilities(kind: 'mock' | 'mx'): SearchCapabilities {
  return { routingNumber: kind === 'mock' };
}

/** The body of the widget API's `GET /capabilities` (server/widgetApi.ts, and the mock in-process). */
export function capabilitiesBody(search: SearchCapabilities) {
  return { capabilities: { institution_search: { routing_number: search.routingNumber } } };
}
