import type { TableSpec } from '../../schemas/columns.ts';

export interface InvalidRow {
  row: Record<string, unknown>;
  reason: string;
}

/** Checks every row against its table's zod schema; a row that fails is returned with the reason, never dropped unseen. */
export function checkRows(table: TableSpec, rows: readonly Record<string, unknown>[]): { valid: Record<string, unknown>[]; invalid: InvalidRow[] } {
  const valid: Record<string, unknown>[] = [];
  const invalid: InvalidRow[] = [];
  const strict = table.schema.strict();
  for (const row of rows) {
    const parsed = strict.safeParse(row);
    if (parsed.success) valid.push(row);
    else {
      const reason = parsed.error.issues.map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`).join('; ');
      invalid.push({ row, reason: `${describeRow(table, row)}: ${reason}` });
    }
  }
  return { valid, invalid };
}

function describeRow(table: TableSpec, row: Record<string, unknown>): string {
  return `${table.name} row ${table.key.map((k) => `${k}=${String(row[k])}`).join(', ')}`;
}
