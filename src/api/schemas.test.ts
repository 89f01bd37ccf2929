import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  accountSchema,
  capabilitiesResponseSchema,
  errorBodySchema,
  institutionListSchema,
  MAX_ENTRIES,
  MAX_PAGES,
  paginationSchema,
} from './schemas';

describe('pagination as the API may send it', () => {
  it('is clamped: no negative or astronomical count, the current page inside the pages', () => {
    expect(
      v.parse(paginationSchema, { current_page: -3, per_page: 25, total_entries: -86363903, total_pages: -1 }),
    ).toEqual({ current_page: 1, per_page: 25, total_entries: 0, total_pages: 0 });
    expect(
      v.parse(paginationSchema, { current_page: 1e12, per_page: 1e9, total_entries: 9e15, total_pages: 1e12 }),
    ).toEqual({ current_page: MAX_PAGES, per_page: 1_000, total_entries: MAX_ENTRIES, total_pages: MAX_PAGES });
    expect(v.parse(paginationSchema, { current_page: 7, per_page: 25, total_entries: 3.7, total_pages: 2 })).toEqual({
      current_page: 2,
      per_page: 25,
      total_entries: 3,
      total_pages: 2,
    });
  });

  it('a missing or null number is one page of what came, not a failed list', () => {
    const list = v.parse(institutionListSchema, { institutions: [{ code: 'x' }], pagination: { total_entries: null } });
    expect(list.pagination).toEqual({ current_page: 1, per_page: 0, total_entries: 0, total_pages: 1 });
  });
});

describe('the server’s capabilities', () => {
  it('read a missing or odd flag as "cannot"', () => {
    const read = (routing_number: unknown) =>
      v.parse(capabilitiesResponseSchema, { capabilities: { institution_search: { routing_number } } }).capabilities
        .institution_search.routing_number;
    expect(read(true)).toBe(true);
    expect(read(null)).toBe(false);
    expect(read(undefined)).toBe(false);
    expect(
      v.safeParse(capabilitiesResponseSchema, { capabilities: { institution_search: { routing_number: 'yes' } } })
        .success,
    ).toBe(false);
  });
});

describe('accounts', () => {
  it('are masked to the last four digits of their number', () => {
    const parse = (account_number: string | null) => v.parse(accountSchema, { guid: 'ACT-1', account_number });
    expect(parse('3331261').account_number).toBe('****1261');
    expect(parse('****3284').account_number).toBe('****3284');
    expect(parse('5366').account_number).toBe('5366');
    expect(parse(null).account_number).toBeNull();
  });
});

describe('numbers', () => {
  // JSON.parse reads 1e309 as Infinity: no MX number is infinite, so a body carrying one is refused as zod refused it
  const infinite = JSON.parse('[1e309, -1e309]') as [number, number];

  it.each(infinite)('%s is not a balance, a page count or an error status', (value) => {
    expect(v.safeParse(accountSchema, { guid: 'ACT-1', balance: value }).success).toBe(false);
    expect(v.safeParse(accountSchema, { guid: 'ACT-1', available_balance: value }).success).toBe(false);
    expect(v.safeParse(paginationSchema, { total_entries: value }).success).toBe(false);
    expect(v.safeParse(errorBodySchema, { error: { message: 'No.', status: value } }).success).toBe(false);
  });

  it('finite ones still are', () => {
    expect(v.parse(accountSchema, { guid: 'ACT-1', balance: -12.5 }).balance).toBe(-12.5);
    expect(v.parse(errorBodySchema, { error: { message: 'No.', status: 422 } }).error.status).toBe(422);
  });
});
