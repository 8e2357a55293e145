import { z } from 'zod';
import { defineTable, double, integer, text, textOrNull } from './columns.ts';

export const mentions = defineTable({
  name: 'mentions',
  description: 'One row per quantity said in a content paragraph, English or Chinese, with its value in canonical units.',
  grain: 'quantity phrase',
  key: ['doc_id', 'mention_id'],
  primaryKey: ['doc_id', 'mention_id'],
  foreignKeys: [{ columns: ['doc_id'], table: 'documents', references: ['doc_id'] }],
  schema: z.object({
    doc_id: text('Document id'),
    mention_id: text('Stable id: doc_id, language and code-point start of the phrase'),
    paragraph_index: integer('Paragraph the phrase is in'),
    language: z.enum(['en', 'zh']).describe('en for the English text, zh for the Chinese translation'),
    char_start: integer('Start of the quantity phrase in the source, code points'),
    char_end: integer('End (exclusive) of the quantity phrase in the source, code points'),
    surface: text('The phrase exactly as in the source'),
    stated_value: text('The number as said, e.g. 7.30'),
    stated_unit: textOrNull('The unit and scale as said, in a short form, e.g. million TH/s; null for a bare number'),
    scale: text('Scale word as said: thousand, million, 萬, 億 ...').nullable(),
    value: double('Value in the canonical unit; the low end of a range'),
    value_high: double('High end of a range, in the canonical unit').nullable(),
    unit: textOrNull('Canonical unit (see METRICS.md); null for a bare number'),
    dimension: text('What the unit measures: hashrate, money, efficiency, bitcoin, percent, count, number ...'),
    qualifier: text('exact, approximately, nearly, over, under, at_least, up_to'),
    flags: textOrNull('Problems seen in the phrase, ; separated (unit_mismatch: the unit makes no sense as said; unit_unsupported: a ratio with no canonical unit); null when none'),
  }),
});
