import type { Span } from '../ingest/source-text.ts';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** ICU breaks after these; a call's "Mr. Zhang" or "Inc. reported" is one sentence. */
const noBreakAfter = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Inc|Corp|Co|Ltd|Jr|Sr|St|vs|approx|No|U\.S|e\.g|i\.e|etc|Mt)\.|\b[A-Z]\.)\s*$/;
/** Longer than any word noBreakAfter looks for, so testing a sentence's tail is testing the sentence. */
const tailLength = 40;

/**
 * ICU's segmenter takes time quadratic in the length of the text it is given, so a long paragraph
 * is segmented a window at a time. A break is kept only with LOOKAHEAD characters after it in
 * the window (what ICU needs to decide it); the next window starts at the first break not kept.
 */
const WINDOW = 16_384;
const LOOKAHEAD = 2_048;

/** Sentence spans of a paragraph, relative to `text`, trailing spaces excluded. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  for (const piece of sentencePieces(text)) {
    const start = piece.index;
    const end = start + piece.segment.trimEnd().length;
    if (end <= start) continue;
    const last = spans[spans.length - 1];
    if (last && noBreakAfter.test(text.slice(Math.max(last.start, last.end - tailLength), last.end))) last.end = end;
    else spans.push({ start, end });
  }
  return spans;
}

/** ICU's sentence segments of `text`, with their index in `text`. */
function* sentencePieces(text: string): Generator<{ index: number; segment: string }> {
  if (text.length <= WINDOW) {
    yield* segmenter.segment(text);
    return;
  }
  let from = 0;
  while (from < text.length) {
    const to = Math.min(text.length, from + WINDOW);
    let next = to;
    for (const piece of segmenter.segment(text.slice(from, to))) {
      const start = from + piece.index;
      const end = start + piece.segment.length;
      // a sentence longer than the window ends where the window does
      if (to < text.length && start > from && end > to - LOOKAHEAD) {
        next = start;
        break;
      }
      yield { index: start, segment: piece.segment };
    }
    from = next;
  }
}
