import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The dataset's version, as datapackage.json states it. */
export const pipelineVersion = '0.2.0';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * A fingerprint of every rule: the sources of the pipeline, its registries and schemas. Cached
 * rows of a document are reused only under the same fingerprint, so a changed cue phrase or unit
 * invalidates them without anyone remembering to bump a version.
 */
export function rulesFingerprint(): string {
  const hash = createHash('sha256').update(pipelineVersion);
  for (const folder of ['pipeline', 'registries', 'schemas']) {
    const files = readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(ts|js|json)$/.test(e.name))
      .map((e) => path.relative(root, path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)).split(path.sep).join('/'))
      .sort();
    for (const file of files) hash.update(file).update('\0').update(readFileSync(path.join(root, file))).update('\0');
  }
  return `${pipelineVersion}+${hash.digest('hex').slice(0, 12)}`;
}
