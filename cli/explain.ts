import { roundingStep } from '../pipeline/extract/kpis.ts';
import { queryReadOnly } from './read-only-query.ts';

/** What `hashkpi explain` is asked about: one fact, or a company's metric (in one period). */
export type ExplainQuery = { fact: string } | { ticker: string; metric: string; period?: string };

/** A statement of a KPI as the dataset holds it, with who said it and where. */
export interface Statement {
  fact_id: string;
  doc_id: string;
  ticker: string;
  call_period: string;
  metric: string;
  value: number;
  value_high: number | null;
  unit: string;
  stated_value: string;
  stated_unit: string | null;
  qualifier: string;
  period: string;
  basis: string;
  change_kind: string | null;
  entity: string | null;
  speaker: string | null;
  speaker_title: string | null;
  section: string;
  paragraph_index: number;
  quote: string;
  sentence: string;
  source_path: string | null;
  confidence?: string | null;
}

export interface ChosenKpi {
  chosen_fact_id: string;
  statements: number;
  disagreeing: number;
}

export interface Issue {
  check: string;
  severity: string;
  message: string;
  fact_ids: string | null;
  metric: string | null;
  doc_id: string | null;
}

/** A KPI's key: the statements that share it are one KPI, of which one value is chosen. */
const keyOf = (s: Statement) => [s.ticker, s.call_period, s.metric, s.period, s.basis, s.change_kind ?? '', s.entity ?? ''].join('\u0000');

const qualifierRank: Record<string, number> = { exact: 0, approximately: 1, nearly: 2, over: 3, under: 3, at_least: 3, up_to: 3 };

/**
 * Why the chosen statement stands before another one: the first rule of the choice
 * (pipeline/extract/kpis.ts) that tells them apart, in the words of the README.
 */
export function ruleThatChose(chosen: Statement, other: Statement): string {
  if (other.confidence === 'low') return 'a low-confidence statement (its metric or period carried over from other words) stands for no KPI';
  const inRemarks = (s: Statement) => s.section === 'prepared_remarks';
  if (inRemarks(chosen) !== inRemarks(other)) return 'the prepared remarks over the Q&A';
  const rank = (s: Statement) => qualifierRank[s.qualifier] ?? 9;
  if (rank(chosen) !== rank(other)) return `an exact figure over an approximate one (${chosen.qualifier} over ${other.qualifier})`;
  const precision = (s: Statement) => roundingStep(s) / (Math.abs(s.value) || 1);
  if (precision(chosen) !== precision(other)) return `the more precise figure (${chosen.stated_value} over ${other.stated_value})`;
  return 'the first said';
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const amount = (s: Pick<Statement, 'value' | 'value_high' | 'unit'>) =>
  `${numberFormat.format(s.value)}${s.value_high !== null ? ` – ${numberFormat.format(s.value_high)}` : ''} ${s.unit}`;
const sectionName = (section: string) => (section === 'prepared_remarks' ? 'prepared remarks' : section === 'qa' ? 'Q&A' : section);

/** The explanation as text: per KPI, every statement with its speaker, section, quote and sentence, the chosen one, why, and its issues. */
export function explanationText(statements: readonly Statement[], kpis: ReadonlyMap<string, ChosenKpi>, issues: readonly Issue[], asked?: string): string {
  const groups = new Map<string, Statement[]>();
  for (const s of statements) groups.set(keyOf(s), [...(groups.get(keyOf(s)) ?? []), s]);
  const blocks: string[] = [];
  for (const [key, group] of groups) {
    const first = group[0];
    const kpi = kpis.get(key);
    const chosen = group.find((s) => s.fact_id === kpi?.chosen_fact_id);
    const heading =
      `${first.ticker} ${first.call_period} call · ${first.metric} · period ${first.period} · ${first.basis}` +
      ` · ${first.change_kind ? `change ${first.change_kind}` : 'level'} · ${first.entity ?? 'whole company'}`;
    const lines = [heading];
    if (chosen && kpi) {
      const others = group.filter((s) => s !== chosen);
      const rules = [...new Set(others.map((s) => ruleThatChose(chosen, s).replace(/ \(.*\)$/, '')))];
      const why = others.length ? `chosen by ${rules.join('; ')}` : 'the only statement';
      lines.push(`  chosen: ${amount(chosen)}, fact ${chosen.fact_id} (${why}); ${kpi.statements} ${kpi.statements === 1 ? 'statement' : 'statements'}, ${kpi.disagreeing} disagreeing`);
    } else {
      lines.push('  no value chosen: no statement of this KPI stands for it (a low-confidence statement never does)');
    }
    group.forEach((s, i) => {
      const mark = s === chosen ? '*' : s.fact_id === asked ? '>' : ' ';
      const who = [s.speaker ?? 'speaker unknown', s.speaker_title].filter(Boolean).join(', ');
      lines.push(
        ` ${mark} ${i + 1}. ${amount(s)} (${s.qualifier}${s.confidence ? `, confidence ${s.confidence}` : ''}) — ${who}, ${sectionName(s.section)}, ${s.source_path ?? s.doc_id} ¶${s.paragraph_index}`,
        `      quote: "${s.quote}"`,
        `      sentence: ${s.sentence}`,
        `      fact: ${s.fact_id}${chosen && s !== chosen ? `; not chosen: ${ruleThatChose(chosen, s)}` : ''}`,
      );
      const own = issues.filter((issue) => (issue.fact_ids ?? '').split(';').map((id) => id.trim()).includes(s.fact_id));
      for (const issue of own) lines.push(`      ${issue.severity} ${issue.check}: ${issue.message}`);
    });
    const docs = new Set(group.map((s) => s.doc_id));
    // an issue about the metric in the same call that names no fact
    const ofMetric = issues.filter((issue) => issue.metric === first.metric && issue.doc_id !== null && docs.has(issue.doc_id) && !issue.fact_ids);
    if (ofMetric.length) lines.push('  issues of this metric in the call:', ...ofMetric.map((issue) => `    ${issue.severity} ${issue.check}: ${issue.message}`));
    blocks.push(lines.join('\n'));
  }
  const legend =
    '* the chosen statement. The choice: the prepared remarks over the Q&A, then an exact figure over an approximate one, ' +
    'then the most precise (the smallest rounding step), then the first said; a low-confidence statement stands for no KPI.';
  return [legend, ...blocks].join('\n\n');
}

/** Reads what `explain` shows from a dataset's DuckDB file (read-only) and returns it as text; null when nothing matches. */
export async function explain(dbFile: string, query: ExplainQuery): Promise<string | null> {
  const rowsOf = async <T>(sql: string, params: Record<string, string>): Promise<T[]> => {
    const result = await queryReadOnly(dbFile, sql, params);
    return result.values.map((row) => Object.fromEntries(result.columns.map((c, i) => [c, row[i]]))) as T[];
  };
  const columns = 's.*';
  let statements: Statement[];
  if ('fact' in query) {
    statements = await rowsOf<Statement>(
      `SELECT ${columns} FROM fact_sources s JOIN facts f ON f.fact_id = $fact
       WHERE s.ticker = f.ticker AND s.call_period = f.call_period AND s.metric = f.metric AND s.period = f.period AND s.basis = f.basis
         AND s.change_kind IS NOT DISTINCT FROM f.change_kind AND s.entity IS NOT DISTINCT FROM f.entity
       ORDER BY s.doc_id, s.char_start`,
      { fact: query.fact },
    );
    // a fact without a ticker or call period belongs to no KPI: shown alone
    if (statements.length === 0) statements = await rowsOf<Statement>(`SELECT ${columns} FROM fact_sources s WHERE s.fact_id = $fact`, { fact: query.fact });
  } else {
    const params: Record<string, string> = { ticker: query.ticker, metric: query.metric };
    if (query.period) params.period = query.period;
    statements = await rowsOf<Statement>(
      `SELECT ${columns} FROM fact_sources s WHERE upper(s.ticker) = upper($ticker) AND s.metric = $metric${query.period ? ' AND s.period = $period' : ''}
       ORDER BY s.call_period, s.period, s.basis, s.change_kind NULLS FIRST, s.entity NULLS FIRST, s.doc_id, s.char_start`,
      params,
    );
  }
  if (statements.length === 0) return null;
  const kpiRows = await rowsOf<ChosenKpi & { ticker: string; call_period: string; metric: string; period: string; basis: string; change_kind: string | null; entity: string | null }>(
    `SELECT ticker, call_period, metric, period, basis, change_kind, entity, chosen_fact_id, statements, disagreeing FROM kpis WHERE ticker = $ticker AND metric = $metric`,
    { ticker: statements[0].ticker ?? '', metric: statements[0].metric },
  );
  const kpis = new Map(kpiRows.map((k) => [keyOf(k as unknown as Statement), k]));
  const issues = await rowsOf<Issue>(
    `SELECT "check", severity, message, fact_ids, metric, doc_id FROM validation_issues
     WHERE doc_id IN (SELECT DISTINCT doc_id FROM facts WHERE ticker = $ticker) ORDER BY severity, "check", message`,
    { ticker: statements[0].ticker ?? '' },
  );
  return explanationText(statements, kpis, issues, 'fact' in query ? query.fact : undefined);
}
