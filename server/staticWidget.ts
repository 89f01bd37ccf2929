import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Context, Handler } from 'hono';
import { resolveLocale, type WidgetLocale } from '../sdk/src/contract/locale';
import { WIDGET_LOCALES } from '../sdk/src/contract/widgetOptions';
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

function staticFile(body: Buffer, ext: string, immutable: boolean): StaticFile {
  const compress = COMPRESSIBLE.has(ext) && body.length > 512;
  return {
    body,
    type: TYPES[ext] ?? 'application/octet-stream',
    immutable,
    ...(compress ? { br: brotliCompressSync(body), gzip: gzipSync(body) } : {}),
  };
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
      files.set(path, staticFile(readFileSync(full), ext, path.startsWith('/assets/')));
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

/**
 * The widget's page once per locale, with what the first screen needs requested with the page:
 * the early script (src/early.ts, `assets/early-<hash>.js`: it starts the first reads with the
 * session token while the entry chunk downloads), and that locale's catalog chunk (vite.config.ts
 * names them `assets/i18n-<en|es|frCA>-<hash>.js`), which would otherwise load only after the entry
 * ran. A build without them gets the page as built.
 */
function pagesByLocale(files: Map<string, StaticFile>, page: StaticFile): Record<WidgetLocale, StaticFile> {
  const built = page.body.toString('utf8');
  const paths = [...files.keys()];
  const chunk = (prefix: string) => paths.find((p) => p.startsWith(`/assets/${prefix}-`) && p.endsWith('.js'));
  const early = chunk('early');
  // async: it runs as soon as it arrives, before the entry (which waits for the whole document)
  const html = early
    ? built.replace(
        '<script type="module"',
        `<script type="module" async crossorigin src="${early}"></script>\n    <script type="module"`,
      )
    : built;
  const entries = WIDGET_LOCALES.map((locale) => {
    const catalog = chunk(`i18n-${locale.replace('-', '')}`);
    const withCatalog = catalog
      ? html.replace('</head>', `  <link rel="modulepreload" crossorigin href="${catalog}">\n  </head>`)
      : html;
    return [locale, withCatalog === built ? page : staticFile(Buffer.from(withCatalog), '.html', false)] as const;
  });
  return Object.fromEntries(entries) as Record<WidgetLocale, StaticFile>;
}

/** Accept-Language's tags, most preferred first (at most 16 read; a malformed weight counts as 0). */
export function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .slice(0, 16)
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';').map((p) => p.trim());
      const q = params.find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag, weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((l) => l.tag !== '' && l.tag !== '*' && l.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((l) => l.tag);
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
  const built = files.get('/index.html');
  const pages = built ? pagesByLocale(files, built) : null;
  return async function staticWidgetHandler(c) {
    const path = new URL(c.req.url).pathname;
    const asset = path === '/' ? undefined : files.get(path);
    if (asset && path !== '/index.html') {
      return send(c, asset, {
        'cache-control': asset.immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        'x-content-type-options': 'nosniff',
      });
    }
    if (!pages || (path !== '/' && path !== '/index.html')) {
      return c.json({ error: { message: 'Not found', status: 404 } }, 404);
    }
    if (!allowTopLevel && ['true', '1'].includes(c.req.query('allow_top_level') ?? '')) {
      return errorJson(400, 'allow_top_level is for demos only and is refused in production.');
    }
    const token = c.req.query('session_token') ?? '';
    const claims = await pageClaimsOf(sessionSecret, token);
    const origin = claims?.origin ?? null;
    const ancestors = origin && hostOrigins.includes(origin) ? [origin] : [];
    // the widget picks its locale the same way (src/main.tsx)
    const locale = resolveLocale(c.req.query('locale'), acceptedLanguages(c.req.header('accept-language')));
    return send(c, pages[locale], {
      ...securityHeaders({ frameAncestors: ancestors, appScheme: claims?.appScheme ?? undefined }),
      'Cache-Control': 'no-store',
      // the page preloads the catalog of the locale it was asked in
      vary: 'Accept-Encoding, Accept-Language',
      // the token is in this page's URL: it must not travel on in a Referer
      'Referrer-Policy': 'no-referrer',
    });
  };
}
