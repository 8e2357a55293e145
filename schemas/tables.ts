import type { TableSpec } from './columns.ts';
import { documents } from './documents.ts';
import { facts } from './facts.ts';
import { ingestErrors } from './ingest_errors.ts';
import { kpis } from './kpis.ts';
import { mentions } from './mentions.ts';
import { paragraphs } from './paragraphs.ts';
import { sentences } from './sentences.ts';
import { speakers } from './speakers.ts';
import { translationChecks } from './translation_checks.ts';
import { validationIssues } from './validation_issues.ts';

/** Every output table, in the order they are written and documented. */
export const outputTables: readonly TableSpec[] = [
  documents,
  ingestErrors,
  speakers,
  paragraphs,
  sentences,
  mentions,
  facts,
  kpis,
  validationIssues,
  translationChecks,
];

/**
 * The tables each of whose rows belongs to one document, named by its doc_id: a rebuild can
 * replace a document's rows in them. The others (ingest_errors, kpis, validation_issues) also
 * hold rows made from every document together, and are written whole.
 */
export const documentTables: ReadonlySet<string> = new Set([documents, speakers, paragraphs, sentences, mentions, facts, translationChecks].map((t) => t.name));
