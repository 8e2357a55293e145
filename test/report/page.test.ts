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
    };
    const page = reportPage(rows, { byTicker: new Map(), comparison: [] });
    expect(page).toContain('Translation checks: 1 match, 1 mismatch, 0 missing');
    expect(page).toMatch(/<td>change_basis<\/td><td>18%<\/td><td>18%<\/td><td>The English &quot;18%&quot; is a change .*連續/);
    expect(page).not.toContain('940 萬美元');
  });
});
