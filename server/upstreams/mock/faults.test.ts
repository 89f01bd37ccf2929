// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createFaultBoard, type FaultRule } from './faults';

const matches = (route: string, path: string, method = 'GET') => {
  const board = createFaultBoard();
  const rule: FaultRule = { route, kind: 'status', rate: 1 };
  board.set([rule], 0);
  return board.match(method, path, 0) !== null;
};

describe('fault routes', () => {
  it.each([
    ['/users/*/members', '/users/USR-1/members'],
    ['/users/*/members', '/users/USR-1/members/'],
    ['GET /institutions/*', '/institutions/mxbank'],
    ['/users/*/members/*/status', '/users/USR-1/members/MBR-2/status'],
    ['/institutions/mx*', '/institutions/mxbank'],
    ['/institutions/*bank', '/institutions/mxbank'],
    ['/a*b*c', '/abbbc'],
    ['/institutions/favorites', '/institutions/favorites'],
  ])('%s matches %s', (route, path) => {
    expect(matches(route, path)).toBe(true);
  });

  it.each([
    ['/users/*/members', '/users//members'],
    ['/users/*/members', '/users/USR-1/x/members'],
    ['/users/*/members', '/users/USR-1/members/MBR-1'],
    ['/institutions/*', '/institutions'],
    ['/institutions/mx*', '/institutions/mx'],
    ['/a*b*c', '/abc'],
    ['/institutions/m.bank', '/institutions/mxbank'],
    ['POST /institutions/*', '/institutions/mxbank'],
  ])('%s does not match %s', (route, path) => {
    expect(matches(route, path)).toBe(false);
  });

  it('a route of many stars against a long path is decided at once', () => {
    // one call, timed only as a guard: as a RegExp, eight stars here took seconds per request
    const started = performance.now();
    expect(matches(`/${'a*'.repeat(200)}b`, `/${'a'.repeat(4_000)}`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
