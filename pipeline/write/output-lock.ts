import { linkSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { undoOnInterrupt } from './interrupt.ts';
import { processIsAlive } from './output-folder.ts';

export interface OutputLock {
  file: string;
  release(): void;
}

/** `.OUT.hashkpi-lock` beside OUT, holding the pid of the build that writes OUT. */
export function lockPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.hashkpi-lock`);
}

/**
 * One build at a time per output folder. The lock is a file created exclusively; a lock left by
 * a build that no longer runs (killed, or the machine stopped) is taken over.
 */
export function lockOutputFolder(target: string): OutputLock {
  const file = lockPath(target);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(file)) {
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        stopOnInterrupt();
        try {
          if (holderOf(file) === process.pid) unlinkSync(file);
        } catch {
          // already gone
        }
      };
      const stopOnInterrupt = undoOnInterrupt(release);
      return { file, release };
    }
    const holder = holderOf(file);
    if (holder !== null && processIsAlive(holder)) {
      throw new Error(
        `another build (pid ${holder}) is writing ${target}; wait for it to finish` +
          (holder === process.pid ? '' : `, or delete ${file} if no hashkpi build runs`),
      );
    }
    takeOverStale(file, holder);
  }
  throw new Error(`could not lock ${target}: ${file} keeps changing; is another build starting?`);
}

/** Creates the lock with its pid already in it (written aside, then linked), so no build ever sees it empty. */
function tryCreate(file: string): boolean {
  const draft = `${file}.new-${process.pid}`;
  try {
    writeFileSync(draft, `${process.pid}\n`);
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new Error(`cannot create the lock ${file}: ${(error as Error).message}`);
  } finally {
    rmSync(draft, { force: true });
  }
}

/** The pid in the lock; null when it is gone or holds no pid. */
function holderOf(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Moves the stale lock aside under a name of our own, then deletes it, so two builds taking over
 * the same stale lock cannot delete each other's new one: if what was moved is not the stale lock
 * (another build took over first), it is put back.
 */
function takeOverStale(file: string, stalePid: number | null): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // gone already: the next attempt creates it
  }
  if (holderOf(aside) === stalePid) {
    unlinkSync(aside);
    return;
  }
  try {
    linkSync(aside, file);
  } catch {
    // a third build created a lock meanwhile; it holds it
  }
  unlinkSync(aside);
}
