import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../pipeline/segment/sentences.ts';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('sentences', () => {
  it.each([
    ['Revenue was $31.2 million. We mined 147 bitcoins.', ['Revenue was $31.2 million.', 'We mined 147 bitcoins.']],
    ['Thank you, Mr. Lin. Next question.', ['Thank you, Mr. Lin.', 'Next question.']],
    ['Our CEO, S. Schultz, will speak. Then Q&A.', ['Our CEO, S. Schultz, will speak.', 'Then Q&A.']],
    ['Efficiency was 16.8 J/TH, up from 17.5. Good?  Yes.', ['Efficiency was 16.8 J/TH, up from 17.5.', 'Good?', 'Yes.']],
    ['No final stop', ['No final stop']],
  ])('%s', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });
});

describe('sentences of a long paragraph', () => {
  const paragraph = (size: number) => {
    const parts = ['Revenue was $31.2 million, up 4% from Q1.', 'Thank you, Mr. Lin.', 'We mined 147 bitcoins, i.e. about 1.6 a day.', 'Efficiency was 16.8 J/TH. Good?', 'Our CEO, S. Schultz, will speak.'];
    let text = '';
    for (let i = 0; text.length < size; i++) text += (text ? ' ' : '') + parts[i % parts.length];
    return text;
  };

  it('is split as one call to the segmenter splits it, a window at a time', () => {
    const text = paragraph(60_000);
    const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    const whole = [...segmenter.segment(text)].map((s) => s.index);
    const starts = splitSentences(text).map((s) => s.start);
    // the segmenter's breaks, less those after an abbreviation the splitter joins
    expect(starts.every((start) => whole.includes(start))).toBe(true);
    expect(split(text).join(' ')).toBe(text);
    expect(splitSentences(text).length).toBe(split(paragraph(60_000)).length);
  });

  it('a 1 MB paragraph is split in about a second (the segmenter alone is quadratic: a minute)', () => {
    const text = paragraph(1_000_000);
    const started = performance.now();
    const spans = splitSentences(text);
    expect(performance.now() - started).toBeLessThan(4000);
    expect(spans.length).toBeGreaterThan(20_000);
    expect(spans.every((s, i) => i === 0 || s.start > spans[i - 1].end)).toBe(true);
  }, 60_000);
});
