import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanInputFolder } from '../../pipeline/ingest/read-folder.ts';

let tmp: string;
let input: string;
const runsAsRoot = process.getuid?.() === 0;
if (runsAsRoot) console.warn('read-folder.test.ts: running as root, where chmod 000 does not stop a read; the unreadable folder is simulated with an injected reader instead');

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'hashkpi-scan-'));
  input = path.join(tmp, 'in');
  const write = (file: string, text = 'text') => {
    mkdirSync(path.dirname(path.join(input, file)), { recursive: true });
    writeFileSync(path.join(input, file), text);
  };
  write('ACME-2025Q1.txt');
  write('notes.md');
  write('prices.csv');
  write('2024/ACME-2024Q4.TXT');
  write('locked/ACME-2024Q3.txt');
  write('.hidden/ACME-2024Q2.txt');
  write('.draft.txt');
  write('../elsewhere/ACME-2024Q1.txt');
  write('../elsewhere/more/ACME-2023Q4.txt');
  symlinkSync(path.join(tmp, 'elsewhere', 'ACME-2024Q1.txt'), path.join(input, 'linked.txt'));
  symlinkSync(path.join(tmp, 'elsewhere', 'more'), path.join(input, 'linked-folder'));
  symlinkSync(path.join(tmp, 'nowhere.txt'), path.join(input, 'dangling.txt'));
  symlinkSync(path.join(tmp, 'elsewhere', 'ACME-2024Q1.txt'), path.join(input, 'linked.csv'));
});
afterAll(() => {
  chmodSync(path.join(input, 'locked'), 0o755);
  rmSync(tmp, { recursive: true, force: true });
});

describe('listing the input folder', () => {
  it('lists .txt and .md files, recursively, in a stable order, without hidden ones', async () => {
    const { files } = await scanInputFolder(input);
    expect(files).toEqual(['2024/ACME-2024Q4.TXT', 'ACME-2025Q1.txt', 'locked/ACME-2024Q3.txt', 'notes.md']);
  });

  it('follows no symbolic link, and says so for each that could be a transcript or a folder of them', async () => {
    const { problems } = await scanInputFolder(input);
    expect(problems.map((p) => [p.sourcePath, p.problem, p.severity, p.action])).toEqual([
      ['dangling.txt', 'symlink', 'error', 'skipped'],
      ['linked-folder', 'symlink', 'error', 'skipped'],
      ['linked.txt', 'symlink', 'error', 'skipped'],
    ]);
    expect(problems[2].message).toBe(
      `linked.txt: a symbolic link (to ${path.join(tmp, 'elsewhere', 'ACME-2024Q1.txt')}); links are not followed, so it was not read: copy what it points to into the input folder.`,
    );
  });

  it('reports a sub-folder it cannot read and lists the rest (injected reader)', async () => {
    const failing = (dir: string) => {
      if (dir === path.join(input, 'locked')) throw Object.assign(new Error(`EACCES: permission denied, scandir '${dir}'`), { code: 'EACCES' });
      return readdirSync(dir, { withFileTypes: true });
    };
    const { files, problems } = await scanInputFolder(input, failing);
    expect(files).toEqual(['2024/ACME-2024Q4.TXT', 'ACME-2025Q1.txt', 'notes.md']);
    expect(problems.find((p) => p.sourcePath === 'locked/')).toEqual({
      sourcePath: 'locked/',
      problem: 'unreadable',
      severity: 'error',
      message: 'locked/: the folder cannot be read (EACCES: permission denied); the transcripts in it, if any, were not read.',
      action: 'skipped',
      docId: null,
    });
  });

  it.skipIf(runsAsRoot)('reports a sub-folder without read permission (chmod 000; skipped as root, where it stays readable)', async () => {
    chmodSync(path.join(input, 'locked'), 0o000);
    try {
      const { files, problems } = await scanInputFolder(input);
      expect(files).not.toContain('locked/ACME-2024Q3.txt');
      expect(problems.map((p) => [p.sourcePath, p.problem])).toContainEqual(['locked/', 'unreadable']);
    } finally {
      chmodSync(path.join(input, 'locked'), 0o755);
    }
  });

  it('fails with one sentence when the input folder is missing or a file', async () => {
    await expect(scanInputFolder(path.join(tmp, 'no-such-folder'))).rejects.toThrow(/^the input folder .*no-such-folder cannot be read \(ENOENT: no such file or directory\)$/);
    await expect(scanInputFolder(path.join(input, 'notes.md'))).rejects.toThrow(/^the input .*notes\.md is a file, not a folder of transcripts$/);
  });
});
