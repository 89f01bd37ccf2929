import type { Translate } from './translate';

/** What an amount the user typed reads as. */
export type AmountReading =
  | { ok: true; value: number }
  | { ok: false; problem: 'invalid' }
  /**
   * One mark followed by three digits that the locale would read as a decimal and a US bank
   * statement as a thousands group ("1,234" in Spanish, "1.234" in English): `asDecimal` 1.234,
   * `asGrouped` 1234. The user must say which.
   */
  | { ok: false; problem: 'ambiguous'; text: string; asDecimal: number; asGrouped: number };

export interface AmountOptions {
  /** most digits after the decimal mark (trailing zeros do not count); 2 for money */
  maxDecimals?: number;
  /** whether a minus sign (or accounting parentheses) is accepted */
  negative?: boolean;
  /**
   * The field's own range: of an ambiguous text's two readings, when only one is acceptable it
   * is taken ("1.234" as an interest rate can only be 1.234 %, never 1234 %).
   */
  accepts?: (value: number) => boolean;
}

/** Longest text looked at: anything longer is not an amount a person typed. */
const MAX_LENGTH = 40;
const CURRENCY = String.raw`(?:US\$|CA\$|C\$|\$\s?(?:US|CA)|\$|USD|CAD)`;
const SHAPE = new RegExp(
  String.raw`^(\()?\s*([-+])?\s*(${CURRENCY})?\s*([-+])?\s*([\d., ]*\d|[.,]\d+)\s*(¢)?\s*(${CURRENCY})?\s*(\))?$`,
  'i',
);
// a run of digits, grouped by threes with one mark, or plain
const groupedBy = (mark: string) => new RegExp(`^\\d{1,3}(?:${mark === '.' ? '\\.' : mark}\\d{3})+$`);
const GROUPED = { ',': groupedBy(','), '.': groupedBy('.'), ' ': groupedBy(' ') } as const;
const PLAIN = /^\d+$/;

/** The locale's own decimal and group marks, as Intl writes them (a space for any space). */
function marksOf(locale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  return { decimal, group: group.trim() === '' ? ' ' : group };
}

function integerPart(text: string): number | null {
  if (PLAIN.test(text)) return Number(text);
  for (const [mark, pattern] of Object.entries(GROUPED)) {
    if (pattern.test(text)) return Number(text.split(mark).join(''));
  }
  return null;
}

function withFraction(whole: string, fraction: string, maxDecimals: number): number | null {
  if (!/^\d+$/.test(fraction) || fraction.replace(/0+$/, '').length > maxDecimals) return null;
  const integer = whole === '' ? 0 : integerPart(whole);
  return integer === null ? null : Number(`${integer}.${fraction}`);
}

/**
 * Reads an amount as a person of `locale` writes it, or as one copying it from a US bank
 * statement: "0.07", ".07", "0,07", "$0.07", "7¢", "1,234.56", "1.234,56", "1 234,56" (any space,
 * no-break ones too), "1234.56" in Spanish, "-12.50" or "(12.50)" when `negative`. The locale's
 * marks come from Intl.NumberFormat. A mark followed by other than three digits can only be a
 * decimal mark; with two kinds of mark, the last is the decimal one; spaces only group. Only one
 * mark followed by exactly three digits is ambiguous, and only when it is the locale's decimal
 * mark or neither of its marks ("1,234" in Spanish or French, "1.234" in English): then both
 * readings are returned unless `accepts` rules one out. Never throws; the value is finite.
 */
export function parseAmount(text: string, locale: string, options: AmountOptions = {}): AmountReading {
  const { maxDecimals = 2, negative = false, accepts = () => true } = options;
  const invalid = { ok: false, problem: 'invalid' } as const;
  const normalized = text
    .normalize('NFKC')
    .replace(/[\s\u2009\u202f]+/g, ' ')
    .replace(/\u2212/g, '-')
    .trim();
  if (normalized.length === 0 || normalized.length > MAX_LENGTH) return invalid;
  const shape = SHAPE.exec(normalized);
  if (!shape) return invalid;
  const [, open, sign1, currency1, sign2, number = '', cents, currency2, close] = shape;
  if (Boolean(open) !== Boolean(close) || (sign1 && sign2) || (currency1 && currency2)) return invalid;
  const minus = Boolean(open) || sign1 === '-' || sign2 === '-';
  if ((open && (sign1 || sign2)) || (minus && !negative)) return invalid;
  const signed = (value: number): AmountReading => ({ ok: true, value: minus && value !== 0 ? -value : value });

  if (cents) {
    const count = currency1 || currency2 ? null : integerPart(number);
    return count === null ? invalid : signed(count / 100);
  }
  const { decimal, group } = marksOf(locale);
  const hasSpace = number.includes(' ');
  const marks = [...number].filter((c) => c === '.' || c === ',');
  const kinds = new Set(marks);
  let value: number | null;
  if (marks.length === 0) {
    value = integerPart(number);
  } else if (kinds.size === 2 || hasSpace) {
    // "1,234.56", "1.234,56", "1 234,56": the last mark is the decimal one, once
    const last = Math.max(number.lastIndexOf('.'), number.lastIndexOf(','));
    const mark = number.charAt(last);
    if (marks.filter((c) => c === mark).length > 1) return invalid;
    value = withFraction(number.slice(0, last), number.slice(last + 1), maxDecimals);
  } else if (marks.length > 1) {
    value = integerPart(number); // "1,234,567": only groups repeat
  } else {
    const mark = marks[0] ?? '.';
    const [whole = '', fraction = ''] = number.split(mark);
    const couldGroup = fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole);
    if (!couldGroup) {
      value = withFraction(whole, fraction, maxDecimals);
    } else if (mark === group) {
      value = Number(whole + fraction);
    } else {
      const asDecimal = Number(`${whole}.${fraction}`);
      const asGrouped = Number(whole + fraction);
      const groupedFits = accepts(asGrouped);
      const decimalFits = accepts(asDecimal);
      if (groupedFits !== decimalFits) {
        value = groupedFits ? asGrouped : withFraction(whole, fraction, maxDecimals);
      } else if (!groupedFits) {
        value = mark === decimal ? asDecimal : asGrouped; // out of range either way: the caller says so
      } else {
        const sign = minus ? -1 : 1;
        return {
          ok: false,
          problem: 'ambiguous',
          text: text.trim(),
          asDecimal: sign * asDecimal,
          asGrouped: sign * asGrouped,
        };
      }
    }
  }
  return value === null || !Number.isFinite(value) ? invalid : signed(value);
}

export type AmbiguousAmount = Extract<AmountReading, { problem: 'ambiguous' }>;

/**
 * The message for an ambiguous amount, in the locale's own writing of both readings and of an
 * unambiguous way to write the grouped one ("“1.234” could mean 1.234 or 1,234. For 1,234, write
 * 1,234.00.").
 */
export function ambiguousAmountMessage(t: Translate, locale: string, amount: AmbiguousAmount): string {
  return t('amount.ambiguous', {
    text: amount.text,
    asDecimal: formatLocaleNumber(amount.asDecimal, locale, 3),
    asGrouped: formatLocaleNumber(amount.asGrouped, locale, 0),
    groupedExample: formatLocaleNumber(amount.asGrouped, locale, 2),
  });
}

/** A number written back in the locale's own way (for an input's example). */
export function formatLocaleNumber(value: number, locale: string, decimals = 2): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    value,
  );
}
