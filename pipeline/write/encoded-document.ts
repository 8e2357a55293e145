import type { Row } from '../../schemas/columns.ts';
import type { TableSpec } from '../../schemas/columns.ts';
import type { documents, ingestErrors, validationIssues } from '../../schemas/index.ts';
import { outputTables } from '../../schemas/tables.ts';
import { kpiCallOf, kpiFactOf, type KpiFact } from '../extract/kpis.ts';
import { groupBy } from '../group-by.ts';
import type { DocumentRows } from '../process-transcript.ts';
import { serialize } from 'node:v8';
import { checkRows } from '../validate/schema-check.ts';
import { encodeArrowBatches, type EncodedBatches } from './arrow.ts';
import { csvLines } from './csv.ts';

/** Rows of one table as they go into its files: CSV lines (UTF-8) and Arrow record-batch messages. */
export interface EncodedRows {
  table: string;
  rows: number;
  csv: Uint8Array;
  /** at least the UTF-8 bytes of the longest CSV line */
  longestLineBytes: number;
  arrow: EncodedBatches;
}

/**
 * A document's rows as the dataset writes them, made in the worker that read the document and
 * cached as they are: a rebuild copies an unchanged document's bytes into the tables without
 * reading its rows again. Beside them, the little the build needs of every document: its
 * documents and ingest_errors rows (same_call, the summary), the counts by severity, the rows
 * their schema rejected, and the facts that may stand for a KPI.
 */
export interface EncodedDocument {
  /** the document's text hash ('' when there is no document): byte-identical files are read once */
  sha256: string;
  documents: Row<typeof documents>[];
  ingestErrors: Row<typeof ingestErrors>[];
  /** ingest_errors and validation_issues rows by severity, all of them, as the summary counts them */
  severities: Record<string, number>;
  /** by table, each row its schema rejected as the validation issue it becomes; not written */
  schemaIssues: Record<string, Row<typeof validationIssues>[]>;
  /** the tables the document has valid rows for, in outputTables order */
  tables: EncodedRows[];
  /**
   * its facts that may stand for a KPI, as kpis reads them (before the schema check, as kpis has
   * always read them), by call, v8-serialized: the build sets them aside without reading them
   */
  kpiFacts: KpiFactsOfCall[];
}

const encoder = new TextEncoder();

/** A call's facts that may stand for a KPI (KpiFact[]), v8-serialized. */
export interface KpiFactsOfCall {
  call: string;
  facts: Uint8Array;
}

export function kpiFactsByCall(facts: readonly KpiFact[]): KpiFactsOfCall[] {
  // '' for a fact that stands for no KPI
  const byCall = groupBy(facts, (f) => kpiCallOf(f) ?? '');
  byCall.delete('');
  return [...byCall].map(([call, group]) => ({ call, facts: serialize(group.map(kpiFactOf)) }));
}

/** Rows already checked, encoded for their table's CSV and Arrow files. */
export function encodeRows(table: TableSpec, rows: readonly Record<string, unknown>[]): EncodedRows {
  const { text, longestLineBytes } = csvLines(table, rows);
  return { table: table.name, rows: rows.length, csv: encoder.encode(text), longestLineBytes, arrow: encodeArrowBatches(table, rows) };
}

/** Rows checked against their table's schema: the valid ones encoded, the others as validation issues. */
export function checkAndEncode(table: TableSpec, rows: readonly Record<string, unknown>[]): { encoded: EncodedRows | null; issues: Row<typeof validationIssues>[] } {
  const { valid, invalid } = checkRows(table, rows);
  return { encoded: valid.length ? encodeRows(table, valid) : null, issues: invalid.map((bad) => schemaIssue(bad.reason, bad.row)) };
}

export function encodeDocument(doc: DocumentRows): EncodedDocument {
  const severities: Record<string, number> = {};
  for (const { severity } of [...doc.ingest_errors, ...doc.validation_issues]) severities[severity] = (severities[severity] ?? 0) + 1;
  const encoded: EncodedDocument = {
    sha256: doc.sha256,
    documents: doc.documents,
    ingestErrors: doc.ingest_errors,
    severities,
    schemaIssues: {},
    tables: [],
    kpiFacts: kpiFactsByCall(doc.facts),
  };
  for (const table of outputTables) {
    const rows = (doc as unknown as Record<string, Record<string, unknown>[] | undefined>)[table.name];
    if (!rows?.length) continue;
    const { encoded: rowsOf, issues } = checkAndEncode(table, rows);
    if (rowsOf) encoded.tables.push(rowsOf);
    if (issues.length) encoded.schemaIssues[table.name] = issues;
  }
  return encoded;
}

/** A row that fails its schema is not written, and not lost either: it becomes a validation issue. */
export function schemaIssue(reason: string, row: Record<string, unknown>): Row<typeof validationIssues> {
  return {
    doc_id: typeof row.doc_id === 'string' ? row.doc_id : '',
    check: 'schema',
    severity: 'error',
    message: `${reason}; the row was not written.`,
    metric: typeof row.metric === 'string' ? row.metric : null,
    fact_ids: typeof row.fact_id === 'string' ? row.fact_id : null,
    mention_ids: typeof row.mention_id === 'string' ? row.mention_id : null,
    expected: null,
    actual: JSON.stringify(row).slice(0, 500),
  };
}
