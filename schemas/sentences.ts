import { z } from 'zod';
import { defineTable, integer, text } from './columns.ts';

export const sentences = defineTable({
  name: 'sentences',
  description: 'One row per English sentence of a content paragraph, with its span in the source.',
  grain: 'English sentence',
  key: ['doc_id', 'paragraph_index', 'sentence_index'],
  primaryKey: ['doc_id', 'paragraph_index', 'sentence_index'],
  foreignKeys: [{ columns: ['doc_id'], table: 'documents', references: ['doc_id'] }],
  schema: z.object({
    doc_id: text('Document id'),
    paragraph_index: integer('Paragraph the sentence belongs to'),
    sentence_index: integer('0-based index of the sentence within its paragraph'),
    text: text('The sentence exactly as in the source (trailing spaces removed)'),
    char_start: integer('Start in the source, code points'),
    char_end: integer('End (exclusive) in the source, code points'),
  }),
});
