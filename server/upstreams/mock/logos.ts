import { crc32, deflateSync } from 'node:zlib';
import { Hono } from 'hono';
import type { LogoSource } from '../../logos';
import { HttpError } from './http';
import type { MockBackend } from './app';

/**
 * The mock's stand-in for MX's logo CDN: a host that can never resolve (.invalid), answered only
 * in-process by the mock backend, so the server's logo route runs in mock mode exactly as with MX.
 */
export const MOCK_LOGO_HOST = 'logos.mock.invalid';

/** A hosted logo's URL: a square PNG in the institution's colour (`#rrggbb`), `size` pixels wide. */
export function hostedLogoUrl(color: string, size: 40 | 100): string {
  return `https://${MOCK_LOGO_HOST}/logos/${color.replace('#', '').toLowerCase()}-${size}.png`;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A solid square PNG (8-bit RGB, no filter): a few hundred bytes. */
export function solidPng(rgb: readonly [number, number, number], size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + size * 3);
  for (let x = 0; x < size; x += 1) row.set(rgb, 1 + x * 3);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** `GET /logos/<rrggbb>-<40|100>.png` on the mock's logo host. */
export function logoRoutes() {
  const routes = new Hono();
  routes.get('/:file', (c) => {
    const match = /^([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})-(40|100)\.png$/.exec(c.req.param('file'));
    if (!match) throw new HttpError(404, 'No such logo.');
    const [r, g, b] = [match[1], match[2], match[3]].map((hex) => parseInt(hex ?? '0', 16));
    const png = solidPng([r ?? 0, g ?? 0, b ?? 0], Number(match[4]));
    return new Response(new Uint8Array(png), {
      headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=86400' },
    });
  });
  return routes;
}

/** The server's logo source in mock mode: the mock's logo host, reached in-process. */
export function mockLogoSource(backend: MockBackend): LogoSource {
  return { hosts: [MOCK_LOGO_HOST], fetch: (url, init) => backend.fetch(new Request(url, init)) };
}
