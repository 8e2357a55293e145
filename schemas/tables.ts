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
