import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processTranscript } from '../../pipeline/process-transcript.ts';
import { checkPlausibility } from '../../pipeline/validate/checks/plausibility.ts';
import type { DocumentForChecks } from '../../pipeline/validate/document-checks.ts';
import { metrics } from '../../registries/metrics.ts';
import { fixtures } from '../paths.ts';

// The extractor declines numbers outside a metric's range, so facts are made here from a real
// one by changing what it says: the check must still catch a fact that got through another way.
const rows = processTranscript('THSH-2025Q2.clean.wire.txt', readFileSync(path.join(fixtures, 'validate', 'THSH-2025Q2.clean.wire.txt')));
const template = rows.facts[0];
const docOf = (...facts: DocumentForChecks['facts']): DocumentForChecks => ({ document: rows.documents[0], paragraphs: rows.paragraphs, mentions: [], facts });
const factOf = (metric: string, unit: string, value: number, valueHigh: number | null = null, changeKind: string | null = null) => ({
  ...template,
  fact_id: `${template.doc_id}-test-${metric}`,
  metric,
  unit,
  value,
  value_high: valueHigh,
  change_kind: changeKind,
});

type Case = [label: string, fact: ReturnType<typeof factOf>, trips: boolean];
const cases: Case[] = [
  ['an efficiency below any machine', factOf('efficiency', 'J/TH', 0.9), true],
  ['a usual efficiency', factOf('efficiency', 'J/TH', 17.5), false],
  ['a range whose high end is out', factOf('efficiency', 'J/TH', 15, 950), true],
  ['more bitcoins than exist in a treasury', factOf('btc_held', 'BTC', 50_000_000), true],
  ['a change is no level', factOf('efficiency', 'J/TH', 900, null, 'yoy'), false],
  ['a fact in another unit than its metric', factOf('efficiency', '%', 0.9), false],
];

describe('plausibility', () => {
  it.each(cases)('%s', (_label, fact, trips) => {
    const issues = checkPlausibility(docOf(fact));
    expect(issues).toHaveLength(trips ? 1 : 0);
    if (trips) expect(issues[0]).toMatchObject({ check: 'plausibility', severity: 'warning', metric: fact.metric, fact_ids: fact.fact_id });
  });

  it('skips metrics without a range in the registry', () => {
    const unranged = metrics.find((m) => !m.plausible);
    if (!unranged) return;
    expect(checkPlausibility(docOf(factOf(unranged.id, unranged.unit, -1e15)))).toEqual([]);
  });

  it('reports every value past either end of a registry range, and none inside it', () => {
    const ranged = metrics.filter((m) => m.plausible && m.plausible.minAbs === undefined);
    fc.assert(
      fc.property(fc.constantFrom(...ranged), fc.double({ min: 0, max: 1, noNaN: true }), (metric, t) => {
        const { min, max } = metric.plausible!;
        const inside = min + t * (max - min);
        const below = min - Math.abs(min) * 0.1 - 1;
        const above = max + Math.abs(max) * 0.1 + 1;
        expect(checkPlausibility(docOf(factOf(metric.id, metric.unit, inside)))).toEqual([]);
        expect(checkPlausibility(docOf(factOf(metric.id, metric.unit, below)))).toHaveLength(1);
        expect(checkPlausibility(docOf(factOf(metric.id, metric.unit, above)))).toHaveLength(1);
      }),
    );
  });

  it('judges a signed metric by its size', () => {
    const signed = metrics.filter((m) => m.plausible?.minAbs !== undefined);
    for (const metric of signed) {
      const { minAbs, max } = metric.plausible!;
      expect(checkPlausibility(docOf(factOf(metric.id, metric.unit, -minAbs! / 2))), metric.id).toHaveLength(1);
      expect(checkPlausibility(docOf(factOf(metric.id, metric.unit, -max))), metric.id).toEqual([]);
    }
  });
});
