/**
 * ABA routing numbers: nine digits whose weighted sum (3, 7, 1 repeating) is a multiple of ten.
 * The widget checks a typed number before searching by it; the mock gives its institutions valid
 * ones. (Microdeposits will check numbers the same way.)
 */
export const ROUTING_NUMBER_PATTERN = /^\d{9}$/;

export function isValidRoutingNumber(value: string): boolean {
  if (!ROUTING_NUMBER_PATTERN.test(value)) return false;
  const weights = [3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(value[i]) * (weights[i % 3] ?? 0);
  return sum % 10 === 0;
}

/** The valid routing number that starts with these eight digits (the ninth is the check digit). */
export function withCheckDigit(first8: string): string {
  const weights = [3, 7, 1, 3, 7, 1, 3, 7];
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(first8[i]) * (weights[i] ?? 0);
  return `${first8}${(10 - (sum % 10)) % 10}`;
}
