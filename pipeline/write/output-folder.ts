import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { undoOnInterrupt } from './interrupt.ts';

/** The file the writer puts in every dataset: a build replaces only a folder that has it (or an empty one). */
export const datasetMarker = '.hashkpi-dataset';

export const datasetMarkerText =
  'This folder is a dataset written by hashkpi. The next build into it replaces the whole folder: keep nothing else here.\n';

/**
 * The folders a build keeps beside OUT, named after it so a user sees whose they are:
 * `.OUT.hashkpi-staging-<pid>` (the new dataset being written) and `.OUT.hashkpi-previous-<pid>`
 * (the old one, set aside for the instant of the swap).
 */
export type Sibling = 'staging' | 'previous';

export function siblingPath(target: string, kind: Sibling, pid = process.pid): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.hashkpi-${kind}-${pid}`);
}

/** Whether a process with this id runs (one of another user counts: it cannot be signalled, but it is there). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The steps of the swap, in order; a test hook runs before each, and a failure there is that step failing. */
export const swapSteps = ['set-previous-aside', 'move-new-into-place', 'remove-previous'] as const;
export type SwapStep = (typeof swapSteps)[number];

export interface SwapOptions {
  /** called before each step of the swap (tests inject failures and kills here) */
  beforeStep?: (step: SwapStep) => void | Promise<void>;
  /** where a leftover that could not be removed is reported */
  log?: (line: string) => void;
}

/**
 * Writes the new dataset into a staging folder beside `target` and swaps it in with two renames:
 * old → `.OUT.hashkpi-previous-<pid>`, staging → OUT, then the old one is deleted. Whatever
 * instant the build stops at, one whole dataset is there: a failure or an interrupt before the
 * second rename puts the old one back; a kill between the renames leaves it set aside, and the
 * next build puts it back (recoverOutputFolder). Once the new dataset is in place the build has
 * succeeded, even if deleting the old one fails (the next build deletes it).
 *
 * The caller holds the lock of `target` and has checked that it may be replaced.
 */
export async function withAtomicFolder<T>(target: string, write: (staging: string) => Promise<T>, options: SwapOptions = {}): Promise<T> {
  const staging = siblingPath(target, 'staging');
  const previous = siblingPath(target, 'previous');
  let state: 'writing' | 'previous-aside' | 'new-in-place' = 'writing';
  // on a failure or an interrupt: back to the old dataset, or, once the new one is in place, on to the end
  const undo = () => {
    if (state === 'new-in-place') {
      rmSync(previous, { recursive: true, force: true });
      return;
    }
    if (state === 'previous-aside' && !existsSync(target)) {
      try {
        renameSync(previous, target);
      } catch {
        return; // the old dataset stays set aside, and the next build puts it back
      }
    }
    rmSync(staging, { recursive: true, force: true });
  };
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const stopUndoOnInterrupt = undoOnInterrupt(undo);
  try {
    const result = await write(staging);
    await options.beforeStep?.('set-previous-aside');
    const hadPrevious = lstatOrNull(target) !== null;
    if (hadPrevious) {
      renameSync(target, previous);
      state = 'previous-aside';
    }
    await options.beforeStep?.('move-new-into-place');
    renameSync(staging, target);
    state = 'new-in-place';
    if (hadPrevious) {
      try {
        await options.beforeStep?.('remove-previous');
        rmSync(previous, { recursive: true, force: true });
      } catch (error) {
        options.log?.(`hashkpi: the new dataset is in ${target}; the previous one could not be deleted (${errorText(error)}) and is left in ${previous} until the next build`);
      }
    }
    return result;
  } catch (error) {
    try {
      undo();
    } catch {
      // what is left over is finished by the next build (recoverOutputFolder); the failure to report is the first one
    }
    throw error;
  } finally {
    stopUndoOnInterrupt();
  }
}

/**
 * Finishes what an interrupted or killed build left beside `target`: puts a dataset that was set
 * aside back when OUT is missing, and deletes staging folders and set-aside datasets of builds
 * that no longer run. Called by a build holding the lock of `target`, so its own pid is no build.
 */
export function recoverOutputFolder(target: string, log?: (line: string) => void): void {
  const parent = path.dirname(target);
  const prefix = `.${path.basename(target)}.hashkpi-`;
  const leftovers = readdirSync(parent)
    .flatMap((name) => {
      const m = name.startsWith(prefix) ? /^(staging|previous)-(\d+)$/.exec(name.slice(prefix.length)) : null;
      return m ? [{ kind: m[1] as Sibling, pid: Number(m[2]), path: path.join(parent, name) }] : [];
    })
    .filter(({ pid }) => pid === process.pid || !processIsAlive(pid));
  for (const leftover of leftovers) {
    if (leftover.kind === 'previous' && lstatOrNull(target) === null) {
      renameSync(leftover.path, target);
      log?.(`hashkpi: ${target} was missing after an interrupted build; the previous dataset was put back from ${path.basename(leftover.path)}`);
    } else {
      rmSync(leftover.path, { recursive: true, force: true });
    }
  }
}

function lstatOrNull(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
