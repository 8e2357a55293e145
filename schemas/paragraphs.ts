import { z } from 'zod';
import { defineTable, integer, text } from './columns.ts';

export const paragraphs = defineTable({
  name: 'paragraphs',
  description: 'One row per content paragraph: English text and, in bilingual transcripts, its Chinese translation, with exact spans in the source.',
  grain: 'content paragraph',
  key: ['doc_id', 'paragraph_index'],
  primaryKey: ['doc_id', 'paragraph_index'],
  foreignKeys: [{ columns: ['doc_id'], table: 'documents', references: ['doc_id'] }],
  schema: z.object({
    doc_id: text('Document id'),
    paragraph_index: integer('0-based index among the English content paragraphs (prepared remarks and Q&A); summary paragraphs follow them'),
    section: z.enum(['summary', 'prepared_remarks', 'qa']).describe('summary (the Chinese summary block), prepared_remarks or qa'),
    speaker: text('Who speaks the paragraph').nullable(),
    speaker_role: text('Role of the speaker').nullable(),
    turn_index: integer('0-based index of the speaker turn the paragraph belongs to').nullable(),
    text_en: text('English text exactly as in the source').nullable(),
    text_zh: text('Chinese translation exactly as in the source, for bilingual transcripts').nullable(),
    char_start: integer('Start of the English text in the source, in code points of the decoded text (BOM removed)').nullable(),
    char_end: integer('End (exclusive) of the English text in the source').nullable(),
    zh_char_start: integer('Start of the Chinese text in the source').nullable(),
    zh_char_end: integer('End (exclusive) of the Chinese text in the source').nullable(),
  }),
});
