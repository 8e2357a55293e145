import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The dataset is written into a fresh sibling folder and renamed into place at the end, so a
 * failed build leaves the previous dataset whole and never a half-written one.
 */
export async function withAtomicFolder<T>(out: string, write: (dir: string) => Promise<T>): Promise<T> {
  const target = path.resolve(out);
  const staging = `${target}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    const result = await write(staging);
    const previous = `${target}.old-${process.pid}`;
    const exists = await stat(target).then(() => true, () => false);
    if (exists) await rename(target, previous);
    await rename(staging, target);
    if (exists) await rm(previous, { recursive: true, force: true });
    return result;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
