import type { Connect, Plugin } from 'vite';

export interface SecurityHeaderOptions {
  /** host origins allowed to frame the widget (CSP frame-ancestors) */
  frameAncestors: string[];
  /** dev only: Vite injects a small inline preamble, allowed by this nonce and nothing else */
  devNonce?: string;
  /** a mobile WebView session's app scheme: its events are navigations of a hidden frame to it */
  appScheme?: string;
}

export function securityHeaders({
  frameAncestors,
  devNonce,
  appScheme,
}: SecurityHeaderOptions): Record<string, string> {
  const scripts = devNonce ? `'self' 'nonce-${devNonce}'` : `'self'`;
  const csp = [
    `default-src 'self'`,
    ...(appScheme ? [`frame-src ${appScheme}:`] : []),
    `script-src ${scripts}`,
    // Tailwind output is a file, but React sets style attributes (logo sizes) at runtime
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data:`,
    `connect-src 'self'${devNonce ? ' ws: wss:' : ''}`,
    `frame-ancestors ${frameAncestors.length ? frameAncestors.join(' ') : `'none'`}`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `object-src 'none'`,
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  };
}

/** Adds the widget's security headers to every response of the dev and preview servers. */
export function securityHeadersPlugin(options: SecurityHeaderOptions & { previewOnly?: boolean }): Plugin {
  const make = (dev: boolean): Connect.NextHandleFunction => {
    const headers = securityHeaders({
      frameAncestors: options.frameAncestors,
      devNonce: dev ? options.devNonce : undefined,
    });
    return (req, res, next) => {
      const url = req.url ?? '';
      // the OAuth pages of the mock provider set their own policy
      if (!url.startsWith('/api/oauth/')) {
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      } else {
        res.setHeader('X-Content-Type-Options', 'nosniff');
      }
      next();
    };
  };
  return {
    name: 'connect-security-headers',
    configureServer(server) {
      server.middlewares.use(make(true));
    },
    configurePreviewServer(server) {
      server.middlewares.use(make(false));
    },
  };
}
