import { z } from 'zod';
import { defineTable, text } from './columns.ts';

export const validationIssues = defineTable({
  name: 'validation_issues',
  description: 'One row per problem a check found: which check, how severe, what it concerns.',
  grain: 'problem a check found',
  key: ['doc_id', 'check', 'fact_ids', 'message'],
  schema: z.object({
    doc_id: text('Document the problem is in; empty for a dataset-wide problem'),
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
