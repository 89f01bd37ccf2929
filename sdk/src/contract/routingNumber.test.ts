import { describe, expect, it } from 'vitest';
import { isValidRoutingNumber, withCheckDigit } from './routingNumber';

describe('ABA routing numbers', () => {
  it.each(['123456780', '021000021', '011000015', '091000019'])('%s passes the checksum', (number) => {
    expect(isValidRoutingNumber(number)).toBe(true);
  });

  it.each(['123456789', '021000022', '12345678', '1234567801', '12345678a', ' 23456780', ''])(
    '%j does not',
    (number) => {
      expect(isValidRoutingNumber(number)).toBe(false);
    },
  );

  it('the check digit makes any eight digits valid', () => {
    for (const first8 of ['00000000', '12345678', '99999999', '10000042']) {
      const number = withCheckDigit(first8);
      expect(number).toHaveLength(9);
      expect(isValidRoutingNumber(number)).toBe(true);
    }
  });
});
