import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { processTranscript } from '../../pipeline/process-transcript.ts';
import { buildDataset, type BuildSummary } from '../../pipeline/run.ts';
import { facts, ingestErrors } from '../../schemas/index.ts';
import { fixtures } from '../paths.ts';
import { readCsvRows } from '../read-dataset.ts';

// A folder as analysts keep them: good transcripts among files that are empty, binary, odd or not transcripts at all.
const good = path.join(fixtures, 'formats', 'KSTL-2025Q2.wire.txt');
const fool = path.join(fixtures, 'formats', 'PNNC-2024Q4.fool.txt');
let dir: string;
let out: string;
let summary: BuildSummary;
let errors: Record<string, unknown>[];
let factRows: Record<string, unknown>[];

// A file the build cannot read. chmod 000 does not stop root, so the read error is injected (the build runs in this thread, jobs 1).
vi.mock('../../pipeline/ingest/read-folder.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../pipeline/ingest/read-folder.ts')>();
  return {
    ...real,
    readTranscriptBytes: (root: string, file: string) => {
      if (file === 'locked.txt') throw Object.assign(new Error(`EACCES: permission denied, open '${path.join(root, file)}'`), { code: 'EACCES' });
      return real.readTranscriptBytes(root, file);
    },
  };
});

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'hashkpi-bad-'));
  const input = path.join(dir, 'in');
  out = path.join(dir, 'out');
  cpSync(good, path.join(input, 'KSTL-2025Q2.wire.txt'));
  const foolText = readFileSync(fool, 'utf8');
  writeFileSync(path.join(input, 'empty.txt'), '');
  writeFileSync(path.join(input, 'scan.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a, 0x00, 0x01]));
  writeFileSync(path.join(input, 'utf16-PNNC-2024Q4.fool.txt'), utf16le(foolText));
  writeFileSync(path.join(input, 'mixed-endings.txt'), foolText.replace(/\n/g, (_m, i: number) => (i % 2 ? '\r\n' : '\n')));
  writeFileSync(path.join(input, 'cut-off.txt'), readFileSync(good, 'utf8') + '\nMarcus Bell\nChief Executive Officer\n\nAnd the other thing I wanted to say about our fleet expansion in the second half is that we');
  writeFileSync(path.join(input, 'notes.md'), '# Reading list\n\n- Check the hashprice chart\n- Compare fleet efficiency across miners\n');
  writeFileSync(path.join(input, 'kpis.txt'), 'ticker,quarter,revenue\nKSTL,2025Q2,41.2\n');
  writeFileSync(path.join(input, 'one-line.txt'), 'word '.repeat(400_000));
  cpSync(good, path.join(input, 'copies', 'same-call.txt'));
  cpSync(good, path.join(input, 'locked.txt'));
  cpSync(fool, path.join(dir, 'PNNC-2024Q4.fool.txt'));
  symlinkSync(path.join(dir, 'PNNC-2024Q4.fool.txt'), path.join(input, 'linked-call.txt'));
  summary = await buildDataset({ input, out, jobs: 1, strict: false });
  errors = readCsvRows(out, ingestErrors);
  factRows = readCsvRows(out, facts);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const problemOf = (file: string) => errors.filter((e) => e.source_path === file);

describe('bad input: each file gets a clear message, the rest of the build goes on', () => {
  it.each([
    ['empty.txt', 'empty', /empty\.txt: the file is empty/],
    ['scan.txt', 'binary', /scan\.txt: .*binary/],
    ['notes.md', 'not_a_transcript', /notes\.md: not a transcript/],
    ['kpis.txt', 'not_a_transcript', /kpis\.txt: not a transcript/],
    ['one-line.txt', 'not_a_transcript', /one-line\.txt: not a transcript/],
    ['cut-off.txt', 'truncated', /cut-off\.txt: .*cut off/],
    ['cut-off.txt', 'same_call', /^cut-off\.txt: a second transcript of KSTL 2025Q2, with other text than KSTL-2025Q2\.wire\.txt; both were processed/],
    ['utf16-PNNC-2024Q4.fool.txt', 'same_call', /^utf16-PNNC-2024Q4\.fool\.txt: a second transcript of PNNC 2024Q4, with other text than mixed-endings\.txt/],
    ['copies/same-call.txt', 'duplicate', /copies\/same-call\.txt: byte-identical to KSTL-2025Q2\.wire\.txt/],
    ['locked.txt', 'unreadable', /^locked\.txt: the file cannot be read \(EACCES: permission denied\); skipped\.$/],
    ['linked-call.txt', 'symlink', /^linked-call\.txt: a symbolic link \(to .*PNNC-2024Q4\.fool\.txt\); links are not followed, so it was not read/],
  ])('%s → %s', (file, problem, message) => {
    const found = problemOf(file);
    expect(found.map((e) => e.problem)).toContain(problem);
    expect(String(found.find((e) => e.problem === problem)?.message)).toMatch(message);
  });

  it('decodes UTF-16 and mixed line endings and keeps their spans exact', () => {
    for (const file of ['utf16-PNNC-2024Q4.fool.txt', 'mixed-endings.txt']) {
      // the two are one call in two encodings: the second is reported as such, and nothing else
      expect(problemOf(file).filter((e) => e.problem !== 'same_call')).toEqual([]);
      const bytes = readFileSync(path.join(dir, 'in', file));
      const text = file.startsWith('utf16') ? bytes.subarray(2).toString('utf16le') : bytes.toString('utf8');
      const points = [...text];
      const own = factRows.filter((f) => f.doc_id === processTranscript(file, bytes).documents[0].doc_id);
      expect(own.length).toBe(processTranscript('PNNC-2024Q4.fool.txt', readFileSync(fool)).facts.length);
      for (const f of own) expect(points.slice(Number(f.char_start), Number(f.char_end)).join('')).toBe(f.quote);
    }
  });

  it('loses and doubles no fact of the good transcript', () => {
    const alone = processTranscript('KSTL-2025Q2.wire.txt', readFileSync(good)).facts;
    const docId = alone[0].doc_id;
    expect(factRows.filter((f) => f.doc_id === docId).map((f) => f.fact_id)).toEqual(alone.map((f) => f.fact_id));
  });

  it('skips what is plainly not a transcript with a warning, and what may be one with an error', () => {
    const severityOf = (file: string) => problemOf(file).map((e) => [e.problem, e.severity, e.action]);
    for (const file of ['notes.md', 'kpis.txt', 'one-line.txt']) expect(severityOf(file)).toEqual([['not_a_transcript', 'warning', 'skipped']]);
    expect(severityOf('empty.txt')).toEqual([['empty', 'error', 'skipped']]);
    expect(severityOf('locked.txt')).toEqual([['unreadable', 'error', 'skipped']]);
    expect(severityOf('linked-call.txt')).toEqual([['symlink', 'error', 'skipped']]);
  });

  it('reports a second transcript of a call once, as a warning, on the later file, and reads both', () => {
    const sameCall = errors.filter((e) => e.problem === 'same_call');
    expect(sameCall.map((e) => [e.source_path, e.severity, e.action])).toEqual([
      ['cut-off.txt', 'warning', 'processed'],
      ['utf16-PNNC-2024Q4.fool.txt', 'warning', 'processed'],
    ]);
    const docIds = new Set(factRows.map((f) => f.doc_id));
    for (const e of sameCall) expect(docIds.has(e.doc_id)).toBe(true);
  });

  it('counts what it read in the summary', () => {
    expect(summary.filesRead).toBe(11);
    expect(summary.duplicates).toBe(1);
    expect(summary.skipped).toBe(7);
    expect(summary.documents).toBe(4);
  });
});

describe.skipIf(process.getuid?.() === 0)('a file without read permission (chmod 000; skipped as root, which reads it anyway: see the injected read error above)', () => {
  it('becomes an unreadable row and the build goes on', async () => {
    const input = path.join(dir, 'perm-in');
    cpSync(good, path.join(input, 'KSTL-2025Q2.wire.txt'));
    cpSync(fool, path.join(input, 'no-permission.txt'));
    chmodSync(path.join(input, 'no-permission.txt'), 0o000);
    const built = await buildDataset({ input, out: path.join(dir, 'perm-out'), jobs: 1, strict: false });
    expect(built.documents).toBe(1);
    expect(readCsvRows(path.join(dir, 'perm-out'), ingestErrors)).toEqual([expect.objectContaining({ source_path: 'no-permission.txt', problem: 'unreadable' })]);
  }, 60_000);
});
