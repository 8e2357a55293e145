import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processTranscript } from '../../pipeline/process-transcript.ts';
import { checkDocument, type DocumentForChecks } from '../../pipeline/validate/document-checks.ts';
import { checkRegistry } from '../../registries/checks.ts';
import { validationIssues } from '../../schemas/index.ts';
import { fixtures, sampleCorpus } from '../paths.ts';

function rowsOf(file: string): DocumentForChecks {
  const rows = processTranscript(path.basename(file), readFileSync(file));
  return { document: rows.documents[0], paragraphs: rows.paragraphs, mentions: rows.mentions, facts: rows.facts };
}

const files = [
  ...readdirSync(path.join(fixtures, 'validate')).map((f) => path.join(fixtures, 'validate', f)),
  ...readdirSync(sampleCorpus).map((f) => path.join(sampleCorpus, f)),
];
const docs = files.map(rowsOf).filter((d) => d.document);

describe('check registry', () => {
  it('names each check once, with a description and a severity', () => {
    expect(new Set(checkRegistry.map((c) => c.name)).size).toBe(checkRegistry.length);
    for (const c of checkRegistry) {
      expect(c.description.length).toBeGreaterThan(20);
      expect(['error', 'warning', 'info']).toContain(c.severity);
    }
  });
});

describe('checkDocument', () => {
  it.each(docs.map((d) => [d.document.source_path, d] as const))('%s: rows satisfy the schema, with unique keys and registered checks', (_name, doc) => {
    const issues = checkDocument(doc);
    const names = new Set(checkRegistry.map((c) => c.name));
    const keys = new Set<string>();
    for (const issue of issues) {
      const parsed = validationIssues.schema.strict().safeParse(issue);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(names).toContain(issue.check);
      expect(issue.doc_id).toBe(doc.document.doc_id);
      keys.add([issue.doc_id, issue.check, issue.fact_ids, issue.message].join('|'));
    }
    expect(keys.size).toBe(issues.length);
  });

  it('gives the same issues whatever order the rows come in', () => {
    fc.assert(
      fc.property(fc.constantFrom(...docs), fc.integer(), (doc, seed) => {
        const shuffle = <T>(list: T[]) => fc.sample(fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }), { numRuns: 1, seed })[0];
        const shuffled = { ...doc, paragraphs: shuffle(doc.paragraphs), mentions: shuffle(doc.mentions), facts: shuffle(doc.facts) };
        expect(checkDocument(shuffled)).toEqual(checkDocument(doc));
      }),
      { numRuns: 30 },
    );
  });
});
