import { z } from 'zod';
import { defineTable, double, integer, text } from './columns.ts';

export const translationChecks = defineTable({
  name: 'translation_checks',
  description: 'One row per English quantity of a bilingual document, with its counterpart in the Chinese translation.',
  grain: 'English quantity of a bilingual document',
  key: ['doc_id', 'en_mention_id'],
  schema: z.object({
    doc_id: text('Document id'),
    paragraph_index: integer('Paragraph of the quantity'),
    en_mention_id: text('The English mention'),
    zh_mention_id: text('The Chinese mention it was matched with').nullable(),
    status: z.enum(['match', 'mismatch', 'missing']).describe('match, mismatch (a number is there but differs) or missing'),
    en_surface: text('The English phrase'),
    zh_surface: text('The Chinese phrase, where one was matched').nullable(),
    en_value: double('English value, canonical unit'),
    zh_value: double('Chinese value, canonical unit').nullable(),
    unit: text('Canonical unit of the English value'),
  }),
});
