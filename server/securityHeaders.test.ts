// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './securityHeaders';

describe('security headers', () => {
  it('allow framing only by the host origins, scripts only from self, no sniffing', () => {
    const headers = securityHeaders({ frameAncestors: ['https://partner.example'] });
    expect(headers['Content-Security-Policy']).toContain('frame-ancestors https://partner.example');
    expect(headers['Content-Security-Policy']).toContain("script-src 'self';");
    expect(headers['Content-Security-Policy']).not.toContain("unsafe-inline'; frame");
    expect(headers['Content-Security-Policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(securityHeaders({ frameAncestors: [] })['Content-Security-Policy']).toContain("frame-ancestors 'none'");
  });
});
