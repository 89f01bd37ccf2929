import { describe, expect, it } from 'vitest';
import { formatLocaleNumber, parseAmount } from './parseAmount';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const valueOf = (text: string, locale: string, options = {}) => {
  const reading = parseAmount(text, locale, options);
  return reading.ok ? reading.value : reading.problem;
};

describe('amounts read the user’s way', () => {
  // every unambiguous way a person of the locale, or one copying from a US bank statement, writes it
  const everywhere: [string, number][] = [
    ['.07', 0.07],
    ['0.07', 0.07],
    ['$0.07', 0.07],
    ['$.03', 0.03],
    ['  0.07  ', 0.07],
    ['7¢', 0.07],
    ['7 ¢', 0.07],
    ['0.070', 0.07],
    ['12', 12],
    ['1234.56', 1234.56],
    ['1,234.56', 1234.56],
    ['$1,234.56', 1234.56],
    ['1.234,56', 1234.56],
    ['1 234,56', 1234.56],
    [`1${NBSP}234,56`, 1234.56],
    [`1${NNBSP}234,56`, 1234.56],
    ['1 234.56', 1234.56],
    ['1,234,567', 1234567],
    ['1.234.567', 1234567],
    ['1,234,567.8', 1234567.8],
    ['12.5', 12.5],
    ['12,5', 12.5],
    ['0,07', 0.07],
    [',07', 0.07],
    ['1234,56', 1234.56],
    ['USD 12.00', 12],
    ['12,00 $', 12],
    ['12,00 $ US', 12],
    ['12,00 US$', 12],
    ['CA$ 5', 5],
    ['999,999,999,999', 999_999_999_999],
    ['１２.５', 12.5],
  ];
  for (const locale of ['en', 'es', 'fr-CA']) {
    it.each(everywhere)(`${locale} reads %j as %d`, (text, value) => {
      expect(valueOf(text, locale)).toBe(value);
    });
  }

  it.each([
    // a mark followed by three digits: the locale's own group mark is a group
    ['en', '1,234', 1234],
    ['es', '1.234', 1234],
    ['fr-CA', '1 234', 1234],
    ['es', '12.345', 12345],
  ])('%s reads %j as %d (the locale’s group mark)', (locale, text, value) => {
    expect(valueOf(text, locale)).toBe(value);
  });

  it.each([
    ['en', '1.234', 1.234, 1234],
    ['es', '1,234', 1.234, 1234],
    ['fr-CA', '1,234', 1.234, 1234],
    ['fr-CA', '1.234', 1.234, 1234],
    ['en', '$12.500', 12.5, 12500],
    ['es', '999,999', 999.999, 999999],
  ])('%s cannot tell what %j means: %d or %d', (locale, text, asDecimal, asGrouped) => {
    expect(parseAmount(text, locale)).toEqual({ ok: false, problem: 'ambiguous', text, asDecimal, asGrouped });
  });

  it('takes the one reading the field can accept', () => {
    const rate = { maxDecimals: 3, accepts: (n: number) => n <= 100 };
    expect(valueOf('1.234', 'en', rate)).toBe(1.234);
    expect(valueOf('1,234', 'es', rate)).toBe(1.234);
    const deposit = { accepts: (n: number) => n >= 0.01 && n <= 0.09 };
    // neither fits: the locale's own reading, for the caller's range message
    expect(valueOf('1,234', 'es', deposit)).toBe(1.234);
    expect(valueOf('1.234', 'es', deposit)).toBe(1234);
  });

  it.each([
    ['-12.50', -12.5],
    ['−12,50', -12.5],
    ['-$1,234.56', -1234.56],
    ['$-5', -5],
    ['(12.50)', -12.5],
    ['+3', 3],
  ])('reads %j as %d where negatives are allowed', (text, value) => {
    expect(valueOf(text, 'en', { negative: true })).toBe(value);
    expect(valueOf(text, 'en')).toBe(value < 0 ? 'invalid' : value);
  });

  it.each([
    '',
    '   ',
    'abc',
    '1.2.3',
    '1,2,3',
    '1e9',
    '0x10',
    '12.',
    '1,23,456',
    '0.075',
    '1.2345',
    '12 34',
    '1,234.56.7',
    '1.234,56,7',
    '$$5',
    '5 €',
    '$7¢',
    '(5',
    '-(5)',
    '--5',
    '7.5¢',
    'Infinity',
    '1'.repeat(41),
  ])('refuses %j in every locale', (text) => {
    for (const locale of ['en', 'es', 'fr-CA']) expect(valueOf(text, locale, { negative: true })).toBe('invalid');
  });

  it('writes examples back in the same way', () => {
    expect(formatLocaleNumber(1234.5, 'en')).toBe('1,234.50');
    for (const locale of ['en', 'es', 'fr-CA']) {
      expect(valueOf(formatLocaleNumber(1234.5, locale), locale)).toBe(1234.5);
      expect(valueOf(formatLocaleNumber(1234567.89, locale), locale)).toBe(1234567.89);
      expect(valueOf(formatLocaleNumber(0.07, locale), locale)).toBe(0.07);
    }
  });
});
