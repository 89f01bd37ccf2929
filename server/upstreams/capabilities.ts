/** Which searches an upstream can do, so the widget offers only those (issue #23, section 2). */
export interface UpstreamSearchCapabilities {
  /**
   * Institution search by routing number (`GET /institutions?routing_number=…`): the mock's
   * sandbox answers it; MX's published spec defines no such parameter, so the server never
   * forwards it to MX.
   */
  routingNumber: boolean;
}

/**
 * What the configured upstream can search by.
 *
 * @param upstream `CONNECT_UPSTREAM`: `mock` (the in-process sandbox) or `mx` (MX Platform API)
 * @returns `{ routingNumber }`: true for the mock, false for MX
 */
export function upstreamSearchCapabilities(upstream: 'mock' | 'mx'): UpstreamSearchCapabilities {
  return { routingNumber: upstream === 'mock' };
}
