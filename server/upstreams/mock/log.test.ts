import { describe, expect, it } from 'vitest';
import { createRequestLog } from './log';

describe('the request log', () => {
  it('keeps a bounded ring: the oldest entries go first', () => {
    const log = createRequestLog({ maxEntries: 3 });
    for (let i = 0; i < 5; i += 1) log.push({ method: 'GET', path: `/${i}`, status: 200, time: '' });
    expect(log.entries().map((e) => e.path)).toEqual(['/2', '/3', '/4']);
  });

  it('keeps no large body, only its size', () => {
    const log = createRequestLog({ maxBodyChars: 100 });
    const entry = log.push({ method: 'POST', path: '/x', status: 0, time: '', body: { big: 'x'.repeat(5_000) } });
    expect(entry.body).toBe('[body of 5010 characters not kept]');
  });
});
