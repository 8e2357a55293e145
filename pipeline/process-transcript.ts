import type { Row } from '../schemas/columns.ts';
import type { facts, ingestErrors, mentions, translationChecks, validationIssues } from '../schemas/index.ts';
import { classifyFacts } from './extract/facts.ts';
import type { CallCalendar } from './extract/period.ts';
import { extractQuantities } from './extract/quantity.ts';
import { factRows, mentionRows } from './extract/rows.ts';
import { nonFiniteRow, withoutNonFinite } from './extract/non-finite.ts';
import type { TranscriptDocument } from './ingest/transcript.ts';
import { ingestTranscript } from './ingest/ingest.ts';
import { CodePointIndex } from './ingest/source-text.ts';
import type { IngestProblem } from './ingest/transcript.ts';
import { segmentRows, type SegmentRows } from './segment/rows.ts';
import { segmentTranscript } from './segment/segment.ts';
import { checkDocument } from './validate/document-checks.ts';
import { checkTranslation } from './validate/translation.ts';
import { budgetFor, OverBudget, WorkBudget } from './work-budget.ts';

/** Every row one document yields; documents are processed on their own, so workers need no locks. */
export interface DocumentRows extends SegmentRows {
  sha256: string;
  ingest_errors: Row<typeof ingestErrors>[];
  mentions: Row<typeof mentions>[];
  facts: Row<typeof facts>[];
  validation_issues: Row<typeof validationIssues>[];
  translation_checks: Row<typeof translationChecks>[];
}

export interface ProcessOptions {
  /** milliseconds the file may take, by default budgetFor(its size); tests give less */
  budgetMs?: number;
}

/** ingest → segment → extract (quantities in canonical units, then facts) → validate, for one file. */
export function processTranscript(sourcePath: string, bytes: Uint8Array, options: ProcessOptions = {}): DocumentRows {
  const budget = new WorkBudget(options.budgetMs ?? budgetFor(bytes.length));
  try {
    return processWithin(sourcePath, bytes, budget);
  } catch (error) {
    if (!(error instanceof OverBudget)) throw error;
    return noDocument([overBudgetRow(sourcePath, bytes.length, error)]);
  }
}

function processWithin(sourcePath: string, bytes: Uint8Array, budget: WorkBudget): DocumentRows {
  const { document, problems } = ingestTranscript(sourcePath, bytes);
  const errors = problems.map(problemRow);
  if (!document) return noDocument(errors);
  budget.check('reading the file');
  const segmented = segmentTranscript(document);
  budget.check('splitting it into turns, paragraphs and sentences');
  const codePoints = new CodePointIndex(document.text);
  const { kept: found, rejected } = withoutNonFinite(
    segmented.paragraphs.map((paragraph) => {
      budget.check('finding quantities');
      return {
        paragraph,
        en: paragraph.textEn ? extractQuantities(paragraph.textEn, 'en') : [],
        zh: paragraph.textZh ? extractQuantities(paragraph.textZh, 'zh') : [],
      };
    }),
  );
  if (rejected.length) errors.push(nonFiniteRow(sourcePath, document.docId, rejected));
  const drafts = classifyFacts(segmented, new Map(found.map((f) => [f.paragraph.index, f.en])), calendarOf(document));
  budget.check('reading facts');
  const rows = segmentRows(segmented, codePoints);
  const checked = { document: rows.documents[0], paragraphs: rows.paragraphs, mentions: mentionRows(document, found, codePoints), facts: factRows(document, drafts, codePoints) };
  budget.check('making rows');
  const validationIssues = checkDocument(checked, budget);
  const translationChecks = checkTranslation(checked);
  budget.check('the translation checks');
  return {
    sha256: document.sha256,
    ...rows,
    ingest_errors: errors,
    mentions: checked.mentions,
    facts: checked.facts,
    validation_issues: validationIssues,
    translation_checks: translationChecks,
  };
}

/** A file that took longer than its budget: skipped (its rows would be incomplete), and the next build tries again. */
function overBudgetRow(sourcePath: string, size: number, error: OverBudget): Row<typeof ingestErrors> {
  return {
    source_path: sourcePath,
    problem: 'over_budget',
    severity: 'error',
    message:
      `${sourcePath}: processing took longer than its budget of ${Math.round(error.limitMs / 1000)} s for ${(size / 1e6).toFixed(1)} MB ` +
      `(stopped after ${Math.round(error.spentMs / 1000)} s, in ${error.step}); skipped.; the next build tries it again.`,
    action: 'skipped',
    doc_id: null,
  };
}

/** The call's fiscal calendar: its quarter, that quarter's days and the month its fiscal year ends. */
function calendarOf(document: TranscriptDocument): CallCalendar | null {
  const { fiscalYear, fiscalQuarter, quarterEnd, fiscalYearEndMonth, callDate } = document.metadata;
  if (!fiscalYear || !fiscalQuarter || !quarterEnd || !fiscalYearEndMonth) return null;
  return { year: fiscalYear, quarter: fiscalQuarter, quarterEnd, fiscalYearEndMonth, callDate };
}

/** The rows of a file that gave no document (unreadable, empty, not a transcript): only its problems. */
export function noDocument(errors: Row<typeof ingestErrors>[]): DocumentRows {
  return { sha256: '', documents: [], speakers: [], paragraphs: [], sentences: [], ingest_errors: errors, mentions: [], facts: [], validation_issues: [], translation_checks: [] };
}

export function problemRow(p: IngestProblem): Row<typeof ingestErrors> {
  return { source_path: p.sourcePath, problem: p.problem, severity: p.severity, message: p.message, action: p.action, doc_id: p.docId };
}
