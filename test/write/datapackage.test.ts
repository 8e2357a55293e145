import { Package } from 'datapackage';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Table } from 'tableschema';
import { describe, expect, it } from 'vitest';
import { outputTables } from '../../schemas/tables.ts';
import { builtDataset } from '../built-dataset.ts';
import { fixtures } from '../paths.ts';

const dataset = builtDataset(path.join(fixtures, 'formats'));

/**
 * Every resource read by the Frictionless JavaScript library (tableschema, through datapackage's
 * resources): types cast, required fields present, primary keys unique. Its resource.read decodes
 * with Node's string decoder, which keeps a UTF-8 BOM in the first header, so the table is opened
 * with csv-parse's `bom` option, as a reader that honours the encoding's signature does.
 */
async function readResources(pkg: Package): Promise<Record<string, Record<string, unknown>[]>> {
  const rows: Record<string, Record<string, unknown>[]> = {};
  for (const resource of pkg.resources) {
    const table = await Table.load(resource.source, { schema: resource.schema, encoding: resource.descriptor.encoding, bom: true } as never);
    rows[resource.name] = (await table.read({ keyed: true })) as Record<string, unknown>[];
  }
  return rows;
}

async function checkForeignKeys(pkg: Package, rows: Record<string, Record<string, unknown>[]>): Promise<void> {
  for (const resource of pkg.resources) {
    if (!resource.descriptor.schema?.foreignKeys?.length) continue;
    const table = await Table.load(resource.source, { schema: resource.schema, encoding: resource.descriptor.encoding, bom: true } as never);
    await table.read({ relations: rows });
  }
}

describe('datapackage.json', () => {
  it('is a valid tabular data package whose every resource reads with no error, keys and references included', async () => {
    const pkg = await Package.load(path.join(dataset.out, 'datapackage.json'), { basePath: dataset.out });
    expect(pkg.errors).toEqual([]);
    expect(pkg.valid).toBe(true);
    expect(pkg.resources.map((r) => r.name)).toEqual([...outputTables.map((t) => t.name), 'kpi_wide']);
    expect(pkg.resources.every((r) => r.tabular)).toBe(true);
    const rows = await readResources(pkg);
    for (const table of outputTables) expect(rows[table.name].length, table.name).toBe(dataset.summary.rows[table.name]);
    expect(rows.kpi_wide.length).toBeGreaterThan(0);
    await checkForeignKeys(pkg, rows);
    // cast by the library: a date is a Date, a count a number, a missing value null
    const doc = rows.documents[0];
    expect(doc.quarter_end).toBeInstanceOf(Date);
    expect(typeof doc.char_count).toBe('number');
    expect(rows.kpis.some((k) => k.change_kind === null && k.entity === null)).toBe(true);
  }, 60_000);

  it('names an IANA encoding, declares keys and dates, and describes each table once', () => {
    const pkg = JSON.parse(readFileSync(path.join(dataset.out, 'datapackage.json'), 'utf8'));
    const byName = Object.fromEntries(pkg.resources.map((r: { name: string }) => [r.name, r]));
    expect(new Set(pkg.resources.map((r: { encoding: string }) => r.encoding))).toEqual(new Set(['utf-8']));
    expect(byName.documents.schema.primaryKey).toEqual(['doc_id']);
    expect(byName.facts.schema.primaryKey).toEqual(['fact_id']);
    expect(byName.kpis.schema.foreignKeys).toContainEqual({ fields: ['chosen_fact_id'], reference: { resource: 'facts', fields: ['fact_id'] } });
    expect(byName.facts.schema.foreignKeys).toContainEqual({ fields: ['doc_id'], reference: { resource: 'documents', fields: ['doc_id'] } });
    const typeOf = (table: string, field: string) => byName[table].schema.fields.find((f: { name: string }) => f.name === field).type;
    for (const [table, field] of [['documents', 'call_date'], ['documents', 'quarter_end'], ['documents', 'quarter_start'], ['facts', 'period_start'], ['kpis', 'period_end']]) {
      expect(typeOf(table, field), `${table}.${field}`).toBe('date');
    }
    for (const r of pkg.resources) expect(r.description.match(/One row per/g)?.length ?? 0, r.name).toBeLessThanOrEqual(1);
  });

  it('catches a broken reference, so the check above is a real one', async () => {
    const copy = path.join(dataset.out, 'csv', 'facts.csv');
    const original = readFileSync(copy, 'utf8');
    const firstDoc = original.split('\r\n')[1].split(',')[1];
    writeFileSync(copy, original.replace(`,${firstDoc},`, ',0000000000000000,'));
    try {
      const pkg = await Package.load(path.join(dataset.out, 'datapackage.json'), { basePath: dataset.out });
      const rows = await readResources(pkg);
      await expect(checkForeignKeys(pkg, rows)).rejects.toThrow(/Foreign key/);
    } finally {
      writeFileSync(copy, original);
    }
  }, 60_000);
});
