import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDataset } from '../pipeline/run.ts';
import { annotatedCalls, errorClasses, meanOf, readBuiltDocument, readGoldRows, readScoringCalendars, scoreCall, type CallScore, type Figures } from './real-calls.ts';

/**
 * The real calls first: builds every transcript of the real corpus that has a gold file and
 * scores it by the contract's strict rule. Used by `make eval` and by the regression guard.
 */
export async function scoreRealCorpus(corpus: string): Promise<CallScore[]> {
  if (!annotatedCalls(corpus).length) return [];
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'hashkpi-eval-'));
  try {
    const out = path.join(tmp, 'out');
    await buildDataset({ input: corpus, out, jobs: Math.min(2, os.availableParallelism()), strict: false });
    return scoreBuiltCorpus(corpus, out);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Scores a dataset already built from the real corpus into `out`. */
export function scoreBuiltCorpus(corpus: string, out: string): CallScore[] {
  const calendars = readScoringCalendars(path.join(corpus, 'gold'));
  return annotatedCalls(corpus).map(({ transcript, gold, call }) => {
    const text = readFileSync(transcript, 'utf8');
    const built = readBuiltDocument(out, path.basename(transcript));
    return scoreCall(path.basename(transcript), text, readGoldRows(gold, text), built.facts, built.mentions, calendars.get(call) ?? null);
  });
}

const f3 = (x: number) => x.toFixed(3);
const prf = (f: Figures) => `${f3(f.precision)} ${f3(f.recall)} ${f3(f.f1)}`;

export function printRealScores(scores: CallScore[], verbose: boolean, log: (line: string) => void = console.log): void {
  const width = Math.max(4, ...scores.map((s) => s.call.length));
  log(`Real calls (the measure): facts judged against ../shared/corpus/gold by the contract's rule`);
  log(`${'call'.padEnd(width)}  gold pred  quantity P R F1    kpi P R F1         strict P R F1      period  basis`);
  for (const s of scores) {
    log(`${s.call.padEnd(width)}  ${String(s.gold).padStart(4)} ${String(s.predicted).padStart(4)}  ${prf(s.quantity)}  ${prf(s.kpi)}  ${prf(s.strict)}  ${`${s.periodEquivalent}/${s.kpiMatched}`.padStart(6)} ${`${s.basisSame}/${s.kpiMatched}`.padStart(6)}`);
  }
  const matched = scores.reduce((n, s) => n + s.kpiMatched, 0);
  const pct = (n: number) => (matched ? ((100 * n) / matched).toFixed(1) : '0.0') + '%';
  log(`${'mean'.padEnd(width)}  ${String(scores.reduce((n, s) => n + s.gold, 0)).padStart(4)} ${String(scores.reduce((n, s) => n + s.predicted, 0)).padStart(4)}  ${prf(meanOf(scores, (s) => s.quantity))}  ${prf(meanOf(scores, (s) => s.kpi))}  ${prf(meanOf(scores, (s) => s.strict))}  ${pct(scores.reduce((n, s) => n + s.periodEquivalent, 0)).padStart(6)} ${pct(scores.reduce((n, s) => n + s.basisSame, 0)).padStart(6)}`);
  log(`(period and basis: of the matched kpi facts, how many have the annotated period, by the contract's equivalence, and the annotated basis; the mean row gives P/R/F1 as means over calls and pools the counts)`);

  const levels = new Map<string, { predicted: number; right: number }>();
  for (const s of scores) for (const c of s.byConfidence) {
    const level = levels.get(c.confidence) ?? { predicted: 0, right: 0 };
    level.predicted += c.predicted;
    level.right += c.right;
    levels.set(c.confidence, level);
  }
  if (levels.size > 1 || !levels.has('')) {
    log('');
    log(`strict precision by confidence: ${[...levels].map(([level, { predicted, right }]) => `${level || '(none)'} ${right}/${predicted} = ${predicted ? f3(right / predicted) : '-'}`).join(', ')}`);
    const kept = scores[0]?.atConfidence.map((a) => a.levels) ?? [];
    log(`mean strict P R F1 keeping only: ${kept.map((levels) => `${levels} ${prf(meanOf(scores, (s) => s.atConfidence.find((a) => a.levels === levels)!.strict))}`).join('; ')}`);
  }

  const errors = scores.flatMap((s) => s.errors.map((e) => ({ ...e, call: s.call })));
  log('');
  log('Errors by class (gold: annotated facts not right; extra: written facts not right)');
  for (const side of ['gold', 'extra'] as const) {
    const counts = errorClasses.map((c) => `${c} ${errors.filter((e) => e.side === side && e.errorClass === c).length}`).filter((t) => !t.endsWith(' 0'));
    log(`  ${side.padEnd(5)} ${errors.filter((e) => e.side === side).length}: ${counts.join(', ')}`);
  }
  log('Errors by metric');
  const metrics = [...new Set(errors.map((e) => e.metric))].sort();
  for (const metric of metrics) {
    const of = errors.filter((e) => e.metric === metric);
    const parts = errorClasses.map((c) => [c, of.filter((e) => e.errorClass === c).length] as const).filter(([, n]) => n);
    log(`  ${metric.padEnd(22)} ${String(of.length).padStart(3)}  ${parts.map(([c, n]) => `${c} ${n}`).join(', ')}`);
  }
  if (!verbose) {
    log('(make eval VERBOSE=1 lists every error with its sentence)');
    return;
  }
  for (const s of scores) {
    log('');
    log(`== ${s.call}`);
    for (const e of s.errors) {
      log(`${e.side === 'gold' ? 'GOLD ' : 'EXTRA'} ${e.errorClass.padEnd(12)} @${e.start}`);
      if (e.gold) log(`    gold:  ${e.gold}`);
      if (e.predicted) log(`    wrote: ${e.predicted}`);
      log(`    in:    ${e.sentence.length > 400 ? e.sentence.slice(0, 400) + '…' : e.sentence}`);
    }
  }
}
