import { describe, expect, it } from 'vitest';
import { extractQuantities } from '../../pipeline/extract/quantity.ts';
import { processTranscript } from '../../pipeline/process-transcript.ts';
import { callParagraphs, transcriptOf } from '../call-paragraphs.ts';

const digits = '9'.repeat(400);

describe('a number too large for a double', () => {
  it.each([
    ['money', `revenue was $${digits} million`, 'en'],
    ['a count', `we mined ${digits} bitcoin`, 'en'],
    ['the high end of a range', `between 5 and ${digits} exahash`, 'en'],
    ['Chinese', `營收為${digits}萬美元`, 'zh'],
  ] as const)('is flagged non_finite: %s', (_, text, language) => {
    const flagged = extractQuantities(text, language).filter((q) => q.flags.includes('non_finite'));
    expect(flagged).toHaveLength(1);
    expect(Number.isFinite(flagged[0].value) && Number.isFinite(flagged[0].valueHigh ?? 0)).toBe(false);
  });

  it('a long number that is still a double is kept', () => {
    const [q] = extractQuantities(`revenue was $${'9'.repeat(300)}`, 'en');
    expect(q.flags).not.toContain('non_finite');
    expect(Number.isFinite(q.value)).toBe(true);
  });

  it('makes no mention and no fact; an ingest_errors row names the file and the phrase, and the rest is read', () => {
    const text = transcriptOf([`Revenue for the quarter was $${digits} million, and we mined ${digits} bitcoin.`, ...callParagraphs.slice(0, 2)]);
    const rows = processTranscript('ZQMN-2025Q2.wire.txt', new TextEncoder().encode(text));
    for (const row of [...rows.mentions, ...rows.facts]) {
      expect(Number.isFinite(row.value)).toBe(true);
      expect(row.value_high === null || Number.isFinite(row.value_high)).toBe(true);
    }
    expect(rows.facts.some((f) => f.metric === 'revenue_total' && f.value === 84_300_000)).toBe(true);
    expect(rows.ingest_errors).toEqual([
      expect.objectContaining({ source_path: 'ZQMN-2025Q2.wire.txt', problem: 'non_finite_number', severity: 'warning', action: 'processed', doc_id: rows.documents[0].doc_id }),
    ]);
    expect(rows.ingest_errors[0].message).toMatch(/2 numbers too large to hold as a double \(paragraph \d+: "\$9+…9+ million"/);
  });
});
