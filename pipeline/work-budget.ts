/**
 * The time one file may take to process: every stage is linear (or n log n) in its text, so a
 * file over this is pathological, and it is reported and skipped rather than holding up the build.
 * Generous: a normal 1 MB call takes about a second; the budget of 1 MB is 66 s, of 50 MB six minutes.
 */
export function budgetFor(bytes: number): number {
  return 60_000 + (bytes / 1_000_000) * 6_000;
}

/** Thrown between two steps of processing once the budget is spent; processTranscript turns it into a row. */
export class OverBudget extends Error {
  constructor(
    readonly step: string,
    readonly limitMs: number,
    readonly spentMs: number,
  ) {
    super(`over its budget of ${limitMs} ms after ${Math.round(spentMs)} ms, in ${step}`);
  }
}

/** A deadline checked between steps: the stages cannot be interrupted inside, so each step stays bounded. */
export class WorkBudget {
  private readonly started = performance.now();

  constructor(readonly limitMs: number) {}

  check(step: string): void {
    const spent = performance.now() - this.started;
    if (spent > this.limitMs) throw new OverBudget(step, this.limitMs, spent);
  }
}
