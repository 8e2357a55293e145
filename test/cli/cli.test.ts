import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dataDictionary } from '../../pipeline/report/data-dictionary.ts';
import { outputTables } from '../../schemas/tables.ts';
import { repoRoot, sampleCorpus } from '../paths.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI as a user runs it: the package's bin, from the repository, output piped (not a terminal). */
function hashkpi(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(repoRoot, 'cli', 'hashkpi.js'), ...args], { cwd: repoRoot, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// every case spawns the CLI (about a second each on a small machine)
vi.setConfig({ testTimeout: 60_000 });

let tmp: string;
let out: string;
let build: Run;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'hashkpi-cli-'));
  out = path.join(tmp, 'out');
  build = await hashkpi('build', '--input', sampleCorpus, '--out', out, '--jobs', '1');
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('hashkpi --help', () => {
  it('lists the commands and the exit codes', async () => {
    const { code, stdout } = await hashkpi('--help');
    expect(code).toBe(0);
    for (const command of ['build', 'check', 'report', 'query', 'explain']) expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(stdout).toContain('Exit status:');
    expect(stdout).toMatch(/^ {2}2 {2}bad usage/m);
  });

  it.each(['build', 'check', 'report', 'query', 'explain'])('%s --help shows its options and the exit codes', async (command) => {
    const { code, stdout } = await hashkpi(command, '--help');
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: hashkpi ${command}`);
    expect(stdout).toContain('Exit status:');
  });

  it('exits 2 on bad usage', async () => {
    expect((await hashkpi('--no-such-option')).code).toBe(2);
    expect((await hashkpi('build', 'stray-argument', '--out', path.join(tmp, 'never'))).code).toBe(2);
    expect(existsSync(path.join(tmp, 'never'))).toBe(false);
    expect((await hashkpi('query')).code).toBe(2);
  });

  it('prints the help for a bare hashkpi, and builds nothing', async () => {
    const { code, stdout } = await hashkpi();
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: hashkpi');
    expect(stdout).toMatch(/^ {2}build\b/m);
  });

  it('names the commands when given an unknown one', async () => {
    const { code, stderr } = await hashkpi('biuld');
    expect(code).toBe(2);
    expect(stderr.trim()).toBe("hashkpi: unknown command 'biuld'; the commands are build, check, report, query, explain (hashkpi --help)");
  });

  it("prints package.json's version", async () => {
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    expect((await hashkpi('--version')).stdout.trim()).toBe(version);
  });

  it.each([
    ['a missing folder', () => path.join(tmp, 'no-such-folder'), /^hashkpi: --input .*no-such-folder: no such folder; give the folder that holds the transcripts \(\.txt, \.md\)$/],
    ['a file', () => path.join(sampleCorpus, 'BRVX-2025Q3.wire.txt'), /^hashkpi: --input .*BRVX-2025Q3\.wire\.txt is a file, not a folder; give the folder that holds it$/],
  ])('says in one sentence that --input is %s', async (_what, input, message) => {
    for (const args of [['build', '--out', path.join(tmp, 'never')], ['check']]) {
      const { code, stderr } = await hashkpi(...args, '--input', input());
      expect(code).toBe(2);
      expect(stderr.trim()).toMatch(message);
      expect(stderr).not.toMatch(/ENOENT|ENOTDIR|\n {4}at /);
    }
    expect(existsSync(path.join(tmp, 'never'))).toBe(false);
  });
});

describe('hashkpi build', () => {
  it('writes the dataset, the report and the data dictionary, and prints one summary line when not on a terminal', () => {
    expect(build.code).toBe(0);
    expect(build.stdout.trim().split('\n')).toHaveLength(1);
    expect(build.stdout).toMatch(/^hashkpi: 5 files read, 5 documents/);
    expect(build.stderr).not.toMatch(/files \|/);
    for (const file of ['hashkpi.duckdb', 'datapackage.json', 'report.html', 'DATA_DICTIONARY.md']) expect(existsSync(path.join(out, file)), file).toBe(true);
    expect(readdirSync(path.join(out, 'parquet')).sort()).toEqual([...outputTables.map((t) => `${t.name}.parquet`), 'kpi_wide.parquet'].sort());
    expect(existsSync(path.join(out, 'csv', 'kpi_wide.csv'))).toBe(true);
    expect(readFileSync(path.join(out, 'DATA_DICTIONARY.md'), 'utf8')).toBe(dataDictionary());
  });
});

describe('hashkpi check', () => {
  it('prints the problems of an existing dataset as a table, exit 1 only for an error', async () => {
    const { code, stdout } = await hashkpi('check', '--out', out);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^severity\s+kind\s+file\s+check\s+metric\s+message$/);
    expect(lines[1]).toMatch(/^-+( {2}-+)+$/);
    expect(stdout).toContain('truncated');
    expect(lines.at(-1)).toMatch(/^hashkpi check: .*\d+ errors?, \d+ warnings?, \d+ info$/);
    const hasError = lines.slice(2, -1).some((l) => l.startsWith('error '));
    expect(code).toBe(hasError ? 1 : 0);
  });

  it('runs the pipeline on --input without writing an output folder, and exits 1 for an error-level problem', async () => {
    const input = path.join(tmp, 'bad-input');
    mkdirSync(input);
    copyFileSync(path.join(sampleCorpus, 'BRVX-2025Q3.wire.txt'), path.join(input, 'BRVX-2025Q3.wire.txt'));
    writeFileSync(path.join(input, 'empty.txt'), '');
    const before = readdirSync(tmp).sort();
    const { code, stdout } = await hashkpi('check', '--input', input, '--jobs', '1');
    expect(stdout).toMatch(/^error\s+ingest\s+empty\.txt/m);
    expect(code).toBe(1);
    expect(readdirSync(tmp).sort()).toEqual(before);
    expect(existsSync(path.join(repoRoot, 'output', 'hashkpi.duckdb.wal'))).toBe(false);
  });

  it('prints every message whole, however long', async () => {
    const [longest] = JSON.parse((await hashkpi('query', '--db', path.join(out, 'hashkpi.duckdb'), '--format', 'json', 'SELECT message FROM validation_issues ORDER BY length(message) DESC LIMIT 1')).stdout);
    expect(longest.message.length).toBeGreaterThan(100);
    expect((await hashkpi('check', '--out', out)).stdout).toContain(longest.message);
  });

  it('prints the problems as JSON with --format json', async () => {
    const { stdout } = await hashkpi('check', '--out', out, '--format', 'json');
    const problems = JSON.parse(stdout) as Record<string, unknown>[];
    expect(problems.length).toBeGreaterThan(0);
    expect(Object.keys(problems[0])).toEqual(['severity', 'kind', 'file', 'check', 'metric', 'message']);
    expect(problems.some((p) => p.check === 'truncated')).toBe(true);
  });

  it('exits 2 when the dataset is missing', async () => {
    const { code, stderr } = await hashkpi('check', '--out', path.join(tmp, 'nowhere'));
    expect(code).toBe(2);
    expect(stderr).toContain('hashkpi.duckdb not found');
  });
});

describe('hashkpi report', () => {
  it('writes report.html again from hashkpi.duckdb', async () => {
    rmSync(path.join(out, 'report.html'));
    const { code, stdout } = await hashkpi('report', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/wrote .*report\.html \(\d+ KiB, \d+ charts\)/);
    expect(readFileSync(path.join(out, 'report.html'), 'utf8')).toContain('<svg');
  });

  it('exits 2 without a dataset', async () => {
    expect((await hashkpi('report', '--out', path.join(tmp, 'nowhere'))).code).toBe(2);
  });
});

describe('hashkpi query', () => {
  const db = () => path.join(out, 'hashkpi.duckdb');

  it('prints the result as an aligned text table, numbers right-aligned', async () => {
    const { code, stdout } = await hashkpi('query', '--db', db(), "SELECT ticker, count(*) AS kpis FROM kpis GROUP BY ticker ORDER BY ticker");
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ticker {2}kpis$/);
    expect(lines[1]).toBe('------  ----');
    expect(lines.slice(2, -1)).toHaveLength(5);
    for (const line of lines.slice(2, -1)) expect(line).toMatch(/^[A-Z]{4} {2,}[ \d]{4}$/);
    expect(lines.at(-1)).toBe('(5 rows)');
  });

  it('shows NULL and cuts long text', async () => {
    const { stdout } = await hashkpi('query', '--db', db(), '--max-width', '20', "SELECT NULL AS nothing, repeat('x', 50) AS long_text");
    expect(stdout).toContain('NULL');
    expect(stdout).toContain(`${'x'.repeat(19)}…`);
  });

  it('prints CSV and JSON with --format, typed and whole', async () => {
    const sql = "SELECT ticker, call_period, quarter_end, revenue_total, NULL AS nothing, repeat('x', 80) AS long_text FROM kpi_wide ORDER BY ticker LIMIT 2";
    const csv = await hashkpi('query', '--db', db(), '--format', 'csv', sql);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('ticker,call_period,quarter_end,revenue_total,nothing,long_text');
    expect(lines[1]).toMatch(new RegExp(`^[A-Z]{4},\\d{4}Q\\d,\\d{4}-\\d\\d-\\d\\d,\\d+,,${'x'.repeat(80)}$`));
    expect(lines).toHaveLength(3);
    const json = await hashkpi('query', '--db', db(), '--format', 'json', sql);
    const rows = JSON.parse(json.stdout);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({ ticker: expect.any(String), call_period: expect.any(String), quarter_end: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), revenue_total: expect.any(Number), nothing: null, long_text: 'x'.repeat(80) });
    expect((await hashkpi('query', '--db', db(), '--format', 'xml', 'SELECT 1')).code).toBe(2);
  });

  it('opens the file read-only and exits 2 on a write, bad SQL or a missing file', async () => {
    const write = await hashkpi('query', '--db', db(), 'DELETE FROM kpis');
    expect(write.code).toBe(2);
    expect(write.stderr).toMatch(/read-only/);
    const before = readFileSync(db());
    const copy = await hashkpi('query', '--db', db(), `COPY (SELECT 1) TO '${db()}'`);
    expect(copy.code).toBe(2);
    expect(copy.stderr).toMatch(/^hashkpi: a query reads the tables and views of .* only: it cannot write, change settings or open other files/);
    expect(readFileSync(db()).equals(before)).toBe(true);
    expect((await hashkpi('query', '--db', db(), 'SELEC 1')).code).toBe(2);
    expect((await hashkpi('query', '--db', path.join(tmp, 'none.duckdb'), 'SELECT 1')).code).toBe(2);
    const still = await hashkpi('query', '--db', db(), 'SELECT count(*) AS n FROM kpis');
    expect(Number(still.stdout.split('\n')[2].trim())).toBeGreaterThan(0);
  });
});

describe('hashkpi explain', () => {
  const chosenOf = async (sql: string) => JSON.parse((await hashkpi('query', '--db', path.join(out, 'hashkpi.duckdb'), '--format', 'json', sql)).stdout)[0];

  it('shows every statement of a KPI with speaker, section, quote and sentence, the chosen one and why', async () => {
    const kpi = await chosenOf(
      "SELECT k.ticker, k.metric, k.period, k.chosen_fact_id, f.quote, f.sentence FROM kpis k JOIN facts f ON f.fact_id = k.chosen_fact_id WHERE k.statements > 1 AND k.change_kind IS NULL ORDER BY k.ticker, k.metric LIMIT 1",
    );
    const { code, stdout } = await hashkpi('explain', '--out', out, '--ticker', kpi.ticker, '--metric', kpi.metric, '--period', kpi.period);
    expect(code).toBe(0);
    expect(stdout).toContain(`${kpi.ticker} `);
    expect(stdout).toMatch(new RegExp(`chosen: .*fact ${kpi.chosen_fact_id} \\(chosen by `));
    expect(stdout).toMatch(/^ \* 1?\d\. /m);
    expect(stdout).toContain(`quote: "${kpi.quote}"`);
    expect(stdout).toContain(`sentence: ${kpi.sentence}`);
    expect(stdout).toMatch(/(prepared remarks|Q&A), \S+\.txt ¶\d+/);
    expect(stdout).toMatch(/not chosen: (the prepared remarks over the Q&A|an exact figure|the more precise|the first said)/);
  });

  it('explains one fact by its id, with the validation issues on it', async () => {
    const issue = await chosenOf("SELECT split_part(fact_ids, ';', 1) AS fact_id, \"check\", message FROM validation_issues WHERE fact_ids IS NOT NULL ORDER BY 1 LIMIT 1");
    const { code, stdout } = await hashkpi('explain', '--out', out, '--fact', issue.fact_id);
    expect(code).toBe(0);
    expect(stdout).toContain(`fact: ${issue.fact_id}`);
    expect(stdout).toContain(`${issue.check}: ${issue.message}`);
  });

  it('says what is missing, in one sentence, with exit 2', async () => {
    const none = await hashkpi('explain', '--out', out, '--ticker', 'NOPE', '--metric', 'revenue_total');
    expect(none.code).toBe(2);
    expect(none.stderr.trim()).toMatch(/^hashkpi: no statement of revenue_total of NOPE in /);
    const half = await hashkpi('explain', '--out', out, '--ticker', 'BRVX');
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('explain needs --fact ID, or --ticker T and --metric M');
  });
});
