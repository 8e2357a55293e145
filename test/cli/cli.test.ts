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
    for (const command of ['build', 'check', 'report', 'query']) expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(stdout).toContain('Exit status:');
    expect(stdout).toMatch(/^ {2}2 {2}bad usage/m);
  });

  it.each(['build', 'check', 'report', 'query'])('%s --help shows its options and the exit codes', async (command) => {
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
});

describe('hashkpi build', () => {
  it('writes the dataset, the report and the data dictionary, and prints one summary line when not on a terminal', () => {
    expect(build.code).toBe(0);
    expect(build.stdout.trim().split('\n')).toHaveLength(1);
    expect(build.stdout).toMatch(/^hashkpi: 5 files read, 5 documents/);
    expect(build.stderr).not.toMatch(/files \|/);
    for (const file of ['hashkpi.duckdb', 'datapackage.json', 'report.html', 'DATA_DICTIONARY.md']) expect(existsSync(path.join(out, file)), file).toBe(true);
    expect(readdirSync(path.join(out, 'parquet')).sort()).toEqual(outputTables.map((t) => `${t.name}.parquet`).sort());
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
