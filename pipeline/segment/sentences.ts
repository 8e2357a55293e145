import type { Span } from '../ingest/source-text.ts';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** ICU breaks after these; a call's "Mr. Zhang" or "Inc. reported" is one sentence. */
const noBreakAfter = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Inc|Corp|Co|Ltd|Jr|Sr|St|vs|approx|No|U\.S|e\.g|i\.e|etc|Mt)\.|\b[A-Z]\.)\s*$/;

/** Sentence spans of a paragraph, relative to `text`, trailing spaces excluded. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  for (const piece of segmenter.segment(text)) {
    const start = piece.index;
    const end = start + piece.segment.trimEnd().length;
    if (end <= start) continue;
    const last = spans[spans.length - 1];
    if (last && noBreakAfter.test(text.slice(last.start, last.end))) last.end = end;
    else spans.push({ start, end });
  }
  return spans;
}
