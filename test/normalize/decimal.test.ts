import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scaleDecimal, shiftDecimal } from '../../pipeline/normalize/decimal.ts';

describe('shiftDecimal', () => {
  it.each([
    ['7.3', 6, '7300000'],
    ['7.30', 6, '7300000'],
    ['73.6', 6, '73600000'],
    ['7360', 4, '73600000'],
    ['3.1', -2, '0.031'],
    ['0.045', 3, '45'],
    ['35', -3, '0.035'],
    ['1,212', 0, '1212'],
    ['0.1', 0, '0.1'],
    ['-5', 0, '-5'],
    ['-2.5', 6, '-2500000'],
    ['0', 9, '0'],
    ['0.000', -3, '0'],
    ['12', -2, '0.12'],
    ['1.15', 9, '1150000000'],
    ['.5', 1, '5'],
  ] as const)('%s × 10^%i = %s', (stated, exponent, expected) => {
    expect(shiftDecimal(stated, exponent)).toBe(expected);
  });

  it('is exact where floating-point multiplication is not', () => {
    expect(4.35 * 100).not.toBe(435);
    expect(scaleDecimal('4.35', 2)).toBe(435);
    expect(scaleDecimal('7.3', 6)).toBe(7_300_000);
    expect(scaleDecimal('3.1', -2)).toBe(0.031);
    expect(scaleDecimal('0.1', 0) + scaleDecimal('0.2', 0)).not.toBe(0.3); // the classic, untouched
    expect(scaleDecimal('0.3', 0)).toBe(0.3);
  });

  it('rejects what is not a decimal number (a bug in the caller)', () => {
    expect(() => shiftDecimal('7.3.1', 0)).toThrow(/decimal number/);
    expect(() => shiftDecimal('', 0)).toThrow(/decimal number/);
    expect(() => shiftDecimal('1', 0.5)).toThrow(/integer exponent/);
  });

  it('agrees with correctly rounded parsing of scientific notation', () => {
    fc.assert(fc.property(
      fc.stringMatching(/^-?\d{1,9}(\.\d{1,6})?$/), fc.integer({ min: -12, max: 12 }),
      (stated, exponent) => {
        // + 0 turns -0 into 0: a stated "-0" is zero.
        expect(scaleDecimal(stated, exponent)).toBe(Number(`${stated}e${exponent}`) + 0);
      }), { numRuns: 2000 });
  });

  it('shifting there and back returns the same number', () => {
    fc.assert(fc.property(
      fc.stringMatching(/^\d{1,9}(\.\d{1,6})?$/), fc.integer({ min: -12, max: 12 }),
      (stated, exponent) => {
        expect(Number(shiftDecimal(shiftDecimal(stated, exponent), -exponent))).toBe(Number(stated));
      }), { numRuns: 1000 });
  });
});
