/**
 * What a build must undo when it is interrupted (SIGINT, SIGTERM): remove its staging folder, put
 * the previous dataset back, release its lock. The undo steps run synchronously, newest first,
 * then the signal is raised again so the process ends as interrupted (exit status 130 or 143).
 */
const undoSteps: (() => void)[] = [];
const signals = ['SIGINT', 'SIGTERM'] as const;

function onSignal(signal: NodeJS.Signals): void {
  const steps = undoSteps.splice(0).reverse();
  const undo = () => {
    for (const step of steps) {
      try {
        step();
      } catch {
        // the next build finishes what could not be undone here (see recoverOutputFolder)
      }
    }
  };
  undo();
  // file operations already handed to the thread pool (a writer's mkdir) may still land after the
  // undo: give them a moment, with no JavaScript running, and undo again (every step is idempotent)
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 150);
  undo();
  for (const s of signals) process.removeListener(s, onSignal);
  process.kill(process.pid, signal);
  // no more JavaScript until the signal ends the process
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5_000);
}

/** Runs `undo` if the process is interrupted before the returned function is called. */
export function undoOnInterrupt(undo: () => void): () => void {
  if (undoSteps.length === 0) for (const s of signals) process.on(s, onSignal);
  undoSteps.push(undo);
  return () => {
    const at = undoSteps.indexOf(undo);
    if (at >= 0) undoSteps.splice(at, 1);
    if (undoSteps.length === 0) for (const s of signals) process.removeListener(s, onSignal);
  };
}
