import { describe, expect, it } from 'vitest';
import { agree, chooseKpis, roundingStep } from '../../pipeline/extract/kpis.ts';
import type { Row } from '../../schemas/columns.ts';
import type { facts } from '../../schemas/index.ts';

const fact = (over: Partial<Row<typeof facts>>): Row<typeof facts> => ({
  fact_id: 'f',
  doc_id: 'd',
  ticker: 'ACMH',
  call_period: '2024Q3',
  metric: 'revenue_total',
  value: 73_600_000,
  value_high: null,
  unit: 'USD',
  stated_value: '73.6',
  stated_unit: 'million USD',
  qualifier: 'exact',
  period: '2024Q3',
  period_start: '2024-07-01',
  period_end: '2024-09-30',
  basis: 'actual',
  change_kind: null,
  entity: null,
  speaker: 'CFO',
  section: 'prepared_remarks',
  paragraph_index: 0,
  char_start: 0,
  char_end: 5,
  quote: '$73.6 million',
  sentence: '',
  confidence: 'high',
  ...over,
});

describe('choosing one value per KPI', () => {
  it.each([
    [{ value: 74_000_000, stated_value: '74' }, 1_000_000],
    [{ value: 73_600_000, stated_value: '73.6' }, 100_000],
    [{ value: 1212, stated_value: '1,212' }, 1],
    [{ value: 0.031, stated_value: '3.1' }, 0.001],
  ])('%o is rounded to %s', (f, step) => expect(roundingStep(f)).toBeCloseTo(step, 9));

  it('takes "around $74 million" and "USD73.6 million" as agreeing, 1,231 and 1,212 bitcoins as not', () => {
    expect(agree(fact({}), fact({ value: 74_000_000, stated_value: '74' }))).toBe(true);
    expect(agree(fact({ value: 1231, stated_value: '1,231' }), fact({ value: 1212, stated_value: '1,212' }))).toBe(false);
  });

  it('prefers the prepared remarks, then an exact figure, then the most precise one', () => {
    const rows = chooseKpis([
      fact({ fact_id: 'qa', section: 'qa', value: 73_600_000, char_start: 900 }),
      fact({ fact_id: 'rounded', value: 74_000_000, stated_value: '74', qualifier: 'approximately', char_start: 10 }),
      fact({ fact_id: 'precise', value: 73_600_000, char_start: 500 }),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ chosen_fact_id: 'precise', value: 73_600_000, statements: 3, disagreeing: 0 });
  });

  it('counts the statements that disagree, and keeps KPIs of other periods, bases and changes apart', () => {
    const rows = chooseKpis([
      fact({ fact_id: 'cfo', metric: 'btc_held', value: 1212, stated_value: '1,212', unit: 'BTC', period: '2024-09-30' }),
      fact({ fact_id: 'ceo', metric: 'btc_held', value: 1231, stated_value: '1,231', unit: 'BTC', period: '2024-09-30', char_start: 100 }),
      fact({ fact_id: 'guide', basis: 'guidance', period: '2024Q4', value: 80_000_000, stated_value: '80' }),
      fact({ fact_id: 'yoy', change_kind: 'yoy', value: 121, unit: '%', stated_value: '121' }),
    ]);
    expect(rows.map((r) => [r.metric, r.period, r.basis, r.change_kind, r.statements, r.disagreeing])).toEqual([
      ['btc_held', '2024-09-30', 'actual', '', 2, 1],
      ['revenue_total', '2024Q3', 'actual', 'yoy', 1, 0],
      ['revenue_total', '2024Q4', 'guidance', '', 1, 0],
    ]);
  });
});
