import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../paths.ts';
import { segmentFile } from '../segment/transcript-of.ts';

const dir = path.join(fixtures, 'formats');

// One small transcript per layout, each with what that layout makes hard.
const cases = [
  {
    file: 'ORBT-2025Q1.statementdog.txt', format: 'statementdog', ticker: 'ORBT', period: '2025Q1',
    speakers: [['Operator', 'operator'], ['Lena Marsh', 'investor_relations'], ['Tao Lin', 'executive'], ['Priya Das', 'analyst']],
    paragraphs: { prepared_remarks: 3, qa: 3, summary: 1 }, qaStartsWith: '(Operator Instructions) Priya Das', analystFirm: ['Priya Das', 'Granite Securities'],
  },
  {
    file: 'KSTL-2025Q2.wire.txt', format: 'wire', ticker: 'KSTL', period: '2025Q2',
    speakers: [['Operator', 'operator'], ['Ana Ruiz', 'investor_relations'], ['Marcus Bell', 'executive'], ['Owen Park', 'analyst']],
    paragraphs: { prepared_remarks: 4, qa: 3 }, qaStartsWith: '[Operator Instructions] Our first question', analystFirm: ['Owen Park', 'Halden Capital, Research Division'],
  },
  {
    file: 'PNNC-2024Q4.fool.txt', format: 'fool', ticker: 'PNNC', period: '2024Q4',
    speakers: [['Operator', 'operator'], ['Ruth Hale', 'executive'], ['Sam Ortiz', 'analyst']],
    paragraphs: { prepared_remarks: 2, qa: 3 }, qaStartsWith: 'Our first question comes from Sam Ortiz', analystFirm: ['Sam Ortiz', 'Delmar Partners'],
  },
  {
    file: 'call-03.txt', format: 'colon', ticker: 'TGDX', period: '2025Q3',
    speakers: [['Operator', 'operator'], ['Mia Chen', 'executive'], ['Leo Brandt', 'analyst']],
    paragraphs: { prepared_remarks: 3, qa: 3 }, qaStartsWith: '[Operator Instructions] Our first question', analystFirm: ['Leo Brandt', 'Frostline Research'],
  },
  {
    file: 'SPRK-2025Q4.webcopy.txt', format: 'webcopy', ticker: 'SPRK', period: '2025Q4',
    speakers: [['Operator', 'operator'], ['Tom Reyes', 'executive'], ['Ivy Stone', 'executive'], ['Dev Patel', 'analyst']],
    paragraphs: { prepared_remarks: 5, qa: 3 }, qaStartsWith: '[Operator Instructions] The first question', analystFirm: ['Dev Patel', 'Northline Securities, Research Division'],
  },
  {
    file: 'TLRG-2025Q4.webinar.txt', format: 'webcopy', ticker: 'TLRG', period: '2025Q4',
    speakers: [['Noor Abbasi', 'executive'], ['Elliot Crane', 'executive'], ['Hana Sorensen', 'executive'], ['Owen Tull', 'analyst'], ['Victor Lund', 'executive'], ['Gemma Ward', 'analyst'], ['Unknown Analyst', 'analyst']],
    paragraphs: { prepared_remarks: 5, qa: 10 }, qaStartsWith: "Thanks, Hana. With that, we'll open it up", analystFirm: ['Owen Tull', 'Brackwater Capital'],
  },
  {
    file: 'ZEPH-2025Q2.recorded.txt', format: 'colon', ticker: 'ZPHR', period: '2025Q2',
    speakers: [['Operator', 'operator'], ['Lara Quinn', 'executive'], ['Omar Haddad', 'executive'], ['Rita Blum', 'analyst']],
    paragraphs: { prepared_remarks: 4, qa: 3 }, qaStartsWith: '[Operator Instructions] Our first question', analystFirm: ['Rita Blum', 'Westgate Securities'],
  },
  {
    file: 'TRIX-2024Q3.executives.txt', format: 'wire', ticker: 'TRIX', period: '2024Q3',
    speakers: [['Operator', 'operator'], ['Nora Vance', 'executive'], ['Paul Ortega', 'executive'], ['Ben Carter', 'analyst']],
    paragraphs: { prepared_remarks: 3, qa: 3 }, qaStartsWith: '[Operator Instructions] Our first question', analystFirm: ['Ben Carter', 'Hollis Research'],
  },
];

describe.each(cases)('$format layout ($file)', (c) => {
  const t = segmentFile(path.join(dir, c.file));

  it('is recognised, with ticker and period from its text', () => {
    expect(t.document.format).toBe(c.format);
    expect(t.document.metadata.ticker).toBe(c.ticker);
    expect(t.document.metadata.callPeriod).toBe(c.period);
  });

  it('finds the speakers who speak, with their roles', () => {
    expect(t.speakers.map((s) => [s.name, s.role])).toEqual(c.speakers);
    const [name, firm] = c.analystFirm;
    expect(t.speakers.find((s) => s.name === name)?.organization).toBe(firm);
  });

  it('counts content paragraphs by section and starts the Q&A where the operator or the host opens it', () => {
    const counts: Record<string, number> = {};
    for (const p of t.paragraphs) counts[p.section] = (counts[p.section] ?? 0) + 1;
    expect(counts).toEqual(c.paragraphs);
    expect(t.paragraphs.find((p) => p.section === 'qa')?.textEn).toMatch(new RegExp('^' + c.qaStartsWith.replace(/[[\]()]/g, '\\$&')));
  });

  it('gives every paragraph and sentence a span that slices back to its text', () => {
    for (const p of t.paragraphs) {
      if (p.en) expect(t.document.text.slice(p.en.start, p.en.end)).toBe(p.textEn);
      if (p.zh) expect(t.document.text.slice(p.zh.start, p.zh.end)).toBe(p.textZh);
    }
    for (const s of t.sentences) expect(t.document.text.slice(s.start, s.end)).toBe(s.text);
  });

  it('keeps speaker-name blocks out of the content paragraphs', () => {
    const names = new Set(t.speakers.map((s) => s.name));
    for (const p of t.paragraphs) expect(names.has(p.textEn ?? '')).toBe(false);
  });
});

describe('layout details', () => {
  it('strips a title glued in front of the speech in a Name: text line', () => {
    const t = segmentFile(path.join(dir, 'call-03.txt'));
    expect(t.speakers.find((s) => s.name === 'Mia Chen')?.title).toBe('Chief Financial Officer');
    expect(t.paragraphs.map((p) => p.textEn)).toContain('Thanks, operator. Revenue was $12.9 million in the third quarter.');
  });

  it('splits a speaker name glued to the end of the previous paragraph in a web copy', () => {
    const t = segmentFile(path.join(dir, 'SPRK-2025Q4.webcopy.txt'));
    expect(t.paragraphs.map((p) => p.textEn)).toContain('Please go ahead.');
    expect(t.paragraphs.find((p) => p.textEn === 'Revenue was $58.3 million.')?.speaker).toBe('Ivy Stone');
  });

  it('resolves a firm standing in for the analyst\'s name', () => {
    const t = segmentFile(path.join(dir, 'SPRK-2025Q4.webcopy.txt'));
    expect(t.paragraphs.find((p) => p.textEn?.startsWith('Congrats.'))?.speaker).toBe('Dev Patel');
  });

  it('resolves a listed title standing in for the executive\'s name in a web copy', () => {
    const t = segmentFile(path.join(dir, 'TLRG-2025Q4.webinar.txt'));
    expect(t.paragraphs.find((p) => p.textEn?.startsWith('The fleet averaged'))?.speaker).toBe('Victor Lund');
    expect(t.speakers.map((s) => s.name)).not.toContain('Executive Chairman');
  });

  it('keeps the Chinese summary out of the English paragraph numbering', () => {
    const t = segmentFile(path.join(dir, 'ORBT-2025Q1.statementdog.txt'));
    const summary = t.paragraphs.filter((p) => p.section === 'summary');
    expect(summary.map((p) => p.index)).toEqual([6]);
    expect(summary[0].textEn).toBeNull();
    expect(t.paragraphs[0].textZh).toContain('歡迎參加');
  });
});
