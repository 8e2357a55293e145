import { z } from 'zod';
import { defineTable, integer, text } from './columns.ts';

export const speakers = defineTable({
  name: 'speakers',
  description: 'One row per person (or operator) who speaks in a document.',
  grain: 'speaker of a document',
  key: ['doc_id', 'speaker_index'],
  primaryKey: ['doc_id', 'speaker_index'],
  foreignKeys: [{ columns: ['doc_id'], table: 'documents', references: ['doc_id'] }],
  schema: z.object({
    doc_id: text('Document id'),
    speaker_index: integer('0-based order in which the speaker first speaks'),
    name: text('Name as the transcript writes it (a firm standing in for an analyst is resolved to the analyst where the participant list allows)'),
    title: text('Title or, for analysts, the title the transcript gives').nullable(),
    organization: text('Company for executives; the firm for analysts (from the participant list or the operator\'s introduction)').nullable(),
    role: z.enum(['executive', 'analyst', 'operator', 'investor_relations']).describe('executive, analyst, operator or investor_relations'),
    turns: integer('Number of turns the speaker takes'),
  }),
});
