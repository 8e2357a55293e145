import { z } from 'zod';
import { defineTable, text } from './columns.ts';

export const ingestErrors = defineTable({
  name: 'ingest_errors',
  description: 'One row per problem with an input file: which file, what is wrong, what the build did with it.',
  grain: 'problem with an input file',
  key: ['source_path', 'problem'],
  primaryKey: ['source_path', 'problem'],
  foreignKeys: [{ columns: ['doc_id'], table: 'documents', references: ['doc_id'] }],
  schema: z.object({
    source_path: text('Path of the file relative to the input folder; a folder ends with /'),
    problem: text('Short code: empty, binary, undecodable, unreadable, symlink, not_a_transcript, duplicate, same_call (a second transcript of one company and quarter), no_speakers, truncated, no_metadata, over_budget (processing exceeded its time budget), non_finite_number (a number too large to hold)'),
    severity: text('error (a file or folder that may hold a transcript was skipped), warning (a file that is no transcript was skipped, or a transcript was processed but check it) or info'),
    message: text('What is wrong, in a sentence naming the file'),
    action: text('What the build did: skipped, processed, processed_once'),
    doc_id: text('Document id when the file was processed or duplicates one that was').nullable(),
  }),
});
