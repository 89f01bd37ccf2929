import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Context, Handler } from 'hono';
import { securityHeaders } from './securityHeaders';
import { pageClaimsOf } from './sessions';
import { errorJson } from './errors';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt']);

interface StaticFile {
  body: Buffer;
  br?: Buffer;
  gzip?: Buffer;
  type: string;
  /** hashed file names never change content: cached for a year */
  immutable: boolean;
}

/** Reads the built widget once, compressing what compresses (brotli and gzip), at start-up. */
export function loadStaticFiles(distDir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        walk(full);
        continue;
      }
      const path = `/${relative(distDir, full).split(sep).join('/')}`;
      const ext = extname(name);
      const body = readFileSync(full);
      const compress = COMPRESSIBLE.has(ext) && body.length > 512;
      files.set(path, {
        body,
        type: TYPES[ext] ?? 'application/octet-stream',
        immutable: path.startsWith('/assets/'),
        ...(compress ? { br: brotliCompressSync(body), gzip: gzipSync(body) } : {}),
      });
    }
  };
  walk(distDir);
  return files;
}

export interface StaticWidgetOptions {
  files: Map<string, StaticFile>;
  sessionSecret: string;
  /** host origins the operator allows; a token's parent_origin must be one of them */
  hostOrigins: readonly string[];
  /**
   * Whether a page may ask to run unframed (`allow_top_level`, a demo convenience): not in
   * production, where it would let anyone holding a widget URL use it outside the partner's page.
   */
  allowTopLevel?: boolean;
}

function send(c: Context, file: StaticFile, headers: Record<string, string>) {
  const accept = c.req.header('accept-encoding') ?? '';
  const encoding = file.br && /\bbr\b/.test(accept) ? 'br' : file.gzip && /\bgzip\b/.test(accept) ? 'gzip' : null;
  const body = encoding === 'br' ? file.br : encoding === 'gzip' ? file.gzip : file.body;
  const out = new Headers({ 'content-type': file.type, vary: 'Accept-Encoding', ...headers });
  if (encoding) out.set('content-encoding', encoding);
  return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(body ?? file.body), { headers: out });
}

/**
 * Serves the built widget. The page's CSP `frame-ancestors` is computed per request from the
 * session token in its URL, so a URL minted for one partner cannot be framed by another; a page
 * with no valid token may be framed by no one.
 */
export function staticWidget({
  files,
  sessionSecret,
  hostOrigins,
  allowTopLevel = false,
}: StaticWidgetOptions): Handler {
  return async function staticWidgetHandler(c) {
    const path = new URL(c.req.url).pathname;
    const asset = path === '/' ? undefined : files.get(path);
    if (asset && path !== '/index.html') {
      return send(c, asset, {
        'cache-control': asset.immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        'x-content-type-options': 'nosniff',
      });
    }
    const page = files.get('/index.html');
    if (!page || (path !== '/' && path !== '/index.html')) {
      return c.json({ error: { message: 'Not found', status: 404 } }, 404);
    }
    if (!allowTopLevel && ['true', '1'].includes(c.req.query('allow_top_level') ?? '')) {
      return errorJson(400, 'allow_top_level is for demos only and is refused in production.');
    }
    const token = c.req.query('session_token') ?? '';
    const claims = await pageClaimsOf(sessionSecret, token);
    const origin = claims?.origin ?? null;
    const ancestors = origin && hostOrigins.includes(origin) ? [origin] : [];
    return send(c, page, {
      ...securityHeaders({ frameAncestors: ancestors, appScheme: claims?.appScheme ?? undefined }),
      'Cache-Control': 'no-store',
      // the token is in this page's URL: it must not travel on in a Referer
      'Referrer-Policy': 'no-referrer',
    });
  };
}
