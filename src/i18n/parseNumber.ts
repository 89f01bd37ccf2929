/**
 * Reads a number the way the user's locale writes it: "1,234.56" in English, "1.234,56" in
 * Spanish, "1 234,56" in Canadian French. Group separators (and the spaces some locales use for
 * them) are ignored, the locale's decimal mark is the only one accepted, a leading currency sign
 * is allowed. Null when the text is not such a number or has more decimals than `maxDecimals`.
 */
export function parseLocaleNumber(text: string, locale: string, maxDecimals = 2): number | null {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  // spaces group digits in some locales (fr-CA) and are noise in others
  const spaceGroups = group.trim() === '';
  const G = spaceGroups ? ' ' : group;
  const cleaned = text
    .trim()
    .replace(/^\$\s*|\s*\$$/g, '')
    .replace(/[\s\u00a0\u202f]+/g, spaceGroups ? ' ' : '');
  const [grouped, fraction, extra] = cleaned.split(decimal);
  if (extra !== undefined || grouped === undefined) return null;
  // group marks only where they belong ("12.5" in Spanish is not 125)
  const escaped = G.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (!new RegExp(`^(\\d+|\\d{1,3}(${escaped}\\d{3})+)$`).test(grouped)) return null;
  const whole = grouped.split(G).join('');
  if (fraction !== undefined && !new RegExp(`^\\d{1,${maxDecimals}}$`).test(fraction)) return null;
  const value = Number(`${whole}.${fraction ?? '0'}`);
  return Number.isFinite(value) ? value : null;
}

/** A number written back in the locale's own way (for an input's example). */
export function formatLocaleNumber(value: number, locale: string, decimals = 2): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    value,
  );
}
