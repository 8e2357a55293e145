import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processTranscript } from '../../pipeline/process-transcript.ts';
import type { DocumentForChecks } from '../../pipeline/validate/document-checks.ts';
import { checkDocument } from '../../pipeline/validate/document-checks.ts';
import { checkTranslation } from '../../pipeline/validate/translation.ts';
import { checkRegistry } from '../../registries/checks.ts';
import { translationCheckRegistry } from '../../registries/translation-checks.ts';
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
  const expected: [enSurface: string, status: string, reasons: string, zhSurface: string | null][] = [
    ['USD42.5 million', 'mismatch', 'value_scale', '4520 萬美元'], // the number changed in translation
    ['3.4 million terahash per second', 'match', '', '340 萬太哈希/秒'],
    ['$9.1 per terahash per second', 'mismatch', 'unit_classifier', '9.1 美元'], // the unit lost its "per terahash"
    ['640 bitcoins', 'missing', '', null], // the translation dropped the number
    ['2.8 exahash per second', 'mismatch', 'unit_classifier', '280 萬'], // "280 萬的算力": the same value, no unit
  ];

  it.each(expected)('%s → %s %s', (enSurface, status, reasons, zhSurface) => {
    const row = rows.find((r) => r.en_surface === enSurface);
    expect(row).toMatchObject({ status, reasons, zh_surface: zhSurface });
    expect(row?.explanation === null).toBe(reasons === '');
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

/** A statementdog page of a fictional miner with one bilingual paragraph, as the pipeline reads it. */
function bilingualCall(english: string, chinese: string): DocumentForChecks {
  const text = [
    'Pinecrest Hashworks (PCHW) 2025 Q3 法說會逐字稿',
    '完整原文',
    '使用警語:中文譯文來源為 Google 翻譯,僅供參考,實際內容請以英文原文為主',
    '  • Ada Quinn - Chief Executive Officer\n\n    Ada Quinn - Chief Executive Officer',
    `  • ${english}\n\n    ${chinese}`,
  ].join('\n\n');
  const rows = processTranscript('PCHW-2025Q3.statementdog.txt', new TextEncoder().encode(`${text}\n`));
  return { document: rows.documents[0], paragraphs: rows.paragraphs, mentions: rows.mentions, facts: rows.facts };
}

interface TranslationCase {
  trap: string;
  en: string;
  zh: string;
  /** the English quantity looked at */
  quantity: string;
  /** the reason it must be flagged with, or '' for a faithful translation */
  reason: string;
  /** what the sentence must say */
  says?: RegExp;
}

// One paragraph per way a machine translation goes wrong, and one faithful paragraph per reason.
const translationCases: TranslationCase[] = [
  // value and scale
  { trap: 'digits swapped', en: 'Hosting revenue came in at $18.4 million for the quarter.', zh: '本季託管收入為 1,480 萬美元。', quantity: '$18.4 million', reason: 'value_scale', says: /\$14\.8 million.*\$18\.4 million/ },
  { trap: '萬 and 億 confused', en: 'We closed the quarter with cash of $35.2 million.', zh: '季末我們持有現金 3.52 億美元。', quantity: '$35.2 million', reason: 'value_scale', says: /10 times larger, a slip of the scale word 億/ },
  { trap: '兆 before a hash', en: 'Our fleet sold 2.6 million terahash per second this quarter.', zh: '本季我們的礦機售出了每秒 260 萬兆哈希。', quantity: '2.6 million terahash per second', reason: 'value_scale', says: /2\.6 million TH\/s if 兆 is the Taiwanese number.*2\.6 TH\/s if 兆 is the SI prefix mega/ },
  { trap: '兆 as a number, used for million', en: 'The contract is worth $1.2 million.', zh: '該合約價值 1.2 兆美元。', quantity: '$1.2 million', reason: 'value_scale', says: /\$1\.2 trillion/ },
  { trap: 'faithful 萬', en: 'Hosting revenue came in at $18.4 million for the quarter.', zh: '本季託管收入為 1,840 萬美元。', quantity: '$18.4 million', reason: '' },
  { trap: 'faithful 兆瓦', en: 'We energized a 45 megawatt site in Oklahoma.', zh: '我們在奧克拉荷馬州啟用了一座 45 兆瓦的礦場。', quantity: '45 megawatt', reason: '' },
  { trap: 'faithful 兆 as a Taiwanese trillion', en: 'The global mining market is worth $1.2 trillion.', zh: '全球挖礦市場價值 1.2 兆美元。', quantity: '$1.2 trillion', reason: '' },
  // unit and classifier
  { trap: 'bitcoins counted as people', en: 'We now hold 2,340 bitcoins, which is 115 more than the 2,225 we held in June.', zh: '我們現在持有 2,340 個比特幣,比 6 月持有的 2,225 人多了 115 人。', quantity: '115', reason: 'unit_classifier', says: /"115 人" counts with 人, the measure word for people.*counts BTC \("2,340 bitcoins"\)/ },
  { trap: 'bitcoins counted as machines', en: 'We mined 312 bitcoins in the quarter.', zh: '本季我們開採了 312 台比特幣。', quantity: '312 bitcoins', reason: 'unit_classifier', says: /台, the measure word for machines/ },
  { trap: 'a price per terahash without its per', en: 'Our hashrate sold averaged $11.2 per terahash per second.', zh: '我們售出的算力平均售價為 11.2 美元。', quantity: '$11.2 per terahash per second', reason: 'unit_classifier', says: /"per" part/ },
  { trap: 'a hash rate without its unit', en: 'The fleet ran at 5.1 exahash per second in June.', zh: '6 月份礦機以 510 萬的算力運作。', quantity: '5.1 exahash per second', reason: 'unit_classifier', says: /bare number/ },
  { trap: 'faithful 台 for units', en: 'We shipped 4,200 units of the R9 miner.', zh: '我們出貨了 4,200 台 R9 礦機。', quantity: '4,200 units', reason: '' },
  { trap: 'faithful 名 for employees', en: 'Our team grew to 310 employees, 40 more than the 270 people we had in March.', zh: '我們的團隊增加到 310 名員工,比 3 月的 270 人多 40 人。', quantity: '270', reason: '' },
  { trap: 'faithful per part said first', en: 'Our hashrate sold averaged about $11.2 per terahash per second.', zh: '我們售出的算力平均售價為每太哈希每秒約 11.2 美元。', quantity: '$11.2 per terahash per second', reason: '' },
  // qualifier
  { trap: '-plus dropped', en: 'Our next machine targets 12-plus joules per terahash.', zh: '我們的下一代礦機目標為 12 焦耳/太哈希。', quantity: '12-plus joules per terahash', reason: 'qualifier', says: /more than the number.*reads as an exact number/ },
  { trap: 'up to turned into more than', en: 'We expect capex of up to $40 million next year.', zh: '我們預計明年資本支出將超過 4,000 萬美元。', quantity: '$40 million', reason: 'qualifier', says: /up to the number, but the Chinese reads it as more than \(超過\)/ },
  { trap: 'about dropped', en: 'We held about $12 million in cash.', zh: '我們持有 1,200 萬美元現金。', quantity: '$12 million', reason: 'qualifier' },
  { trap: 'faithful 以上 after the unit', en: 'Our next machine targets 12-plus joules per terahash.', zh: '我們的下一代礦機目標為 12 焦耳/太哈希以上。', quantity: '12-plus joules per terahash', reason: '' },
  { trap: 'faithful 低於 away from the number', en: 'Older models are now below 20% of inventory.', zh: '舊型號目前低於庫存總值的 20%。', quantity: '20%', reason: '' },
  { trap: 'faithful 略低於 for just under', en: 'Fleet uptime was just under 98% in August.', zh: '8 月份礦機正常運行時間略低於 98%。', quantity: '98%', reason: '' },
  { trap: 'faithful 約 for nearly, before a verb', en: 'Self-mining was nearly 40% of revenue.', zh: '自營挖礦約佔營收的 40%。', quantity: '40%', reason: '' },
  // change basis
  { trap: 'sequentially read as continuously', en: 'Self-mining revenue rose 18% sequentially.', zh: '自營挖礦收入連續成長 18%。', quantity: '18%', reason: 'change_basis', says: /previous quarter \("sequentially"\).*連續 \("continuously"\)/ },
  { trap: 'year over year turned sequential', en: 'Revenue grew 35% year over year.', zh: '營收環比成長 35%。', quantity: '35%', reason: 'change_basis', says: /reads it as compared with the previous quarter \(環比\)/ },
  { trap: '"this year rose" is no year-over-year', en: 'Hashrate sold grew 20% sequentially.', zh: '今年增加了 20%。', quantity: '20%', reason: 'change_basis', says: /drops it/ },
  { trap: 'faithful, two bases in one sentence', en: 'Revenue grew 35% year over year and 9% sequentially.', zh: '營收年增 35%\uff0c季增 9%。', quantity: '9%', reason: '' },
  { trap: 'faithful, basis in the clause before', en: 'Fleet efficiency improved 8% year over year.', zh: '與去年同期相比,礦機能效提升了 8%。', quantity: '8%', reason: '' },
  // sign and nature
  { trap: 'an impairment read as income', en: 'An impairment charge on older rigs came to $6.3 million.', zh: '舊礦機帶來的收益為 630 萬美元。', quantity: '$6.3 million', reason: 'sign_nature', says: /loss or charge \("impairment"\).*profit or income \(收益\)/ },
  { trap: 'a hit to the bottom line read as net profit', en: 'The warrant revaluation hit our bottom line by $4.8 million.', zh: '認股權證重估達到我們的淨利潤,共 480 萬美元。', quantity: '$4.8 million', reason: 'sign_nature', says: /淨利潤/ },
  { trap: 'a decline read as an increase', en: 'Power costs per megawatt hour declined 6%.', zh: '每兆瓦時電力成本增加了 6%。', quantity: '6%', reason: 'sign_nature', says: /a decline \("declined"\).*an increase \(增加\)/ },
  { trap: 'a negative amount given as positive', en: 'Adjusted EBITDA was negative $5.2 million.', zh: '調整後 EBITDA 為 520 萬美元。', quantity: '$5.2 million', reason: 'sign_nature', says: /is negative, but the Chinese "520 萬美元" is a positive amount/ },
  { trap: 'faithful 負 for negative', en: 'Adjusted EBITDA was negative $5.2 million.', zh: '調整後 EBITDA 為負 520 萬美元。', quantity: '$5.2 million', reason: '' },
  { trap: 'faithful minus for a loss', en: 'Adjusted EBITDA was a loss of $5.2 million.', zh: '調整後 EBITDA 為 -520 萬美元。', quantity: '$5.2 million', reason: '' },
  { trap: 'faithful, hitting a revenue target is no charge', en: 'We hit our revenue target of $80 million.', zh: '我們達到了 8,000 萬美元的收入目標。', quantity: '$80 million', reason: '' },
  { trap: 'faithful, "this fall" is a season, no decline', en: 'This fall we will add 5 exahash per second of capacity.', zh: '今年秋天,我們將增加 5 艾哈希/秒的算力。', quantity: '5 exahash per second', reason: '' },
  { trap: 'faithful loss', en: 'Our net loss narrowed to $3.1 million.', zh: '我們的淨虧損收窄至 310 萬美元。', quantity: '$3.1 million', reason: '' },
  { trap: 'faithful gross loss beside a gross profit', en: 'Gross loss was $2.0 million a year ago, against a gross profit of $5.5 million this quarter.', zh: '去年同期毛損為 200 萬美元,本季毛利為 550 萬美元。', quantity: '$2.0 million', reason: '' },
];

describe('translation checks, one trap per paragraph', () => {
  it.each(translationCases)('$trap → $reason', ({ en, zh, quantity, reason, says }) => {
    const rows = checkTranslation(bilingualCall(en, zh));
    const row = rows.find((r) => r.en_surface === quantity);
    if (reason === '') {
      // a faithful translation: matched, or for a bare English number no row at all
      if (row) expect(row).toMatchObject({ status: 'match', reasons: '', explanation: null });
      expect(rows.filter((r) => r.status === 'mismatch')).toEqual([]);
      return;
    }
    expect(row).toMatchObject({ status: 'mismatch', reasons: reason });
    if (says) expect(row?.explanation).toMatch(says);
  });

  it('covers every reason of the registry with a trap and a faithful paragraph', () => {
    for (const { reason } of translationCheckRegistry) {
      expect(translationCases.some((c) => c.reason === reason)).toBe(true);
    }
    expect(translationCases.filter((c) => c.reason === '').length).toBeGreaterThanOrEqual(translationCheckRegistry.length);
  });

  it('makes one warning per mismatch, linking the English and the Chinese mention', () => {
    const doc = bilingualCall('Self-mining revenue rose 18% sequentially, to $9.4 million.', '自營挖礦收入連續成長 18%,達到 940 萬美元。');
    const issues = checkDocument(doc).filter((i) => i.check.startsWith('translation_'));
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    const [enId, zhId] = (issue.mention_ids ?? '').split(';');
    const byId = new Map(doc.mentions.map((m) => [m.mention_id, m]));
    expect(issue).toMatchObject({ check: 'translation_change_basis', severity: 'warning', expected: '18%', actual: '自營挖礦收入連續成長 18%,' });
    expect(byId.get(enId)).toMatchObject({ language: 'en', surface: '18%' });
    expect(byId.get(zhId)).toMatchObject({ language: 'zh', surface: '18%' });
    expect(issue.message).toMatch(/^Paragraph \d+ \(Ada Quinn\), Chinese translation: .*連續/);
    expect(checkRegistry.map((c) => c.name)).toContain(issue.check);
  });
});
