import { z } from 'zod';
import { date, defineTable, double, integer, text } from './columns.ts';

/** The contract of ../shared/METRICS.md: exactly its columns, in its order. */
export const facts = defineTable({
  name: 'facts',
  description: 'One row per KPI statement in a transcript (a fact said twice is two rows); the contract of METRICS.md.',
  grain: 'KPI statement',
  key: ['doc_id', 'char_start', 'metric'],
  primaryKey: ['fact_id'],
  foreignKeys: [{ columns: ['doc_id'], table: 'documents', references: ['doc_id'] }],
  schema: z.object({
    fact_id: text('Stable across rebuilds of the same input: doc_id, span start and metric'),
    doc_id: text('The document (derived from its content hash)'),
    ticker: text('Ticker of the company, e.g. CAN').nullable(),
    call_period: text('The fiscal quarter the call reports, e.g. 2024Q3').nullable(),
    metric: text('Metric id from the registry (METRICS.md)'),
    value: double('Value in the canonical unit; the low end of a range'),
    value_high: double('High end of a range').nullable(),
    unit: text('Canonical unit'),
    stated_value: text('The number as said (7.30)'),
    stated_unit: text('The unit as said, normalised to a short form (million TH/s); null for a bare number').nullable(),
    qualifier: text('exact, approximately, nearly, over, under, at_least, up_to'),
    period: text('What the value refers to: quarter 2024Q3, half 2025H1, year 2025, or date 2024-09-30'),
    period_start: date('First day of the period under the company\'s fiscal calendar (the day itself for a level at a date)').nullable(),
    period_end: date('Last day of the period under the company\'s fiscal calendar').nullable(),
    basis: text('actual, guidance, target, spec, market'),
    change_kind: text('yoy, qoq, since; null for a level').nullable(),
    entity: text('Product, segment, region, customer or site the value is about; null for the company as a whole').nullable(),
    speaker: text('Who said it').nullable(),
    section: text('prepared_remarks or qa'),
    paragraph_index: integer('0-based index of the English paragraph among the content paragraphs'),
    char_start: integer('Start of the quote in the source, code points of the decoded text (BOM removed)'),
    char_end: integer('End (exclusive) of the quote'),
    quote: text('Exactly the source text in the span: the number with its unit words'),
    sentence: text('The sentence around it'),
    confidence: text('How surely the rules read it: high (a cue in its own clause and a period said or the call\'s own), medium, low (a metric or period carried over from other words); kpis choose among high and medium only'),
  }),
});
