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
