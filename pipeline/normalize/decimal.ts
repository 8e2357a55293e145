// Exact decimal scaling. Every unit and scale factor is a power of ten, so converting is moving
// the decimal point in the digit string; the only rounding is the final, correctly rounded
// Number(): 7.3 EH/s is 7300000 TH/s, never 7299999.999999999.

const plainDecimal = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * The decimal string of `stated` × 10^exponent: shiftDecimal('7.30', 6) === '7300000',
 * shiftDecimal('3.1', -2) === '0.031'. Thousands separators are dropped. Throws on a string that
 * is not a plain decimal number (a bug in the caller, which only passes digits it matched).
 */
export function shiftDecimal(stated: string, exponent: number): string {
  const match = plainDecimal.exec(stated.replace(/,/g, ''));
  if (!match || (match[2] === '' && (match[3] ?? '') === '') || !Number.isInteger(exponent)) {
    throw new Error(`shiftDecimal expected a decimal number and an integer exponent, got ${JSON.stringify(stated)} and ${exponent}`);
  }
  const sign = match[1] === '-' ? '-' : '';
  const integerDigits = match[2];
  const fractionDigits = match[3] ?? '';
  const digits = integerDigits + fractionDigits;
  let point = integerDigits.length + exponent;
  let padded = digits;
  if (point <= 0) {
    padded = '0'.repeat(1 - point) + padded;
    point = 1;
  } else if (point > padded.length) {
    padded = padded + '0'.repeat(point - padded.length);
  }
  const whole = padded.slice(0, point).replace(/^0+(?=\d)/, '');
  const fraction = padded.slice(point).replace(/0+$/, '');
  const body = fraction === '' ? whole : `${whole}.${fraction}`;
  return body === '0' ? '0' : sign + body;
}

/** `stated` × 10^exponent as the nearest double: scaleDecimal('7.3', 6) === 7300000. */
export function scaleDecimal(stated: string, exponent: number): number {
  return Number(shiftDecimal(stated, exponent));
}
