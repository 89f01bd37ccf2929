import { describe, expect, it } from 'vitest';
import { formatLocaleNumber, parseLocaleNumber } from './parseNumber';

describe('numbers typed the way the locale writes them', () => {
  it.each([
    ['en', '1,234.56', 1234.56],
    ['en', '$ 999,999,999,999', 999_999_999_999],
    ['en', '12', 12],
    ['es', '1.234,56', 1234.56],
    ['es', '0,5', 0.5],
    ['fr-CA', '1 234,56', 1234.56],
    ['fr-CA', '1\u00a0234,56', 1234.56],
    ['fr-CA', '1\u202f234,5', 1234.5],
  ])('%s reads %j as %d', (locale, text, value) => {
    expect(parseLocaleNumber(text, locale)).toBe(value);
  });

  it.each([
    ['en', ''],
    ['en', 'abc'],
    ['en', '1.234'],
    ['en', '-5'],
    ['en', '1.2.3'],
    ['es', '1,234.56'],
    ['fr-CA', '12.5'],
    ['en', '1e9'],
    ['es', '12.5'],
    ['en', '1,23'],
  ])('%s refuses %j', (locale, text) => {
    expect(parseLocaleNumber(text, locale)).toBeNull();
  });

  it('writes examples back in the same way', () => {
    expect(formatLocaleNumber(1234.5, 'en')).toBe('1,234.50');
    expect(parseLocaleNumber(formatLocaleNumber(1234.5, 'fr-CA'), 'fr-CA')).toBe(1234.5);
    expect(parseLocaleNumber(formatLocaleNumber(1234.5, 'es'), 'es')).toBe(1234.5);
  });
});
