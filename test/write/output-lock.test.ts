import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../pipeline/run.ts';
import { lockOutputFolder, lockPath } from '../../pipeline/write/output-lock.ts';
import { fixtures } from '../paths.ts';

let tmp: string;
let input: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'hashkpi-lock-'));
  input = path.join(tmp, 'in');
  mkdirSync(input);
  cpSync(path.join(fixtures, 'formats', 'KSTL-2025Q2.wire.txt'), path.join(input, 'KSTL-2025Q2.wire.txt'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The pid of a process that has ended. */
const deadPid = () => spawnSync('true').pid!;

describe('one build at a time per output folder', () => {
  it('locks OUT with a file beside it holding the pid, and releases it', () => {
    const out = path.join(tmp, 'a', 'out');
    mkdirSync(path.dirname(out));
    const lock = lockOutputFolder(out);
    expect(lock.file).toBe(path.join(tmp, 'a', '.out.hashkpi-lock'));
    expect(readFileSync(lock.file, 'utf8')).toBe(`${process.pid}\n`);
    expect(() => lockOutputFolder(out)).toThrow(`another build (pid ${process.pid}) is writing ${out}`);
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
    lockOutputFolder(out).release();
  });

  it('refuses while another process holds the lock, and leaves OUT as it was', async () => {
    const out = path.join(tmp, 'b', 'out');
    await buildDataset({ input, out, jobs: 1, strict: false });
    const before = readFileSync(path.join(out, 'csv', 'facts.csv'));
    const other = spawn('sleep', ['60']);
    try {
      writeFileSync(lockPath(out), `${other.pid}\n`);
      await expect(buildDataset({ input, out, jobs: 1, strict: false, allowEmpty: true })).rejects.toThrow(
        new RegExp(`^another build \\(pid ${other.pid}\\) is writing .*; wait for it to finish, or delete .*\\.out\\.hashkpi-lock if no hashkpi build runs$`),
      );
      expect(readFileSync(path.join(out, 'csv', 'facts.csv')).equals(before)).toBe(true);
      expect(readFileSync(lockPath(out), 'utf8')).toBe(`${other.pid}\n`);
    } finally {
      other.kill();
    }
  }, 60_000);

  it.each([
    ['a build that no longer runs', 'dead', () => `${deadPid()}\n`],
    ['a build that died before writing its pid', 'blank', () => ''],
  ])('takes over the lock of %s', async (_what, folder, content) => {
    const out = path.join(tmp, folder, 'out');
    mkdirSync(path.dirname(out));
    writeFileSync(lockPath(out), content());
    const summary = await buildDataset({ input, out, jobs: 1, strict: false });
    expect(summary.documents).toBe(1);
    expect(existsSync(lockPath(out))).toBe(false);
  }, 60_000);

  it('releases the lock when the build fails', async () => {
    const out = path.join(tmp, 'c', 'out');
    const failing = buildDataset({ input, out, jobs: 1, strict: false, onProgress: () => { throw new Error('injected'); } });
    await expect(failing).rejects.toThrow('injected');
    expect(existsSync(lockPath(out))).toBe(false);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
