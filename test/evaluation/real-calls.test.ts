import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { realCallFloor } from '../../evaluation/floor.ts';
import { meanOf, scoreCall, type GoldRow, type PredictedFact } from '../../evaluation/real-calls.ts';
import { scoreBuiltCorpus } from '../../evaluation/real-run.ts';
import { builtDataset } from '../built-dataset.ts';
import { hasRealCorpus, realCorpus } from '../paths.ts';

const hasPython = (() => {
  try {
    execFileSync('python3', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

const text = 'Revenue was $10.0 million, up 50% from $6.7 million a year ago. We held 1,000 bitcoin.';
const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
const gold = (over: Partial<GoldRow> & { quote: string }): GoldRow => ({
  id: 'g', metric: 'revenue_total', value: 10e6, valueHigh: null, unit: 'USD', changeKind: '', period: '2025Q4', basis: 'actual', entity: '', optional: false, note: '', ...at(over.quote), ...over,
});
const fact = (over: Partial<PredictedFact> & { quote: string }): PredictedFact => ({
  factId: 'f', metric: 'revenue_total', value: 10e6, valueHigh: null, unit: 'USD', changeKind: '', period: '2025Q4', basis: 'actual', confidence: '', sentence: text, ...at(over.quote), ...over,
});
const calendar = { fiscalYearEndMonth: 12, callPeriod: '2025Q4', callDate: '2026-02-20' };

describe('scoring a call by the strict rule', () => {
  it('gives each error its class', () => {
    const golds = [
      gold({ quote: '$10.0 million' }),
      gold({ quote: '50%', value: 50, unit: '%', changeKind: 'yoy' }),
      gold({ quote: '$6.7 million', value: 6.7e6, period: '2024Q4' }),
      gold({ quote: '1,000 bitcoin', metric: 'btc_held', value: 1000, unit: 'BTC', period: '2025-12-31' }),
    ];
    const facts = [
      fact({ quote: '$10.0 million' }),
      fact({ quote: '$6.7 million', value: 6.7e6, period: '2025Q4' }),
      fact({ quote: '1,000 bitcoin', metric: 'btc_sold', value: 1000, unit: 'BTC', period: '2025Q4' }),
    ];
    const mentions = [at('50%')];
    const s = scoreCall('t', text, golds, facts, mentions, calendar);
    expect(s.strict).toMatchObject({ precision: 1 / 3, recall: 1 / 4 });
    expect(s.kpi).toMatchObject({ precision: 2 / 3, recall: 2 / 4 });
    expect(s.errors.map((e) => `${e.side} ${e.errorClass} ${e.metric}`)).toEqual([
      'gold unbound revenue_total',
      'extra wrong_period revenue_total',
      'gold wrong_period revenue_total',
      'extra wrong_metric btc_sold',
      'gold wrong_metric btc_held',
    ]);
    expect(s.periodEquivalent).toBe(1);
  });

  it('takes a quarter and its last day, and a level said today, as one period', () => {
    const golds = [gold({ quote: '1,000 bitcoin', metric: 'btc_held', value: 1000, unit: 'BTC', period: '2025Q4' })];
    for (const period of ['2025-12-31', '2026-02-20', '2025-10-01']) {
      expect(scoreCall('t', text, golds, [fact({ quote: '1,000 bitcoin', metric: 'btc_held', value: 1000, unit: 'BTC', period })], [], calendar).strict.precision).toBe(1);
    }
    expect(scoreCall('t', text, golds, [fact({ quote: '1,000 bitcoin', metric: 'btc_held', value: 1000, unit: 'BTC', period: '2026-02-21' })], [], calendar).strict.precision).toBe(0);
  });

  it('sets aside a fact that matches an optional annotation', () => {
    const s = scoreCall('t', text, [gold({ quote: '$10.0 million' }), gold({ quote: '$6.7 million', value: 6.7e6, period: '2024Q4', optional: true })], [fact({ quote: '$10.0 million' }), fact({ quote: '$6.7 million', value: 6.7e6, period: '2024Q4' })], [], calendar);
    expect(s.strict).toMatchObject({ precision: 1, recall: 1 });
    expect(s.errors).toEqual([]);
  });
});

describe.skipIf(!hasRealCorpus)('the real calls of ../shared/corpus', () => {
  const built = builtDataset(realCorpus);

  it.skipIf(!hasPython)('are scored as the reference scorer scores them', () => {
    const scores = scoreBuiltCorpus(realCorpus, built.out);
    expect(scores.length).toBeGreaterThan(0);
    for (const s of scores) {
      const goldFile = path.join(realCorpus, 'gold', s.call.replace(/\.txt$/, '.csv'));
      const line = execFileSync('python3', [path.join(realCorpus, '..', 'eval', 'score.py'), path.join(realCorpus, s.call), goldFile, built.out], { encoding: 'utf8' });
      const figures = (label: string) => /P=([\d.]+) R=([\d.]+) F1=([\d.]+)/.exec(line.slice(line.indexOf(label)))!.slice(1).map(Number);
      const f3 = (x: number) => Number(x.toFixed(3));
      expect([s.quantity, s.kpi, s.strict].map((f) => [f.precision, f.recall, f.f1].map(f3)), s.call).toEqual([figures('quantity'), figures('kpi'), figures('strict')]);
      expect(line, s.call).toContain(`gold=${s.gold} pred=${s.predicted} `);
      expect(line, s.call).toContain(`period_eq=${s.periodEquivalent}/${s.kpiMatched} `);
      expect(line, s.call).toContain(`basis_ok=${s.basisSame}/${s.kpiMatched} `);
    }
  });

  it(`keep the mean strict precision and F1 at or above the floor (P ≥ ${realCallFloor.strictPrecision}, F1 ≥ ${realCallFloor.strictF1})`, () => {
    const scores = scoreBuiltCorpus(realCorpus, built.out);
    expect(scores.map((s) => s.call)).toEqual(readdirSync(path.join(realCorpus, 'gold')).filter((f) => f.endsWith('.csv') && f !== 'calendar.csv').map((f) => f.replace(/\.csv$/, '.txt')).sort());
    const strict = meanOf(scores, (s) => s.strict);
    expect(strict.precision).toBeGreaterThanOrEqual(realCallFloor.strictPrecision);
    expect(strict.f1).toBeGreaterThanOrEqual(realCallFloor.strictF1);
  });
});

if (!hasRealCorpus) console.warn(`real corpus not found at ${realCorpus}: the real-call scoring and its regression floor are skipped`);
