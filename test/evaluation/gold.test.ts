import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGold } from '../../evaluation/gold.ts';
import { evaluate, type GoldFact, type ScoredFact } from '../../evaluation/score.ts';
import { listTranscriptFiles } from '../../pipeline/ingest/read-folder.ts';
import { processTranscript } from '../../pipeline/process-transcript.ts';
import { repoRoot, sampleCorpus } from '../paths.ts';

const gold = (over: Partial<GoldFact>): GoldFact => ({
  source_path: 'a.txt', metric: 'revenue_total', value: 100, value_high: null, unit: 'USD', period: '2024Q3', basis: 'actual', change_kind: null, start: 10, end: 20, quote: '$100', ...over,
});
const fact = (over: Partial<ScoredFact>): ScoredFact => ({
  source_path: 'a.txt', metric: 'revenue_total', value: 100, value_high: null, unit: 'USD', period: '2024Q3', basis: 'actual', change_kind: null, char_start: 12, char_end: 18, quote: '$100', ...over,
});

describe('scoring facts the way the contract judges them', () => {
  it.each([
    ['the same statement', fact({}), true],
    ['a value within 0.5%', fact({ value: 100.4 }), true],
    ['a value 1% off', fact({ value: 101 }), false],
    ['another metric', fact({ metric: 'revenue_product' }), false],
    ['another change kind', fact({ change_kind: 'yoy' }), false],
    ['a span that does not overlap', fact({ char_start: 20, char_end: 25 }), false],
    ['another period (judged among right facts only)', fact({ period: '2024Q2' }), true],
  ])('%s counts as right: %s', (_name, f, right) => {
    expect(evaluate([gold({})], [f]).overall.truePositives).toBe(right ? 1 : 0);
  });
});

describe('the facts of the sample transcripts against their hand annotations', () => {
  it('reach precision ≥ 0.95 and recall ≥ 0.90', async () => {
    const annotations = readGold(path.join(repoRoot, 'test', 'gold', 'facts.csv'), sampleCorpus);
    const facts: ScoredFact[] = [];
    for (const file of await listTranscriptFiles(sampleCorpus)) {
      facts.push(...processTranscript(file, readFileSync(path.join(sampleCorpus, file))).facts.map((f) => ({ ...f, source_path: file })));
    }
    const { overall } = evaluate(annotations, facts);
    expect(overall.precision).toBeGreaterThanOrEqual(0.95);
    expect(overall.recall).toBeGreaterThanOrEqual(0.9);
  });
});
