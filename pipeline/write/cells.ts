/** A number as a spreadsheet and DuckDB read it back: never in exponent form. */
export function plainNumber(n: number): string {
  const shortest = String(n);
  if (!/e/i.test(shortest)) return shortest;
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** A text cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection). */
export function safeTextCell(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
