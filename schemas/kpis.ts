import { z } from 'zod';
import { date, defineTable, double, integer, text } from './columns.ts';

export const kpis = defineTable({
  name: 'kpis',
  description: 'One chosen value per (ticker, call period, metric, period, basis, change kind, entity, unit), from the facts of high and medium confidence that state it; a change said in the metric\'s own unit and one said in % are two KPIs.',
  grain: '(ticker, call_period, metric, period, basis, change_kind, entity, unit)',
  key: ['ticker', 'call_period', 'metric', 'period', 'basis', 'change_kind', 'entity', 'unit'],
  // change_kind and entity are null for a level of the whole company, so the chosen fact stands for the key
  primaryKey: ['chosen_fact_id'],
  foreignKeys: [
    { columns: ['chosen_fact_id'], table: 'facts', references: ['fact_id'] },
    { columns: ['doc_id'], table: 'documents', references: ['doc_id'] },
  ],
  schema: z.object({
    ticker: text('Ticker of the company'),
    call_period: text('Fiscal quarter the call reports'),
    metric: text('Metric id'),
    period: text('What the value refers to'),
    period_start: date('First day of the period under the company\'s fiscal calendar').nullable(),
    period_end: date('Last day of the period under the company\'s fiscal calendar').nullable(),
    basis: text('actual, guidance, target, spec, market'),
    change_kind: text('yoy, qoq, since; null for a level').nullable(),
    entity: text('Product, segment, region, customer or site; null for the company as a whole').nullable(),
    value: double('The chosen value, canonical unit'),
    value_high: double('High end of the chosen range').nullable(),
    unit: text('Canonical unit'),
    qualifier: text('Qualifier of the chosen statement'),
    statements: integer('How many facts state this KPI'),
    disagreeing: integer('How many of them give a value that differs from the chosen one beyond rounding'),
    chosen_fact_id: text('The fact whose value was chosen'),
    speaker: text('Who said the chosen value').nullable(),
    doc_id: text('Document of the chosen fact'),
    confidence: text('Confidence of the chosen fact: high or medium (low facts are never chosen)'),
  }),
});
