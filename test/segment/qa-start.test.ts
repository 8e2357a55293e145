import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestTranscript } from '../../pipeline/ingest/ingest.ts';
import { segmentTranscript, type SegmentedTranscript } from '../../pipeline/segment/segment.ts';
import { fixtures } from '../paths.ts';
import { segmentFile } from './transcript-of.ts';

function segmentText(text: string): SegmentedTranscript {
  const result = ingestTranscript('webinar.txt', new TextEncoder().encode(text));
  if (!result.document) throw new Error(`not read: ${result.problems.map((p) => p.message).join('; ')}`);
  return segmentTranscript(result.document);
}

const firstQa = (t: SegmentedTranscript) => t.paragraphs.find((p) => p.section === 'qa')?.index ?? null;

// A call with no operator: Dana Cole opens it and announces the agenda, Sam Ito speaks, then Dana says `line`.
const hostedCall = (line: string) =>
  [
    "Dana Cole: Good morning, and welcome to Birchfield Mining's results webinar. After Sam's remarks we will open it up for questions.",
    'Sam Ito: Chief Executive Officer Thanks, Dana. We mined 380 bitcoin in the quarter.',
    `Dana Cole: ${line}`,
    'Ravi Menon: Thanks. How many machines are installed?',
    'Sam Ito: About 61,000.',
  ].join('\n');

describe('where a host, not an operator, opens the Q&A', () => {
  it.each([
    ["Thank you, Sam. Let's now move on to the Q&A.", null],
    ["Thanks, Sam. We'll now open it up for questions.", null],
    ["Thanks, Sam. We're happy to take your questions now. First up is Ravi Menon from Kestrel Research.", null],
    ['Thank you, Sam. For the first question, can we have Ravi Menon from Kestrel Research.', 'Kestrel Research'],
    ['Thank you, Sam. That brings us to the question-and-answer portion of the webinar.', null],
    ["Great. I'd like to invite Ravi Menon, our analyst from Kestrel Research, to ask the first question.", 'Kestrel Research'],
  ])('"%s" starts the Q&A at that paragraph', (line, firm) => {
    const t = segmentText(hostedCall(line));
    expect(firstQa(t)).toBe(2);
    expect(t.paragraphs[2].speaker).toBe('Dana Cole');
    if (firm) expect(t.speakers.find((s) => s.name === 'Ravi Menon')).toMatchObject({ role: 'analyst', organization: firm });
  });

  it('does not start it at the agenda of the opening or at other words of the host', () => {
    expect(firstQa(segmentText(hostedCall('Thank you, Sam. Before we close, our annual meeting is in May.')))).toBeNull();
  });

  it('does not start it where an executive, not the host, says a cue', () => {
    const call = [
      'Dana Cole: Good morning, and welcome to the Birchfield Mining results webinar.',
      'Sam Ito: Thanks, Dana. The first question we hear from investors is about power.',
      'Sam Ito: We have 300 megawatts under contract.',
    ].join('\n');
    expect(firstQa(segmentText(call))).toBeNull();
  });

  it('lets an operator who opens the Q&A win over a host who hands it over', () => {
    const call = [
      'Dana Cole: Good morning, and welcome to the Birchfield Mining results call.',
      'Sam Ito: Thanks, Dana. We mined 380 bitcoin in the quarter.',
      "Dana Cole: Thanks, Sam. We'll now take your questions. Operator?",
      'Operator: [Operator Instructions] Our first question comes from Ravi Menon with Kestrel Research.',
      'Ravi Menon: How many machines are installed?',
    ].join('\n');
    const t = segmentText(call);
    expect(firstQa(t)).toBe(3);
    expect(t.paragraphs[3].speaker).toBe('Operator');
  });

  it('reads a webinar web copy: the Q&A from the host\'s invitation, invited and unnamed questioners as analysts', () => {
    const t = segmentFile(path.join(fixtures, 'formats', 'TLRG-2025Q4.webinar.txt'));
    const qa = t.paragraphs.filter((p) => p.section === 'qa');
    expect(qa[0]).toMatchObject({ index: 5, speaker: 'Noor Abbasi' });
    expect(qa.every((p) => p.index >= 5)).toBe(true);
    // the opening's agenda and an executive's "first question" come before and leave the remarks alone
    expect(t.paragraphs.slice(0, 5).every((p) => p.section === 'prepared_remarks')).toBe(true);
    expect(t.speakers.find((s) => s.name === 'Owen Tull')).toMatchObject({ role: 'analyst', organization: 'Brackwater Capital' });
    expect(t.speakers.find((s) => s.name === 'Unknown Analyst')?.role).toBe('analyst');
    expect(t.speakers.find((s) => s.name === 'Noor Abbasi')?.role).toBe('executive');
  });
});
