import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processTranscript } from '../../pipeline/process-transcript.ts';
import type { DocumentForChecks } from '../../pipeline/validate/document-checks.ts';
import { checkTranslation } from '../../pipeline/validate/translation.ts';
import { translationChecks } from '../../schemas/index.ts';
import type { Row } from '../../schemas/columns.ts';
import type { mentions } from '../../schemas/index.ts';
import { fixtures } from '../paths.ts';

type Mention = Row<typeof mentions>;

function rowsOf(dir: string, name: string): DocumentForChecks {
  const rows = processTranscript(name, readFileSync(path.join(fixtures, dir, name)));
  return { document: rows.documents[0], paragraphs: rows.paragraphs, mentions: rows.mentions, facts: rows.facts };
}

describe('checkTranslation on a bilingual fixture', () => {
  const doc = rowsOf('validate', 'LMRG-2025Q2.translation.statementdog.txt');
  const rows = checkTranslation(doc);

  // Each English quantity and what its Chinese counterpart must be found to be.
  const expected: [enSurface: string, status: string, zhSurface: string | null][] = [
    ['USD42.5 million', 'mismatch', '4520 萬美元'], // the number changed in translation
    ['3.4 million terahash per second', 'match', '340 萬太哈希/秒'],
    ['$9.1 per terahash per second', 'mismatch', '9.1 美元'], // the unit lost its "per terahash"
    ['640 bitcoins', 'missing', null], // the translation dropped the number
    ['2.8 exahash per second', 'match', '280 萬'], // a bare Chinese number of the same value
  ];

  it.each(expected)('%s → %s', (enSurface, status, zhSurface) => {
    const row = rows.find((r) => r.en_surface === enSurface);
    expect(row).toMatchObject({ status, zh_surface: zhSurface });
  });

  it('covers every English quantity with a unit, once, with rows that satisfy the schema', () => {
    const english = doc.mentions.filter((m) => m.language === 'en' && m.unit !== '');
    expect(rows.map((r) => r.en_mention_id).sort()).toEqual(english.map((m) => m.mention_id).sort());
    for (const r of rows) expect(translationChecks.schema.strict().safeParse(r).success).toBe(true);
  });

  it('gives nothing for an English-only transcript', () => {
    expect(checkTranslation(rowsOf('validate', 'THSH-2025Q2.conflict.wire.txt'))).toEqual([]);
  });

  it('matches the sample bilingual layout fixture fully', () => {
    const orbit = checkTranslation(rowsOf('formats', 'ORBT-2025Q1.statementdog.txt'));
    expect(orbit.length).toBeGreaterThan(0);
    expect(orbit.every((r) => r.status === 'match')).toBe(true);
  });
});

describe('pairing rules', () => {
  const base = { doc_id: 'd', paragraph_index: 0, stated_value: '', stated_unit: '', scale: null, value_high: null, dimension: '', qualifier: 'exact', flags: '' };
  const mention = (language: 'en' | 'zh', start: number, value: number, unit: string): Mention => ({
    ...base, mention_id: `d-${language}-${start}`, language, char_start: start, char_end: start + 3, surface: `${value} ${unit}`, value, unit,
  });
  const docOf = (list: Mention[]): DocumentForChecks => ({
    document: { doc_id: 'd' } as DocumentForChecks['document'],
    paragraphs: [{ doc_id: 'd', paragraph_index: 0, section: 'prepared_remarks', speaker: null, speaker_role: null, turn_index: 0, text_en: 'x', text_zh: 'y', char_start: 0, char_end: 1, zh_char_start: 2, zh_char_end: 3 }],
    mentions: list,
    facts: [],
  });

  it('does not let an earlier near miss take the counterpart of a later exact one', () => {
    // "$7.9 ... and $8.8 per TH/s" translated with only the 8.8 kept in the unit
    const rows = checkTranslation(docOf([mention('en', 0, 7.9, 'USD/(TH/s)'), mention('en', 10, 8.8, 'USD/(TH/s)'), mention('zh', 100, 8.8, 'USD/(TH/s)')]));
    expect(rows.map((r) => r.status)).toEqual(['missing', 'match']);
  });

  it('pairs a changed number with the nearest of its unit', () => {
    const rows = checkTranslation(docOf([mention('en', 0, 100, 'BTC'), mention('zh', 100, 1000, 'BTC'), mention('zh', 110, 101, 'BTC')]));
    expect(rows[0]).toMatchObject({ status: 'mismatch', zh_value: 101 });
  });

  it('uses each Chinese quantity once, and is the same whatever order the mentions come in', () => {
    const mentionArb = fc.tuple(fc.constantFrom<'en' | 'zh'>('en', 'zh'), fc.constantFrom(1, 2, 5, 10), fc.constantFrom('BTC', '%', ''));
    fc.assert(
      fc.property(fc.array(mentionArb, { maxLength: 10 }), (specs) => {
        const list = specs.map(([language, value, unit], i) => mention(language, i * 10, value, unit));
        const rows = checkTranslation(docOf(list));
        const zhUsed = rows.map((r) => r.zh_mention_id).filter((id): id is string => id !== null);
        expect(new Set(zhUsed).size).toBe(zhUsed.length);
        expect(rows).toHaveLength(list.filter((m) => m.language === 'en' && m.unit !== '').length);
        expect(checkTranslation(docOf([...list].reverse()))).toEqual(rows);
      }),
    );
  });
});
