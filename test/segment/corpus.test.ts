import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRealCorpus, realCorpus } from '../paths.ts';
import { segmentFile } from './transcript-of.ts';

describe.skipIf(!hasRealCorpus)('segmenting the real transcripts in ../shared/corpus', () => {
  it('reads the Canaan call: 108 content paragraphs, 9 speakers, Q&A from the operator\'s first introduction', () => {
    const t = segmentFile(path.join(realCorpus, 'CAN-2024Q3.statementdog.txt'));
    expect(t.document.metadata).toMatchObject({ ticker: 'CAN', callPeriod: '2024Q3' });
    const content = t.paragraphs.filter((p) => p.section === 'prepared_remarks' || p.section === 'qa');
    expect(content).toHaveLength(108);
    expect(t.speakers).toHaveLength(9);
    expect(t.speakers.filter((s) => s.role === 'operator')).toHaveLength(1);
    const qa = t.paragraphs.find((p) => p.section === 'qa');
    expect(qa?.speaker).toBe('Operator');
    expect(qa?.textEn).toMatch(/^\(Operator Instructions\) Kevin Cassidy, Rosenblatt\.$/);
    expect(t.speakers.find((s) => s.name === 'Kevin Cassidy')).toMatchObject({ role: 'analyst', organization: 'Rosenblatt' });
  });

  const files = hasRealCorpus ? readdirSync(realCorpus).filter((f) => f.endsWith('.txt')) : [];
  it.each(files)('%s: ticker and period from the text, speakers, spans that slice back', (file) => {
    const t = segmentFile(path.join(realCorpus, file));
    const [ticker, period] = file.split('.')[0].split('-');
    expect(t.document.metadata.ticker).toBe(ticker);
    expect(t.document.metadata.callPeriod).toBe(period);
    expect(t.speakers.length).toBeGreaterThan(3);
    expect(t.paragraphs.some((p) => p.section === 'qa')).toBe(true);
    for (const p of t.paragraphs) {
      if (p.en) expect(t.document.text.slice(p.en.start, p.en.end)).toBe(p.textEn);
      if (p.zh) expect(t.document.text.slice(p.zh.start, p.zh.end)).toBe(p.textZh);
    }
    for (const s of t.sentences) expect(t.document.text.slice(s.start, s.end)).toBe(s.text);
  });
});
