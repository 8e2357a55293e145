import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processTranscript } from '../../pipeline/process-transcript.ts';
import { checkDocument, type DocumentForChecks } from '../../pipeline/validate/document-checks.ts';
import { checkTranslation } from '../../pipeline/validate/translation.ts';
import { hasRealCorpus, realCorpus } from '../paths.ts';

// What a careful reader notices in the Canaan Q3 2024 call (see ../shared/corpus/README.md); the
// transcript is read from beside the project and never copied into it.
describe.skipIf(!hasRealCorpus)('checks on the real CAN-2024Q3 transcript', () => {
  const load = (): DocumentForChecks => {
    const rows = processTranscript('CAN-2024Q3.statementdog.txt', readFileSync(path.join(realCorpus, 'CAN-2024Q3.statementdog.txt')));
    return { document: rows.documents[0], paragraphs: rows.paragraphs, mentions: rows.mentions, facts: rows.facts };
  };
  const doc = hasRealCorpus ? load() : (null as unknown as DocumentForChecks);
  const issues = hasRealCorpus ? checkDocument(doc) : [];
  const hasFact = (metric: string, period: string, value: number) => doc.facts.some((f) => f.metric === metric && f.period === period && f.value === value && f.change_kind === null);
  /** The fact extractor is tuned in parallel: an assertion that needs a fact it lost is skipped, loudly. */
  const needs = (what: string, ok: boolean) => {
    if (!ok) console.warn(`CAN-2024Q3: the extractor did not produce ${what}; assertion skipped`);
    return ok;
  };

  it('reports the CEO and the CFO giving different holdings at 2024-09-30', () => {
    if (!needs('btc_held 1,231 and 1,212 at 2024-09-30', hasFact('btc_held', '2024-09-30', 1231) && hasFact('btc_held', '2024-09-30', 1212))) return;
    const conflict = issues.find((i) => i.check === 'conflict' && i.metric === 'btc_held');
    expect(conflict?.severity).toBe('warning');
    expect(conflict?.message).toMatch(/at 2024-09-30/);
    expect(conflict?.message).toMatch(/1,231 BTC/);
    expect(conflict?.message).toMatch(/1,212 BTC/);
  });

  it('reports the efficiency said in gigawatts per hash', () => {
    const misstatement = issues.find((i) => i.check === 'unit_misstatement');
    expect(misstatement?.message).toMatch(/gigawatts per hash/);
    expect(misstatement?.expected).toBe('J/TH');
  });

  it('reports "first quarter" said of the third quarter\'s hash rate sold', () => {
    if (!needs('hashrate_sold 7.3 million TH/s for 2024Q1 and 2024Q3', hasFact('hashrate_sold', '2024Q1', 7_300_000) && hasFact('hashrate_sold', '2024Q3', 7_300_000))) return;
    const slip = issues.find((i) => i.check === 'period_slip' && i.metric === 'hashrate_sold' && /7\.3 million TH\/s/.test(i.message));
    expect(slip?.message).toMatch(/'first quarter'/);
    expect(slip).toMatchObject({ expected: '2024Q3', actual: '2024Q1' });
  });

  it('finds 7.3 million TH/s × $8.8 per TH/s agrees with the machine revenue', () => {
    if (!needs('hashrate_sold, asp_per_hashrate 8.8 and revenue_product for 2024Q3', hasFact('hashrate_sold', '2024Q3', 7_300_000) && hasFact('asp_per_hashrate', '2024Q3', 8.8))) return;
    const sums = issues.filter((i) => i.check === 'arithmetic' && i.metric === 'revenue_product');
    expect(sums.map((i) => i.severity)).toEqual(['info']);
    expect(sums[0].message).toMatch(/7\.3 million TH\/s sold × 8\.8 USD\/\(TH\/s\)/);
  });

  it('checks the translation of the quantities and finds where it differs', () => {
    const rows = checkTranslation(doc);
    const english = doc.mentions.filter((m) => m.language === 'en' && m.unit !== '');
    expect(rows.filter((r) => r.unit !== '')).toHaveLength(english.length);
    expect(new Set(rows.map((r) => r.paragraph_index)).size).toBeGreaterThan(30);
    expect(rows.filter((r) => r.status === 'match').length).toBeGreaterThan(rows.length * 0.9);
    // "每太拉哈希每秒 7.9 美元" is a faithful price per terahash: 太拉 is the translation's "tera"
    expect(rows.find((r) => r.en_surface === '$7.9 per terahash per second')).toMatchObject({ status: 'match' });
  });

  // The real translation errors of the call, each with its reason; nothing else is flagged.
  const translationErrors: [what: string, enSurface: string, reason: string, says: RegExp][] = [
    ['"10-plus" loses its plus', '10-plus joules per terahash', 'qualifier', /more than the number.*exact number/],
    ['"sequentially" turned into "continuously"', '50%', 'change_basis', /連續 \("continuously"\)/],
    ['a charge that reads as net profit', '$27 million', 'sign_nature', /loss or charge.*淨利潤/],
    ['bitcoins counted as people', '98', 'unit_classifier', /98 人.*people.*BTC/],
    ['bitcoins counted as people', '1,114', 'unit_classifier', /1,114 人.*people.*BTC/],
    ['兆 as tera beside 兆瓦 as mega', '7.3 million terahash per second', 'value_scale', /730 萬兆哈希.*7\.3 million TH\/s.*7\.3 TH\/s.*30 兆瓦/],
  ];

  it.each(translationErrors)('flags the translation error: %s', (_what, enSurface, reason, says) => {
    const row = checkTranslation(doc).find((r) => r.en_surface === enSurface && r.reasons !== '');
    expect(row).toMatchObject({ status: 'mismatch', reasons: reason });
    expect(row?.explanation).toMatch(says);
    const issue = issues.find((i) => i.check === `translation_${reason}` && i.mention_ids?.startsWith(`${row?.en_mention_id};`));
    expect(issue?.severity).toBe('warning');
  });

  it('flags nothing else in the translation', () => {
    const flagged = checkTranslation(doc).filter((r) => r.status === 'mismatch').map((r) => r.en_surface);
    expect(flagged.sort()).toEqual(translationErrors.map(([, en]) => en).sort());
    expect(issues.filter((i) => i.check.startsWith('translation_'))).toHaveLength(translationErrors.length);
  });
});
