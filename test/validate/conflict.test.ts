import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processTranscript } from '../../pipeline/process-transcript.ts';
import { checkConflicts } from '../../pipeline/validate/checks/conflict.ts';
import type { DocumentForChecks } from '../../pipeline/validate/document-checks.ts';
import { fixtures } from '../paths.ts';

const rows = processTranscript('THSH-2025Q2.conflict.wire.txt', readFileSync(path.join(fixtures, 'validate', 'THSH-2025Q2.conflict.wire.txt')));
const doc: DocumentForChecks = { document: rows.documents[0], paragraphs: rows.paragraphs, mentions: rows.mentions, facts: rows.facts };
const held = doc.facts.filter((f) => f.metric === 'btc_held');

describe('conflict', () => {
  it('reports two speakers giving different holdings for one date, once', () => {
    const issues = checkConflicts(doc);
    expect(issues).toHaveLength(1);
    expect(issues[0].fact_ids?.split(';').sort()).toEqual(held.map((f) => f.fact_id).sort());
  });

  it('reports one issue per KPI however often each figure is repeated', () => {
    const repeated = [...doc.facts, ...held.map((f, i) => ({ ...f, fact_id: `${f.fact_id}-again`, char_start: f.char_start + 1000 + i, sentence: `${f.sentence} (again)` }))];
    const issues = checkConflicts({ ...doc, facts: repeated });
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(/\(twice\)/);
  });

  it('takes two figures said in one sentence for two things, not a contradiction', () => {
    const together = doc.facts.map((f) => (f.metric === 'btc_held' ? { ...f, paragraph_index: held[0].paragraph_index, sentence: held[0].sentence } : f));
    expect(checkConflicts({ ...doc, facts: together })).toEqual([]);
  });

  it('does not compare a bound with a figure', () => {
    const bounded = doc.facts.map((f) => (f.fact_id === held[1].fact_id ? { ...f, qualifier: 'over' } : f));
    expect(checkConflicts({ ...doc, facts: bounded })).toEqual([]);
  });
});
