import { createMockBackend, type MockBackend, type MockBackendOptions } from './app';
import { MX_MEDIA_TYPE } from './http';
import type { SandboxSite, Upstream } from '../types';
import { mockLogoSource } from './logos';

/**
 * The MX-shaped mock as an upstream like MX: the server forwards to it through the same
 * allow-list, session checks and error mapping as production. In-process, per server process,
 * for demos and tests only.
 */
export function createMockUpstream(options: MockBackendOptions = {}): {
  upstream: Upstream;
  backend: MockBackend;
  /** its public pages and logo host, for createServerApp's `sandbox` */
  sandbox: SandboxSite;
} {
  const backend = createMockBackend(options);
  const upstream: Upstream = ({ method, path, search, body, origin }) =>
    backend.fetch(
      new Request(`${origin ?? 'http://mock.upstream'}/api${path}${search}`, {
        method,
        headers: {
          accept: MX_MEDIA_TYPE,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body,
      }),
    );
  return { upstream, backend, sandbox: { fetch: backend.fetch, logoSource: mockLogoSource(backend) } };
}
