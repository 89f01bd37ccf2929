import { describe, expect, it } from 'vitest';
import { safeUrl } from './safeUrl';

const production = new URL('https://connect.partner.example/');
const sandbox = new URL('http://localhost:4173/');

describe('safeUrl', () => {
  it.each([
    ['javascript:alert(document.domain)', ''],
    ['JaVaScRiPt:alert(1)', ''],
    ['data:text/html,<script>alert(1)</script>', ''],
    ['vbscript:msgbox', ''],
    ['/relative/path', ''],
    ['not a url', ''],
    ['http://bank.example/', ''],
    ['https://bank.example/login', 'https://bank.example/login'],
  ])('in production, %s → %j', (raw, expected) => {
    expect(safeUrl(raw, production)).toBe(expected);
  });

  it('keeps http only on the local sandbox', () => {
    expect(safeUrl('http://localhost:4173/api/oauth/authorize/MBR-1', sandbox)).toBe(
      'http://localhost:4173/api/oauth/authorize/MBR-1',
    );
    expect(safeUrl('javascript:alert(1)', sandbox)).toBe('');
    expect(safeUrl(null, sandbox)).toBe('');
  });
});
