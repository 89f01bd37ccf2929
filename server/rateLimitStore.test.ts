// @vitest-environment node
import { ErrorReply } from 'redis';
import { describe, expect, it } from 'vitest';
import { outageDetail, RedisNoAnswerError, withinTimeout } from './rateLimitStore';

describe('outageDetail (what the Redis outage line may say)', () => {
  it('names a Redis error reply by its first word, never the rest of the reply', () => {
    expect(outageDetail(new ErrorReply('WRONGPASS invalid username-password pair or user is disabled.'))).toBe(
      'WRONGPASS',
    );
    expect(outageDetail(new ErrorReply('NOAUTH Authentication required.'))).toBe('NOAUTH');
    expect(outageDetail(new ErrorReply('ERR unknown command'))).toBe('ERR');
  });

  it('gives a code or a short message, and only the error class for anything that could carry a URL', () => {
    expect(outageDetail(Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:6379'), { code: 'ECONNREFUSED' }))).toBe(
      'ECONNREFUSED',
    );
    expect(outageDetail(new RedisNoAnswerError(500))).toBe('no answer within 500 ms');
    expect(outageDetail(new TypeError('redis://:hunter2@cache:6379 is bad'))).toBe('TypeError');
    expect(outageDetail('a string')).toBeNull();
  });
});

describe('withinTimeout', () => {
  it('rejects a call that never answers after the bound, and passes an answer through', async () => {
    const started = Date.now();
    await expect(withinTimeout(new Promise(() => undefined), 50)).rejects.toBeInstanceOf(RedisNoAnswerError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    await expect(withinTimeout(Promise.resolve(7), 50)).resolves.toBe(7);
  });
});
