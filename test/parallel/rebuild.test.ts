import { cpSync, mkdtempSync, rmSync, appendFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../pipeline/run.ts';
import { fixtures } from '../paths.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'hashkpi-rebuild-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rebuilding', () => {
  it('keeps the dataset when nothing changed, and builds again when a transcript did', async () => {
    const input = path.join(dir, 'in');
    const out = path.join(dir, 'out');
    cpSync(path.join(fixtures, 'formats'), input, { recursive: true });
    const first = await buildDataset({ input, out, jobs: 1, strict: false });
    expect(first.unchanged).toBeUndefined();
    const facts = readFileSync(path.join(out, 'csv', 'facts.csv'));

    const again = await buildDataset({ input, out, jobs: 1, strict: false });
    expect(again).toEqual({ ...first, unchanged: true });
    expect(readFileSync(path.join(out, 'csv', 'facts.csv')).equals(facts)).toBe(true);

    appendFileSync(path.join(input, 'KSTL-2025Q2.wire.txt'), '\nWe also mined 12 bitcoin in July.\n');
    const changed = await buildDataset({ input, out, jobs: 1, strict: false });
    expect(changed.unchanged).toBeUndefined();
    expect(changed.rows.facts).toBeGreaterThanOrEqual(first.rows.facts);
  }, 60_000);
});
