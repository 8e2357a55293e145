import type { ColumnSpec } from '../../schemas/columns.ts';
import { shiftDecimal } from '../normalize/decimal.ts';

/**
 * A number as a spreadsheet and DuckDB read it back: never in exponent form, and exactly the
 * double Arrow holds: the shortest round-tripping digits (String's), with the point moved.
 */
export function plainNumber(n: number): string {
  const shortest = String(n);
  const exponent = /^(-?\d+(?:\.\d+)?)e([+-]\d+)$/.exec(shortest);
  return exponent ? shiftDecimal(exponent[1], Number(exponent[2])) : shortest;
}

/**
 * A text cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection);
 * so does a text that already starts with apostrophes before such a sign, so that the guard can be
 * taken off again exactly (textOfCell): DuckDB is loaded from these CSV files.
 */
export function safeTextCell(s: string): string {
  return /^'*[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** The text a guarded cell stands for: safeTextCell undone. */
export function textOfCell(cell: string): string {
  return /^''*[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** textOfCell as a DuckDB SQL expression over a VARCHAR expression. */
export function textOfCellSql(expression: string): string {
  return `CASE WHEN regexp_matches(${expression}, '^''''*[=+\\-@\\t\\r]') THEN ${expression}[2:] ELSE ${expression} END`;
}

/**
 * The value a writer stores: null for a missing one, and for an empty text in a nullable column,
 * so every output has one convention (nullable means NULL, never '').
 */
export function storedValue(column: ColumnSpec, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (v === '' && column.nullable) return null;
  return v;
}

const dayMs = 86_400_000;

/** Days since 1970-01-01 of an ISO yyyy-mm-dd day: Arrow's Date32 and DuckDB's DATE. */
export function epochDays(isoDay: string): number {
  const [y, m, d] = isoDay.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / dayMs);
}
