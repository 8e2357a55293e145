import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildDataset } from '../../pipeline/run.ts';
import { lockPath } from '../../pipeline/write/output-lock.ts';
import { fixtures, hasRealCorpus, realCorpus, repoRoot } from '../paths.ts';
import { queryDuckDb } from '../read-dataset.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI as a user runs it, from `cwd`. */
function hashkpi(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(repoRoot, 'cli', 'hashkpi.js'), ...args], { cwd: options.cwd ?? repoRoot, env: options.env ?? process.env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Every file under `folder` with its bytes, and every folder, so that "intact" means intact. */
function snapshot(folder: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const name of readdirSync(folder, { recursive: true }) as string[]) {
    const full = path.join(folder, name);
    entries[name] = statSync(full).isDirectory() ? '<folder>' : readFileSync(full).toString('base64');
  }
  return entries;
}

vi.setConfig({ testTimeout: 60_000 });

let tmp: string;
let input: string;
/** a folder of a user's own, with a file in it */
let userFolder: string;
let userFiles: Record<string, string>;

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'hashkpi-refusals-'));
  userFolder = path.join(tmp, 'user');
  input = path.join(userFolder, 'transcripts');
  mkdirSync(input, { recursive: true });
  cpSync(path.join(fixtures, 'formats', 'KSTL-2025Q2.wire.txt'), path.join(input, 'KSTL-2025Q2.wire.txt'));
  writeFileSync(path.join(userFolder, 'thesis.md'), '# My thesis\n\nTwo years of work.\n');
  mkdirSync(path.join(userFolder, 'notes'));
  writeFileSync(path.join(userFolder, 'notes', 'ideas.txt'), 'compare hash prices\n');
  mkdirSync(path.join(userFolder, 'repo', '.git'), { recursive: true });
  writeFileSync(path.join(userFolder, 'repo', '.git', 'HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(path.join(userFolder, 'repo', 'code.ts'), 'export {};\n');
  userFiles = snapshot(userFolder);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('build --out refuses every folder it must not replace, before any work, and leaves the user files intact', () => {
  it.each([
    ['a folder holding a user file', () => ['--out', path.join(userFolder, 'notes')], {}, /it holds files and no hashkpi dataset/],
    ['the input folder', () => ['--out', input], {}, /it is the input folder/],
    ['a folder holding the input folder', () => ['--out', userFolder], {}, /it contains the input folder/],
    ['a folder inside the input', () => ['--out', path.join(input, 'out')], {}, /it is inside the input folder/],
    ['a git repository', () => ['--out', path.join(userFolder, 'repo')], {}, /it is a git repository/],
    ['the current folder', () => ['--out', '.'], { cwd: () => userFolder }, /it is the current folder/],
    ['an empty --out, as `make OUT=` gives', () => ['--out', ''], { cwd: () => userFolder }, /^hashkpi: refusing --out "": it is the current folder/],
    ['the home folder', () => ['--out', userFolder], { home: () => userFolder }, /it is your home folder/],
    ['a folder holding the home folder', () => ['--out', tmp], { home: () => userFolder }, /it contains your home folder/],
    ['the root folder', () => ['--out', '/'], {}, /it is the root folder/],
  ])('%s', async (_what, args, where: { cwd?: () => string; home?: () => string }, why) => {
    const env = where.home ? { ...process.env, HOME: where.home() } : process.env;
    const run = await hashkpi(['build', '--input', input, ...args(), '--jobs', '1'], { cwd: where.cwd?.(), env });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(why);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/nothing was changed/);
    expect(snapshot(userFolder)).toEqual(userFiles);
    expect(readdirSync(tmp)).toEqual(['user']);
  });
});

describe('an input with no transcript keeps the previous dataset', () => {
  let out: string;
  let previous: Record<string, string>;

  beforeAll(async () => {
    out = path.join(tmp, 'dataset');
    await buildDataset({ input, out, jobs: 1, strict: false });
    previous = snapshot(out);
  }, 60_000);

  it.each([
    ['an empty folder', {}, /^hashkpi: no transcript found in .*: it holds no \.txt or \.md file; nothing was written/],
    ['a folder of notes only', { 'README.md': '# Sources\n\nWhere the calls come from.\n', 'todo.txt': 'ask for the Q3 call\n' }, /: 2 files read, none a transcript \(2 not_a_transcript\); nothing was written/],
  ])('%s: exit 2, OUT as it was', async (_what, files, why) => {
    const empty = mkdtempSync(path.join(tmp, 'in-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(empty, name), text);
    const run = await hashkpi(['build', '--input', empty, '--out', out, '--jobs', '1', '--strict']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(why);
    expect(snapshot(out)).toEqual(previous);
    expect(readdirSync(tmp).filter((name) => name.startsWith('.dataset.'))).toEqual([]);
  });

  it('--allow-empty builds the empty dataset', async () => {
    const empty = mkdtempSync(path.join(tmp, 'in-'));
    const run = await hashkpi(['build', '--input', empty, '--out', out, '--jobs', '1', '--allow-empty']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^hashkpi: 0 files read, 0 documents/);
    expect(await queryDuckDb(out, 'SELECT count(*)::INTEGER AS n FROM documents')).toEqual([{ n: 0 }]);
  });

  it('a build while another holds the lock: exit 2, OUT as it was', async () => {
    const other = spawn('sleep', ['60']);
    try {
      writeFileSync(lockPath(out), `${other.pid}\n`);
      const before = snapshot(out);
      const run = await hashkpi(['build', '--input', input, '--out', out, '--jobs', '1']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^hashkpi: another build \\(pid ${other.pid}\\) is writing `));
      expect(snapshot(out)).toEqual(before);
    } finally {
      other.kill();
      rmSync(lockPath(out));
    }
  });
});

describe.skipIf(!hasRealCorpus)('--strict on the real corpus', () => {
  it('exits 0: its README is no transcript, a warning and not an error', async () => {
    const out = path.join(tmp, 'real');
    const run = await hashkpi(['build', '--input', realCorpus, '--out', out, '--jobs', '1', '--strict']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const errors = await queryDuckDb(out, `SELECT source_path, problem, severity FROM ingest_errors`);
    expect(errors).toContainEqual({ source_path: 'README.md', problem: 'not_a_transcript', severity: 'warning' });
  });
});
