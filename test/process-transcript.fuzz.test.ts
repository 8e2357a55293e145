import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseKpis } from '../pipeline/extract/kpis.ts';
import { processTranscript } from '../pipeline/process-transcript.ts';
import { callParagraphs, transcriptOf } from './call-paragraphs.ts';

// What a mutation may put into a paragraph: what transcripts garble, and what trips number parsing.
const fragments = fc.oneof(
  fc.constantFrom('$', ' million', ' billion', ' thousand', ' EH/s', ' exahash per second', ' J/TH', ' megawatts', ' bitcoin', '%', ' cents', ' per TH/s',
    '-', '–', ' to ', ' and ', ' from ', ' up ', ' down ', ' compared with ', 'Q3 2024', 'fiscal 2026', ' approximately ', 'over ', 'negative ',
    '萬', '億', '兆', '美元', '😀', '\u00a0', '\u200b', '\t', '.', ',', '(', ')', '\n', '\n\n', 'Ravi Menon\n', '...', '1,2,3', '0.', '.5', '1e308'),
  fc.stringMatching(/^[0-9]{1,400}$/),
  // past 309 digits a number is no double
  fc.integer({ min: 300, max: 700 }).map((n) => '9'.repeat(n)),
  fc.stringMatching(/^[0-9][0-9,.]{0,30}$/),
);

const mutation = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'repeat', 'digits'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 60 }),
  fragment: fragments,
});

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(paragraph: string, m: Mutation): string {
  const at = Math.floor(m.at * paragraph.length);
  const end = Math.min(paragraph.length, at + m.length);
  switch (m.kind) {
    case 'insert':
      return paragraph.slice(0, at) + m.fragment + paragraph.slice(at);
    case 'delete':
      return paragraph.slice(0, at) + paragraph.slice(end);
    case 'repeat':
      return paragraph.slice(0, end) + paragraph.slice(at, end).repeat(1 + (m.length % 5)) + paragraph.slice(end);
    default:
      return paragraph.slice(0, at) + paragraph.slice(at, end).replace(/\d/g, (d) => String((Number(d) * 7 + m.length) % 10)) + paragraph.slice(end);
  }
}

const paragraph = fc.tuple(fc.constantFrom(...callParagraphs), fc.array(mutation, { maxLength: 6 })).map(([text, ms]) => ms.reduce(mutate, text));
const transcript = fc.array(paragraph, { minLength: 1, maxLength: 8 });

describe('processTranscript over mutated call paragraphs', () => {
  it('never throws or hangs, writes only finite values, and every span slices back to its text', () => {
    const started = performance.now();
    fc.assert(
      fc.property(transcript, (paragraphs) => {
        const bytes = new TextEncoder().encode(transcriptOf(paragraphs));
        const source = Array.from(new TextDecoder().decode(bytes));
        const slice = (start: number, end: number) => source.slice(start, end).join('');
        const t = performance.now();
        const rows = processTranscript('ZQMN-2025Q2.wire.txt', bytes);
        expect(performance.now() - t).toBeLessThan(5_000);
        for (const m of rows.mentions) {
          expect(Number.isFinite(m.value)).toBe(true);
          expect(m.value_high === null || Number.isFinite(m.value_high)).toBe(true);
          expect(slice(m.char_start, m.char_end)).toBe(m.surface);
        }
        for (const f of rows.facts) {
          expect(Number.isFinite(f.value)).toBe(true);
          expect(f.value_high === null || Number.isFinite(f.value_high)).toBe(true);
          expect(slice(f.char_start, f.char_end)).toBe(f.quote);
        }
        for (const p of rows.paragraphs) if (p.text_en !== null && p.char_start !== null) expect(slice(p.char_start, p.char_start + Array.from(p.text_en).length)).toBe(p.text_en);
        for (const k of chooseKpis(rows.facts)) expect(Number.isFinite(k.value)).toBe(true);
        for (const c of rows.translation_checks) expect([c.en_value, c.zh_value ?? 0].every(Number.isFinite)).toBe(true);
      }),
      // bounded in time: as many runs as fit in 15 s, at most 300, the same ones every time
      { seed: 1313, numRuns: 300, interruptAfterTimeLimit: 15_000, markInterruptAsFailure: false },
    );
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);
});
