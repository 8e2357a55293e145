import { Command, InvalidArgumentError, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildSummary } from '../pipeline/run.ts';
import { explain } from './explain.ts';
import { buildProgress } from './progress.ts';
import { queryReadOnly, type QueryResult } from './read-only-query.ts';
import { textTable } from './text-table.ts';

const exitCodes = `
Exit status:
  0  done (build, report, query; check found no error-level problem)
  1  error-level problems: found by check, or by build with --strict (the dataset is written)
  2  bad usage, a refused --out, no transcript in --input, a missing or unreadable dataset,
     a failed query, or a failed build (the previous dataset is left as it was)
  130, 143  interrupted by Ctrl-C or SIGTERM: the build's staging folder is removed and the
     previous dataset is left as it was`;

/** The version is package.json's, so `hashkpi --version` and `npm ls` say the same. */
const packageVersion = (JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { version: string }).version;

const program = new Command()
  .name('hashkpi')
  .description('Turns earnings-call transcripts of Bitcoin miners into a KPI dataset (CSV, Arrow, Parquet, DuckDB, an HTML report).')
  .version(packageVersion)
  .addHelpText('after', exitCodes)
  .showSuggestionAfterError(true)
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));

/** A missing or wrong --input is one sentence, not ENOENT or ENOTDIR from deep inside the build. */
function requireInputFolder(input: string): void {
  let isFolder = false;
  try {
    isFolder = statSync(input).isDirectory();
  } catch {
    throw new Error(`--input ${input}: no such folder; give the folder that holds the transcripts (.txt, .md)`);
  }
  if (!isFolder) throw new Error(`--input ${input} is a file, not a folder; give the folder that holds it`);
}

/** A query result printed as an aligned table, CSV (RFC 4180, a NULL as an empty cell) or JSON (an array of objects). */
function formatResult(result: QueryResult, format: string, maxWidth: number): string {
  if (format === 'json') return JSON.stringify(result.values.map((row) => Object.fromEntries(result.columns.map((c, i) => [c, row[i]]))), null, 2);
  if (format === 'csv') {
    const cells = result.values.map((row) => row.map((v) => (v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))));
    return stringify([result.columns, ...cells]).trimEnd();
  }
  const rightAligned = new Set(result.numeric.flatMap((n, i) => (n ? [i] : [])));
  return textTable(result.columns, result.rows, { rightAligned, maxCellWidth: maxWidth });
}

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
};
const wholeNumber = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
};

interface BuildArgs {
  input: string;
  out: string;
  jobs: number;
  strict: boolean;
  allowEmpty?: boolean;
}

/** A build with a progress bar on a terminal; the one summary line is printed by the caller. */
async function buildWithProgress(args: BuildArgs): Promise<BuildSummary> {
  // the pipeline (DuckDB, Vega) loads only when a command needs it, so --help and query start fast
  requireInputFolder(args.input);
  const { buildDataset } = await import('../pipeline/run.ts');
  const progress = buildProgress();
  try {
    return await buildDataset({ ...args, log: progress.log, onProgress: progress.onProgress });
  } finally {
    progress.stop();
  }
}

function duckDbFileOf(out: string): string {
  const file = path.join(out, 'hashkpi.duckdb');
  if (!existsSync(file)) throw new Error(`${file} not found: build the dataset first (hashkpi build --out ${out})`);
  return file;
}

program
  .command('build')
  .description('read every transcript under --input and write the dataset into --out')
  .option('-i, --input <dir>', 'folder of transcripts (.txt, .md), read recursively', 'transcripts')
  .option('-o, --out <dir>', 'output folder: new, empty or a dataset an earlier build wrote, replaced whole and atomically', 'output')
  .option('-j, --jobs <n>', 'worker count', positiveInt, os.availableParallelism())
  .option('--strict', 'exit 1 when any error-level problem is found', false)
  .option('--allow-empty', 'write an empty dataset when --input holds no transcript (else: exit 2, --out is kept)', false)
  .allowExcessArguments(false)
  .addHelpText('after', exitCodes)
  .action(async (opts: BuildArgs) => {
    const started = performance.now();
    const summary = await buildWithProgress(opts);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const issues = Object.entries(summary.problemsBySeverity).map(([s, n]) => `${n} ${s}`).join(', ') || 'none';
    console.log(
      `hashkpi: ${summary.filesRead} files read, ${summary.documents} documents, ${summary.skipped} skipped, ${summary.duplicates} duplicated; ` +
        `${summary.rows.facts ?? 0} facts, ${summary.rows.mentions ?? 0} mentions, ${summary.rows.paragraphs ?? 0} paragraphs; problems: ${issues}; ` +
        (summary.unchanged ? `nothing changed, ${opts.out} kept as it was (${seconds}s)` : `written to ${opts.out} in ${seconds}s`),
    );
    if (opts.strict && summary.errorCount > 0) process.exitCode = 1;
  });

const problemsSql = `
SELECT * FROM (
  SELECT severity, 'ingest' AS kind, source_path AS file, problem AS "check", NULL AS metric, message FROM ingest_errors
  UNION ALL
  SELECT v.severity, 'validation', coalesce(d.source_path, ''), v."check", v.metric, v.message
  FROM validation_issues v LEFT JOIN documents d ON d.doc_id = v.doc_id
)
ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, file, "check", message`;

program
  .command('check')
  .description(
    'list input problems and validation issues as a table: of the transcripts under --input, built into a temporary folder ' +
      'that is removed afterwards (nothing is written to an output folder), or of an existing dataset with --out',
  )
  .option('-i, --input <dir>', 'folder of transcripts to check', 'transcripts')
  .option('-o, --out <dir>', 'check this existing dataset instead of building')
  .option('-j, --jobs <n>', 'worker count', positiveInt, os.availableParallelism())
  .addOption(new Option('--format <format>', 'table (aligned text) or json (an array of objects)').choices(['table', 'json']).default('table'))
  .option('--max-width <n>', 'cut longer cells of the table with … (0: never, the default: a message is read whole)', wholeNumber, 0)
  .allowExcessArguments(false)
  .addHelpText('after', exitCodes)
  .action(async (opts: { input: string; out?: string; jobs: number; format: string; maxWidth: number }) => {
    let scratch: string | undefined;
    let out = opts.out;
    try {
      if (!out) {
        scratch = await mkdtemp(path.join(os.tmpdir(), 'hashkpi-check-'));
        out = path.join(scratch, 'out');
        await buildWithProgress({ input: opts.input, out, jobs: opts.jobs, strict: false });
      }
      const result = await queryReadOnly(duckDbFileOf(out), problemsSql);
      const counts = ['error', 'warning', 'info']
        .map((s) => [s, result.rows.filter((r) => r[0] === s).length] as const)
        .map(([s, n]) => `${n} ${n === 1 || s === 'info' ? s : `${s}s`}`)
        .join(', ');
      if (opts.format === 'json') console.log(formatResult(result, 'json', 0));
      else {
        if (result.rows.length) console.log(formatResult(result, 'table', opts.maxWidth));
        console.log(`hashkpi check: ${opts.out ? out : opts.input}: ${counts}`);
      }
      if (result.rows.some((r) => r[0] === 'error')) process.exitCode = 1;
    } finally {
      if (scratch) await rm(scratch, { recursive: true, force: true });
    }
  });

program
  .command('report')
  .description('write OUT/report.html (KPI tables with their quotes, issues, translation checks, charts) from an existing OUT/hashkpi.duckdb')
  .option('-o, --out <dir>', 'dataset folder', 'output')
  .allowExcessArguments(false)
  .addHelpText('after', exitCodes)
  .action(async (opts: { out: string }) => {
    duckDbFileOf(opts.out);
    const started = performance.now();
    const { writeReport } = await import('../pipeline/report/report.ts');
    const report = await writeReport(opts.out);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(`hashkpi report: wrote ${report.file} (${Math.round(report.bytes / 1024)} KiB, ${report.charts} charts) in ${seconds}s`);
  });

program
  .command('query')
  .description('run read-only SQL on a DuckDB file and print the result as an aligned text table, CSV or JSON')
  .argument('<sql>', 'one SQL statement, e.g. "SELECT * FROM kpi_wide"')
  .option('--db <file>', 'DuckDB file, opened read-only', path.join('output', 'hashkpi.duckdb'))
  .addOption(new Option('--format <format>', 'table (aligned text), csv or json (an array of objects)').choices(['table', 'csv', 'json']).default('table'))
  .option('--max-width <n>', 'cut longer cells of the table with … (0: never)', wholeNumber, 60)
  .allowExcessArguments(false)
  .addHelpText('after', exitCodes)
  .action(async (sql: string, opts: { db: string; format: string; maxWidth: number }) => {
    const result = await queryReadOnly(opts.db, sql);
    console.log(formatResult(result, opts.format, opts.maxWidth));
    if (opts.format === 'table') console.log(`(${result.rows.length} ${result.rows.length === 1 ? 'row' : 'rows'})`);
  });

program
  .command('explain')
  .description(
    'why a value was chosen: every statement of a KPI with its speaker, section, quote and sentence, the one chosen and the rule that chose it, ' +
      'and the validation issues on it; of one fact (--fact), or of a company\'s metric (--ticker and --metric, optionally --period)',
  )
  .option('-o, --out <dir>', 'dataset folder', 'output')
  .option('--fact <id>', 'a fact_id, e.g. from kpis.chosen_fact_id')
  .option('--ticker <ticker>', 'ticker of the company, e.g. CAN')
  .option('--metric <id>', 'metric id, e.g. revenue_total (METRICS.md)')
  .option('--period <period>', 'period of the value, e.g. 2024Q3 or 2024-09-30')
  .allowExcessArguments(false)
  .addHelpText('after', `\nExamples:\n  hashkpi explain --ticker CAN --metric revenue_total --period 2024Q3\n  hashkpi explain --fact d3d666059cd132ba-4525-btc_price\n${exitCodes}`)
  .action(async (opts: { out: string; fact?: string; ticker?: string; metric?: string; period?: string }) => {
    if (!opts.fact && !(opts.ticker && opts.metric)) throw new Error('explain needs --fact ID, or --ticker T and --metric M (and optionally --period P)');
    if (opts.fact && (opts.ticker || opts.metric || opts.period)) throw new Error('explain takes --fact ID or --ticker/--metric/--period, not both');
    const query = opts.fact ? { fact: opts.fact } : { ticker: opts.ticker!, metric: opts.metric!, period: opts.period };
    const text = await explain(duckDbFileOf(opts.out), query);
    if (text === null) {
      const what = opts.fact ? `fact ${opts.fact}` : `${opts.metric} of ${opts.ticker}${opts.period ? ` for ${opts.period}` : ''}`;
      throw new Error(`no statement of ${what} in ${opts.out}; \`hashkpi query "SELECT DISTINCT ticker, metric, period FROM kpis"\` lists what there is`);
    }
    console.log(text);
  });

program.on('command:*', (operands: string[]) => {
  const commands = program.commands.map((c) => c.name()).join(', ');
  console.error(`hashkpi: unknown command '${operands[0]}'; the commands are ${commands} (hashkpi --help)`);
  process.exit(2);
});

try {
  // a bare `hashkpi` shows what it can do rather than start a build
  if (process.argv.length <= 2) program.help();
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`hashkpi: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
