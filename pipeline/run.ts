import type { Row } from '../schemas/columns.ts';
import type { documents, ingestErrors, validationIssues } from '../schemas/index.ts';
import { outputTables } from '../schemas/tables.ts';
import path from 'node:path';
import { scanInputFolder } from './ingest/read-folder.ts';
import type { IngestProblem } from './ingest/transcript.ts';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { cacheVersion, processFiles } from './parallel/process-files.ts';
import { unchangedSinceLastBuild } from './parallel/unchanged.ts';
import { problemRow } from './process-transcript.ts';
import { pipelineVersion, rulesFingerprint } from './version.ts';
import { finishDataset, startDataset } from './write/dataset.ts';
import { DatasetStream, previousDuckDb } from './write/dataset-stream.ts';
import { checkAndEncode, type EncodedDocument } from './write/encoded-document.ts';
import { KpiFactsFile } from './write/kpi-facts.ts';
import { lockOutputFolder } from './write/output-lock.ts';
import { recoverOutputFolder, withAtomicFolder, type SwapOptions } from './write/output-folder.ts';
import { safeOutputFolder } from './write/safe-output-folder.ts';

export interface BuildOptions {
  input: string;
  out: string;
  jobs: number;
  strict: boolean;
  /** write an empty dataset when the input holds no transcript, instead of refusing and keeping OUT */
  allowEmpty?: boolean;
  log?: (line: string) => void;
  onProgress?: (done: number, total: number) => void;
  /** the wall time of each step of the build as it ends (make bench) */
  onStep?: (step: string, ms: number) => void;
  /** tests only: runs before each step of the swap of the new dataset into OUT */
  beforeSwapStep?: SwapOptions['beforeStep'];
}

export interface BuildSummary {
  filesRead: number;
  documents: number;
  skipped: number;
  duplicates: number;
  rows: Record<string, number>;
  /** input problems and validation issues together, by severity */
  problemsBySeverity: Record<string, number>;
  errorCount: number;
  /** true when nothing changed since the last build into the same folder, which was kept as it was */
  unchanged?: boolean;
}

/** The summary of a build, kept beside its dataset so that a build with nothing to do can report it. */
const summaryFile = 'build-summary.json';
/** The facts kpis chooses from, set aside during the build (KpiFactsFile) and removed before the dataset is in place. */
const kpiFactsName = '.kpi-facts.v8';
/** The report's charts as the last build drew them (writeReport's ChartCache), in the dataset's cache. */
const chartsName = 'report-charts.json';


/**
 * The whole flow: check that OUT may be replaced and lock it → list files → per document, in
 * parallel workers and from the cache of the previous build when unchanged (ingest → segment →
 * extract → validate) → dataset-wide tables (kpis, schema checks) → write, atomically.
 */
export async function buildDataset(options: BuildOptions): Promise<BuildSummary> {
  // refused before anything is written, even the lock beside OUT
  const target = safeOutputFolder(options.out, options.input);
  mkdirSync(path.dirname(target), { recursive: true });
  const lock = lockOutputFolder(target);
  try {
    recoverOutputFolder(target, options.log);
    safeOutputFolder(options.out, options.input);
    return await buildInto(target, options);
  } finally {
    lock.release();
  }
}

async function buildInto(target: string, options: BuildOptions): Promise<BuildSummary> {
  const { files, problems } = await scanInputFolder(options.input);
  if (files.length === 0 && !options.allowEmpty) throw noTranscript(options, `it holds no .txt or .md file${problems.length ? ` that could be read (${countByProblem(problems)})` : ''}`);
  const fingerprint = rulesFingerprint();
  let stepStart = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    options.onStep?.(name, now - stepStart);
    stepStart = now;
  };
  const kept = problems.length ? null : await keptDataset(options, files, fingerprint);
  if (kept) return kept;
  const summary = await withAtomicFolder(
    target,
    async (staging) => {
      await startDataset(staging);
      // the previous dataset's DuckDB file, when its rows of unchanged documents can be kept
      const stream = DatasetStream.open(staging, outputTables, { fingerprint, previous: previousDuckDb(target, fingerprint) });
      const kpiFacts = new KpiFactsFile(path.join(staging, kpiFactsName), {
        from: path.join(target, 'cache', 'kpis'),
        to: path.join(staging, 'cache', 'kpis'),
        version: cacheVersion(fingerprint, 'encoded'),
      });
      const merged = new MergedDocuments(files, problems, stream, kpiFacts);
      try {
        // the previous dataset is renamed away only after this callback, so its cache is still there to read
        await processFiles({
          output: 'encoded',
          input: options.input,
          files,
          jobs: options.jobs,
          cacheFrom: path.join(target, 'cache'),
          cacheTo: path.join(staging, 'cache'),
          onProgress: options.onProgress,
          pipelineVersion: fingerprint,
          onDocument: (index, rows) => merged.add(index, rows),
        });
        step('documents');
        merged.finish();
        step('kpis');
        if (merged.documents.length === 0 && !options.allowEmpty) {
          const read = `${files.length} ${files.length === 1 ? 'file' : 'files'} read, none a transcript`;
          throw noTranscript(options, `${read} (${countByProblem(merged.ingestErrors as Row<typeof ingestErrors>[])})`);
        }
        kpiFacts.close();
        await stream.close();
        step('duckdb');
      } catch (error) {
        kpiFacts.close();
        stream.abandon();
        throw error;
      }
      // the previous dataset's charts, drawn again only where their points changed
      const charts = { from: path.join(target, 'cache', chartsName), to: path.join(staging, 'cache', chartsName), version: fingerprint };
      await finishDataset(staging, stream.counts(), pipelineVersion, step, charts);
      const summary = summarize(files, merged, stream.counts());
      await writeFile(path.join(staging, summaryFile), JSON.stringify(summary, null, 2) + '\n');
      return summary;
    },
    { beforeStep: options.beforeSwapStep, log: options.log ?? console.error },
  );
  return summary;
}

/** An input with no transcript would replace a good dataset with an empty one: refused unless asked for. */
function noTranscript(options: BuildOptions, why: string): Error {
  return new Error(`no transcript found in ${options.input}: ${why}; nothing was written (build --allow-empty writes an empty dataset)`);
}

/** "2 not_a_transcript, 1 empty" */
function countByProblem(problems: readonly ({ problem: string } | IngestProblem)[]): string {
  const counts = new Map<string, number>();
  for (const { problem } of problems) counts.set(problem, (counts.get(problem) ?? 0) + 1);
  return [...counts].map(([problem, n]) => `${n} ${problem}`).join(', ');
}

/**
 * The same files with the same bytes, read by the same rules, make the same dataset: when the
 * previous build in OUT read exactly these, it is kept as it is and nothing is written.
 */
async function keptDataset(options: BuildOptions, files: string[], fingerprint: string): Promise<BuildSummary | null> {
  const pipelineVersion = cacheVersion(fingerprint, 'encoded');
  if (!unchangedSinceLastBuild({ input: options.input, files, cacheFrom: path.join(options.out, 'cache'), pipelineVersion })) return null;
  try {
    const previous = JSON.parse(await readFile(path.join(options.out, summaryFile), 'utf8')) as BuildSummary;
    // a dataset someone has since taken apart is built again
    const expected = ['hashkpi.duckdb', ...outputTables.flatMap((t) => [`csv/${t.name}.csv`, `arrow/${t.name}.arrow`])];
    if (!expected.every((file) => existsSync(path.join(options.out, file)))) return null;
    options.onProgress?.(files.length, files.length);
    return { ...previous, unchanged: true };
  } catch {
    return null;
  }
}

function summarize(files: string[], merged: MergedDocuments, written: { table: { name: string }; rows: number }[]): BuildSummary {
  const ingest = merged.ingestErrors;
  return {
    filesRead: files.length,
    documents: merged.documents.length,
    skipped: ingest.filter((e) => e.action === 'skipped').length,
    duplicates: ingest.filter((e) => e.problem === 'duplicate').length,
    rows: Object.fromEntries(written.map(({ table, rows }) => [table.name, rows])),
    problemsBySeverity: merged.problemsBySeverity,
    errorCount: merged.problemsBySeverity.error ?? 0,
  };
}

/**
 * The documents joined as they come, in file order, after the problems found while listing the
 * input (a folder that cannot be read, a link); a byte-identical file under another name is
 * processed once and reported. A document comes encoded (its rows checked against their schemas
 * and made into CSV and Arrow bytes by its worker, or read so from the cache) and is written at
 * once; only what needs every document is kept: the documents (same_call), the input problems,
 * the rows their schema rejected, and the facts kpis chooses from, set aside on disk. A row its
 * schema rejects is not written but becomes a validation issue, after the documents' own, when
 * its table comes before validation_issues (as they are checked in order).
 */
class MergedDocuments {
  readonly documents: Row<typeof documents>[] = [];
  readonly ingestErrors: Row<typeof ingestErrors>[] = [];
  readonly problemsBySeverity: Record<string, number> = {};
  private readonly firstBySha = new Map<string, string>();
  private readonly schemaIssues = new Map<string, Row<typeof validationIssues>[]>(outputTables.map((t) => [t.name, []]));
  private readonly specs = new Map(outputTables.map((t) => [t.name, t]));

  constructor(
    private readonly files: string[],
    listing: IngestProblem[],
    private readonly stream: DatasetStream,
    private readonly kpiFacts: KpiFactsFile,
  ) {
    this.emit('ingest_errors', listing.map(problemRow));
  }

  add(index: number, doc: EncodedDocument): void {
    const first = doc.sha256 ? this.firstBySha.get(doc.sha256) : undefined;
    if (first) {
      this.emit('ingest_errors', [
        {
          source_path: this.files[index],
          problem: 'duplicate',
          severity: 'warning',
          message: `${this.files[index]}: byte-identical to ${first}; processed once, under ${first}.`,
          action: 'processed_once',
          doc_id: doc.documents[0]?.doc_id ?? null,
        } satisfies Row<typeof ingestErrors>,
      ]);
      return;
    }
    if (doc.sha256) this.firstBySha.set(doc.sha256, this.files[index]);
    this.documents.push(...doc.documents);
    this.ingestErrors.push(...doc.ingestErrors);
    for (const [severity, n] of Object.entries(doc.severities)) this.problemsBySeverity[severity] = (this.problemsBySeverity[severity] ?? 0) + n;
    for (const [name, issues] of Object.entries(doc.schemaIssues)) this.schemaIssues.get(name)!.push(...issues);
    this.stream.addDocument(this.files[index], doc.documents[0]?.doc_id ?? null, doc.tables);
    this.kpiFacts.add(doc.kpiFacts);
  }

  /** After the last document: same_call warnings, kpis, then the schema issues of the tables checked before validation_issues. */
  finish(): void {
    this.emit('ingest_errors', sameCallRows(this.documents));
    // a call at a time, checked and encoded once and kept so in the cache of kpis
    const kpisTable = this.specs.get('kpis')!;
    for (const { value, unchanged, ...call } of this.kpiFacts.kpis((rows) => checkAndEncode(kpisTable, rows))) {
      if (value.encoded) this.stream.addCall(call, value.encoded, unchanged);
      this.schemaIssues.get('kpis')!.push(...value.issues);
    }
    const names = outputTables.map((t) => t.name);
    const issuesAt = names.indexOf('validation_issues');
    this.emit('validation_issues', names.slice(0, issuesAt).flatMap((name) => this.schemaIssues.get(name)!));
    // those of validation_issues itself and of the tables after it are counted, as they always were, but not written
    for (const name of names.slice(issuesAt)) for (const issue of this.schemaIssues.get(name)!) this.count(issue);
  }

  /** Rows made here (input problems, duplicates, same_call, kpis, schema issues): checked and encoded in this thread. */
  private emit(name: string, rows: readonly Record<string, unknown>[]): void {
    if (rows.length === 0) return;
    if (name === 'ingest_errors') this.ingestErrors.push(...(rows as Row<typeof ingestErrors>[]));
    if (name === 'ingest_errors' || name === 'validation_issues') for (const row of rows) this.count(row as { severity: string });
    const { encoded, issues } = checkAndEncode(this.specs.get(name)!, rows);
    this.schemaIssues.get(name)!.push(...issues);
    if (encoded) this.stream.add(encoded);
  }

  private count({ severity }: { severity: string }): void {
    this.problemsBySeverity[severity] = (this.problemsBySeverity[severity] ?? 0) + 1;
  }
}

/**
 * Two different files of one company's one quarter (a wire copy and a web copy, an edited
 * version): both are read, so kpis chooses each figure from either. Said, not merged silently.
 */
function sameCallRows(docs: readonly Row<typeof documents>[]): Row<typeof ingestErrors>[] {
  const firstOfCall = new Map<string, Row<typeof documents>>();
  const rows: Row<typeof ingestErrors>[] = [];
  for (const doc of docs) {
    if (!doc.ticker || !doc.call_period) continue;
    const call = `${doc.ticker}\u0000${doc.call_period}`;
    const first = firstOfCall.get(call);
    if (!first) {
      firstOfCall.set(call, doc);
      continue;
    }
    rows.push({
      source_path: doc.source_path,
      problem: 'same_call',
      severity: 'warning',
      message:
        `${doc.source_path}: a second transcript of ${doc.ticker} ${doc.call_period}, with other text than ${first.source_path}; ` +
        `both were processed, and kpis takes each figure from either of them.`,
      action: 'processed',
      doc_id: doc.doc_id,
    });
  }
  return rows;
}
