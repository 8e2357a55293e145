import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../pipeline/run.ts';
import { datasetMarker, recoverOutputFolder, siblingPath, type SwapStep } from '../../pipeline/write/output-folder.ts';
import { lockPath } from '../../pipeline/write/output-lock.ts';
import { outputTables } from '../../schemas/tables.ts';
import { fixtures, repoRoot } from '../paths.ts';
import { queryDuckDb } from '../read-dataset.ts';

// The old dataset holds one transcript, the new one two: which one is in place tells them apart.
let tmp: string;
let oldInput: string;
let newInput: string;
let template: string;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'hashkpi-swap-'));
  oldInput = path.join(tmp, 'old-input');
  newInput = path.join(tmp, 'new-input');
  for (const [folder, files] of [
    [oldInput, ['KSTL-2025Q2.wire.txt']],
    [newInput, ['KSTL-2025Q2.wire.txt', 'ORBT-2025Q1.statementdog.txt']],
  ] as const) {
    mkdirSync(folder);
    for (const file of files) cpSync(path.join(fixtures, 'formats', file), path.join(folder, file));
  }
  template = path.join(tmp, 'template', 'out');
  await buildDataset({ input: oldInput, out: template, jobs: 1, strict: false });
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let cases = 0;
/** A fresh OUT holding a copy of the old dataset. */
function oldDatasetIn(): string {
  const out = path.join(tmp, `case-${++cases}`, 'out');
  cpSync(template, out, { recursive: true });
  return out;
}

/** 'old' or 'new' when `folder` holds a whole dataset, else what is wrong with it. */
async function datasetIn(folder: string): Promise<string> {
  if (!existsSync(folder)) return 'missing';
  const files = [datasetMarker, 'hashkpi.duckdb', 'datapackage.json', 'report.html', 'build-summary.json', ...outputTables.flatMap((t) => [`csv/${t.name}.csv`, `arrow/${t.name}.arrow`, `parquet/${t.name}.parquet`])];
  const absent = files.filter((file) => !existsSync(path.join(folder, file)));
  if (absent.length) return `incomplete (no ${absent.join(', ')})`;
  const [{ n }] = await queryDuckDb(folder, 'SELECT count(*)::INTEGER AS n FROM documents');
  const summary = JSON.parse(readFileSync(path.join(folder, 'build-summary.json'), 'utf8'));
  if (summary.documents !== n) return `inconsistent (${n} documents, the summary says ${summary.documents})`;
  return n === 1 ? 'old' : n === 2 ? 'new' : `unknown (${n} documents)`;
}

/** What a build keeps beside OUT (staging, set-aside dataset, lock): nothing once it is over. Each case has a folder of its own. */
const leftoversBeside = (out: string) => readdirSync(path.dirname(out)).filter((name) => name !== path.basename(out));

describe('a failure at each step of the swap leaves one whole dataset, and the result says which', () => {
  const fail = (at: SwapStep) => async (step: SwapStep) => {
    if (step === at) throw new Error(`injected failure before ${step}`);
  };

  it.each(['set-previous-aside', 'move-new-into-place'] as const)('before %s: the build fails, the old dataset is in place', async (step) => {
    const out = oldDatasetIn();
    await expect(buildDataset({ input: newInput, out, jobs: 1, strict: false, beforeSwapStep: fail(step) })).rejects.toThrow(`injected failure before ${step}`);
    expect(await datasetIn(out)).toBe('old');
    expect(leftoversBeside(out)).toEqual([]);
  }, 60_000);

  it('before remove-previous: the build succeeds with the new dataset in place, and the next build deletes the old one', async () => {
    const out = oldDatasetIn();
    const log: string[] = [];
    const summary = await buildDataset({ input: newInput, out, jobs: 1, strict: false, beforeSwapStep: fail('remove-previous'), log: (line) => log.push(line) });
    expect(summary.documents).toBe(2);
    expect(await datasetIn(out)).toBe('new');
    expect(log.join('\n')).toMatch(/the new dataset is in .*; the previous one could not be deleted \(injected failure before remove-previous\)/);
    expect(leftoversBeside(out)).toEqual([path.basename(siblingPath(out, 'previous'))]);
    await buildDataset({ input: newInput, out, jobs: 1, strict: false });
    expect(await datasetIn(out)).toBe('new');
    expect(leftoversBeside(out)).toEqual([]);
  }, 60_000);
});

interface Stopped {
  signal: NodeJS.Signals | null;
  code: number | null;
  pid: number;
  stdout: string;
}

/** Runs a build in a child process that sends itself `signal` at `point`. */
function interruptedBuild(out: string, point: string, signal: NodeJS.Signals): Promise<Stopped> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test', 'write', 'interrupted-build.ts'), newInput, out, point, signal], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('error', reject);
    child.on('exit', (code, signalName) => resolve({ signal: signalName, code, pid: child.pid!, stdout }));
  });
}

describe('a kill at each instant leaves one whole dataset, in place or put back by the next build', () => {
  // after the kill: what is in OUT, what is set aside beside it, and what is in OUT once the next build has recovered
  it.each([
    ['writing', 'old', 'staging', 'old'],
    ['set-previous-aside', 'old', 'staging', 'old'],
    ['move-new-into-place', 'missing', 'previous', 'old'],
    ['remove-previous', 'new', 'previous', 'new'],
  ] as const)('SIGKILL at %s', async (point, inOut, leftover, recovered) => {
    const out = oldDatasetIn();
    const run = await interruptedBuild(out, point, 'SIGKILL');
    expect(run.signal).toBe('SIGKILL');
    expect(await datasetIn(out)).toBe(inOut);
    expect(leftoversBeside(out)).toContain(path.basename(siblingPath(out, leftover, run.pid)));
    if (leftover === 'previous') expect(await datasetIn(siblingPath(out, 'previous', run.pid))).toBe('old');
    if (point !== 'writing') expect(await datasetIn(siblingPath(out, 'staging', run.pid))).toBe(point === 'remove-previous' ? 'missing' : 'new');

    recoverOutputFolder(out);
    expect(await datasetIn(out)).toBe(recovered);
    expect(leftoversBeside(out)).toEqual([path.basename(lockPath(out))]);

    // the next build takes over the dead build's lock and replaces what it finds
    await buildDataset({ input: newInput, out, jobs: 1, strict: false });
    expect(await datasetIn(out)).toBe('new');
    expect(leftoversBeside(out)).toEqual([]);
  }, 60_000);

  it.each([
    ['writing', 'SIGTERM', 'old'],
    ['set-previous-aside', 'SIGINT', 'old'],
    ['move-new-into-place', 'SIGTERM', 'old'],
    ['remove-previous', 'SIGINT', 'new'],
  ] as const)('%s, %s: the build cleans up before it ends as interrupted', async (point, signal, inOut) => {
    const out = oldDatasetIn();
    const run = await interruptedBuild(out, point, signal);
    expect(run.signal).toBe(signal);
    expect(run.stdout).toBe('');
    expect(await datasetIn(out)).toBe(inOut);
    expect(leftoversBeside(out)).toEqual([]);
  }, 60_000);
});

describe('leftovers of other builds', () => {
  it('a build removes the staging folders of builds that no longer run, and keeps those of a running one', async () => {
    const out = oldDatasetIn();
    const dead = await interruptedBuild(out, 'writing', 'SIGKILL');
    const running = spawn('sleep', ['60']);
    try {
      mkdirSync(siblingPath(out, 'staging', running.pid!));
      await buildDataset({ input: newInput, out, jobs: 1, strict: false });
      expect(existsSync(siblingPath(out, 'staging', dead.pid))).toBe(false);
      expect(leftoversBeside(out)).toEqual([path.basename(siblingPath(out, 'staging', running.pid!))]);
    } finally {
      running.kill();
    }
  }, 60_000);
});
