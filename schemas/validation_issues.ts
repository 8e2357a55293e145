import { z } from 'zod';
import { defineTable, text } from './columns.ts';

export const validationIssues = defineTable({
  name: 'validation_issues',
  description: 'One row per problem a check found: which check, how severe, what it concerns.',
  grain: 'problem a check found',
  key: ['doc_id', 'check', 'fact_ids', 'message'],
  // no primary key: a dataset-wide problem has no document, and a problem may concern no fact
  foreignKeys: [{ columns: ['doc_id'], table: 'documents', references: ['doc_id'] }],
  schema: z.object({
    doc_id: text('Document the problem is in; null for a dataset-wide problem').nullable(),
    check: text('Name of the check in the check registry'),
    severity: z.enum(['error', 'warning', 'info']).describe('error, warning or info'),
    message: text('What is wrong, in a sentence'),
    metric: text('Metric concerned').nullable(),
    fact_ids: text('Facts concerned, ; separated').nullable(),
    mention_ids: text('Quantity mentions concerned, ; separated: for a translation check the English mention, then its Chinese counterpart').nullable(),
    expected: text('What the check expected').nullable(),
    actual: text('What it found').nullable(),
  }),
});
