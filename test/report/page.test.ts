import { describe, expect, it } from 'vitest';
import { reportPage } from '../../pipeline/report/page.ts';
import type { ReportRows } from '../../pipeline/report/report-rows.ts';

describe('report page', () => {
  it("lists a call's translation mismatches with their reason and what differs", () => {
    const rows: ReportRows = {
      documents: [{ doc_id: 'd1', ticker: 'PCHW', call_period: '2025Q3', source_path: 'PCHW-2025Q3.statementdog.txt', format: 'statementdog', company: 'Pinecrest Hashworks', call_date: null, paragraph_count: 3 } as ReportRows['documents'][number]],
      kpis: [],
      quotes: [],
      validationIssues: [],
      translationChecks: [
        { doc_id: 'd1', paragraph_index: 2, en_mention_id: 'd1-en-10', zh_mention_id: 'd1-zh-90', status: 'mismatch', reasons: 'change_basis', explanation: 'The English "18%" is a change compared with the previous quarter ("sequentially"), but the Chinese renders it as 連續 ("continuously").', en_surface: '18%', zh_surface: '18%', en_value: 18, zh_value: 18, unit: '%' },
        { doc_id: 'd1', paragraph_index: 2, en_mention_id: 'd1-en-40', zh_mention_id: 'd1-zh-120', status: 'match', reasons: null as unknown as string, explanation: null, en_surface: '$9.4 million', zh_surface: '940 萬美元', en_value: 9_400_000, zh_value: 9_400_000, unit: 'USD' },
      ],
      ingestErrors: [],
      levels: [],
      calls: [{ ticker: 'PCHW', call_period: '2025Q3' }],
      counts: { kpis: 0, problemsBySeverity: {} },
    };
    const page = reportPage(rows, { byTicker: new Map(), comparison: [] });
    expect(page).toContain('Translation checks: 1 match, 1 mismatch, 0 missing');
    expect(page).toMatch(/<td>change_basis<\/td><td>18%<\/td><td>18%<\/td><td>The English &quot;18%&quot; is a change .*連續/);
    expect(page).not.toContain('940 萬美元');
  });

  it('shows a call\'s values by importance, in industry units, the canonical value in the tooltip, each linked to its quote', () => {
    const kpi = (metric: string, value: number, unit: string, period: string) =>
      ({ ticker: 'ACME', call_period: '2025Q1', metric, period, period_start: null, period_end: null, basis: 'actual', change_kind: null, entity: null, value, value_high: null, unit,
        qualifier: 'exact', statements: 1, disagreeing: 0, chosen_fact_id: `d1-${metric}`, speaker: 'CFO', doc_id: 'd1', confidence: 'high' }) as unknown as ReportRows['kpis'][number];
    const quote = (metric: string, text: string) =>
      ({ fact_id: `d1-${metric}`, metric, quote: text, sentence: `We report ${text}.`, speaker: 'Ann', speaker_title: 'CFO', section: 'prepared_remarks', paragraph_index: 1, char_start: 10, source_path: 'ACME.txt', confidence: 'high' });
    const rows: ReportRows = {
      documents: [{ doc_id: 'd1', ticker: 'ACME', call_period: '2025Q1', source_path: 'ACME.txt', format: 'wire', company: 'Acme', call_date: null, quarter_end: '2025-03-31', paragraph_count: 3 } as ReportRows['documents'][number]],
      kpis: [kpi('accounts_receivable', 1_000_000, 'USD', '2025-03-31'), kpi('hashrate_installed', 4_600_000, 'TH/s', '2025-03-31'), kpi('revenue_total', 766_300_000, 'USD', '2025Q1')],
      quotes: [quote('accounts_receivable', '$1 million'), quote('hashrate_installed', '4.6 exahash'), quote('revenue_total', '$766.3 million')],
      validationIssues: [],
      translationChecks: [],
      ingestErrors: [],
      levels: [],
      calls: [{ ticker: 'ACME', call_period: '2025Q1' }],
      counts: { kpis: 3, problemsBySeverity: {} },
    };
    const page = reportPage(rows, { byTicker: new Map(), comparison: [] });
    const order = ['>Revenue<', '>Hash rate installed<', '>Accounts receivable<'].map((label) => page.indexOf(label));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(page).toContain('<a href="#f-d1-revenue_total" title="766,300,000 USD">$766.3M</a>');
    expect(page).toContain('>4.6 EH/s</a>');
    expect(page).toContain('<li id="f-d1-revenue_total"><blockquote>We report <mark title="Revenue">$766.3 million</mark>.</blockquote>');
  });
});
