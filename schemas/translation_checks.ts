import { z } from 'zod';
import { defineTable, double, integer, text, textOrNull } from './columns.ts';

export const translationChecks = defineTable({
  name: 'translation_checks',
  description:
    'One row per English quantity with a unit of a bilingual document, with its counterpart in the Chinese translation and what the translation checks found; a bare English number has a row only when a check finds its counterpart wrong.',
  grain: 'English quantity of a bilingual document',
  key: ['doc_id', 'en_mention_id'],
  primaryKey: ['doc_id', 'en_mention_id'],
  foreignKeys: [{ columns: ['doc_id'], table: 'documents', references: ['doc_id'] }],
  schema: z.object({
    doc_id: text('Document id'),
    paragraph_index: integer('Paragraph of the quantity'),
    en_mention_id: text('The English mention'),
    zh_mention_id: text('The Chinese mention it was matched with').nullable(),
    status: z.enum(['match', 'mismatch', 'missing']).describe('match, mismatch (a counterpart is there but a check finds it differs: see reasons) or missing (no counterpart)'),
    reasons: textOrNull('What differs, ; separated, from the translation check registry: value_scale, unit_classifier, qualifier, change_basis, sign_nature; null when nothing does'),
    explanation: text('What differs, one sentence per reason, quoting both phrases').nullable(),
    en_surface: text('The English phrase'),
    zh_surface: text('The Chinese phrase, where one was matched').nullable(),
    en_value: double('English value, canonical unit'),
    zh_value: double('Chinese value, canonical unit').nullable(),
    unit: textOrNull('Canonical unit of the English value; null for a bare number'),
  }),
});
