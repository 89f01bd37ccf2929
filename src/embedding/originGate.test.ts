import { describe, expect, it } from 'vitest';
import { checkEmbedding } from './originGate';

const HOST = 'https://partner.example';
const input = { parentOrigin: HOST, allowTopLevel: false, isFramed: true, ancestorOrigins: [HOST], referrer: '' };

describe('origin gate', () => {
  it.each([
    ['framed by parent_origin (ancestorOrigins)', input, { ok: true, framed: true }],
    [
      'framed by another origin',
      { ...input, ancestorOrigins: ['https://evil.example'] },
      { ok: false, reason: 'wrongParent' },
    ],
    [
      'ancestorOrigins wins over a forged referrer',
      { ...input, ancestorOrigins: ['https://evil.example'], referrer: `${HOST}/page` },
      { ok: false, reason: 'wrongParent' },
    ],
    [
      'no ancestorOrigins: the referrer decides',
      { ...input, ancestorOrigins: null, referrer: `${HOST}/page?x=1` },
      { ok: true, framed: true },
    ],
    [
      'no ancestorOrigins, other referrer',
      { ...input, ancestorOrigins: null, referrer: 'https://evil.example/' },
      { ok: false, reason: 'wrongParent' },
    ],
    ['no ancestorOrigins, no referrer', { ...input, ancestorOrigins: null }, { ok: false, reason: 'wrongParent' }],
    ['framed without parent_origin', { ...input, parentOrigin: undefined }, { ok: false, reason: 'noParentOrigin' }],
    ['top level', { ...input, isFramed: false }, { ok: false, reason: 'notFramed' }],
    ['top level, demo flag', { ...input, isFramed: false, allowTopLevel: true }, { ok: true, framed: false }],
  ])('%s', (_name, given, expected) => {
    expect(checkEmbedding(given)).toEqual(expected);
  });
});
