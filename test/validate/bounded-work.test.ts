import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processTranscript } from '../../pipeline/process-transcript.ts';
import { callParagraphs, longParagraph, transcriptOf } from '../call-paragraphs.ts';
import { sampleCorpus } from '../paths.ts';

const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('the work per document is bounded', () => {
  // revenue with its change, holdings with theirs, said 500 times: the checks were cubic (18 s), now half a second
  it('a 100 KB paragraph of repeated KPI sentences is processed in seconds, its figures checked', () => {
    const started = performance.now();
    const rows = processTranscript('ZQMN-2025Q2.wire.txt', bytesOf(transcriptOf([longParagraph(100_000, callParagraphs.slice(0, 2))])));
    const seconds = (performance.now() - started) / 1000;
    expect(rows.documents).toHaveLength(1);
    expect(rows.facts.length).toBeGreaterThan(2000);
    expect(rows.validation_issues.some((i) => i.check === 'arithmetic')).toBe(true);
    expect(seconds).toBeLessThan(6);
  }, 60_000);

  it('time grows about linearly with the length of one paragraph', () => {
    const time = (size: number) => {
      const bytes = bytesOf(transcriptOf([longParagraph(size)]));
      const started = performance.now();
      processTranscript('ZQMN-2025Q2.wire.txt', bytes);
      return performance.now() - started;
    };
    time(20_000); // warm up
    const small = time(50_000);
    const large = time(150_000);
    // linear is 3×, quadratic 9×; the margin is for a busy machine
    expect(large / small).toBeLessThan(6);
  }, 60_000);

  // the translation checks turned the paragraph into code points and scanned its mentions once per pair
  it('a long bilingual paragraph is checked against its translation in seconds', () => {
    const lines = readFileSync(path.join(sampleCorpus, 'KRMN-2025Q2.statementdog.txt'), 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('Total revenue reached $68.4 million'));
    lines[at] = '  • ' + Array(400).fill(lines[at].replace('  • ', '')).join(' ');
    lines[at + 2] = '    ' + Array(400).fill(lines[at + 2].trim()).join('');
    const started = performance.now();
    const rows = processTranscript('KRMN-2025Q2.statementdog.txt', bytesOf(lines.join('\n')));
    expect(performance.now() - started).toBeLessThan(6000);
    expect(rows.translation_checks.filter((c) => c.paragraph_index === rows.paragraphs.find((p) => p.text_en?.startsWith('Thank you, Mei-Lin'))?.paragraph_index).length).toBeGreaterThan(1000);
  }, 60_000);
});

describe('the time budget', () => {
  it('a file over its budget becomes an ingest_errors row naming it, and yields nothing else', () => {
    const rows = processTranscript('ZQMN-2025Q2.wire.txt', bytesOf(transcriptOf([longParagraph(20_000)])), { budgetMs: 0 });
    expect(rows.documents).toEqual([]);
    expect(rows.facts).toEqual([]);
    expect(rows.ingest_errors).toEqual([
      expect.objectContaining({ source_path: 'ZQMN-2025Q2.wire.txt', problem: 'over_budget', severity: 'error', action: 'skipped', doc_id: null }),
    ]);
    expect(rows.ingest_errors[0].message).toMatch(/^ZQMN-2025Q2\.wire\.txt: processing took longer than its budget/);
  });

  it('a file within its budget is processed as usual', () => {
    const rows = processTranscript('ZQMN-2025Q2.wire.txt', bytesOf(transcriptOf([longParagraph(2_000)])), { budgetMs: 60_000 });
    expect(rows.ingest_errors).toEqual([]);
    expect(rows.documents).toHaveLength(1);
  });
});
