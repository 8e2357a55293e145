import { existsSync, lstatSync, readdirSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { datasetMarker } from './output-folder.ts';

/** Folders a build must never replace, whatever is in them. */
export interface ProtectedPlaces {
  cwd: string;
  home: string;
}

/**
 * The absolute path a build may replace with its dataset, or an error whose message is the one
 * sentence that says why not. A build replaces OUT whole, so OUT must be absent, empty, or a
 * dataset an earlier build wrote (it has the marker); and never the input, `/`, the home folder,
 * the current folder or a git repository, nor a folder holding one of them.
 */
export function safeOutputFolder(out: string, input: string, places: ProtectedPlaces = { cwd: process.cwd(), home: os.homedir() }): string {
  const refuse = (why: string) =>
    new Error(`refusing --out ${JSON.stringify(out)}: it ${why}; nothing was changed (give --out a new or empty folder, or one an earlier build wrote)`);
  const given = path.resolve(out);
  const link = lstatOrNull(given);
  if (link?.isSymbolicLink()) throw refuse('is a symbolic link (give the folder it points to, if that is what you mean)');
  const target = realPath(given);
  const source = realPath(path.resolve(input));
  if (path.parse(target).root === target) throw refuse('is the root folder');
  const named: [string, string][] = [
    [realPath(path.resolve(places.home)), 'your home folder'],
    [realPath(path.resolve(places.cwd)), 'the current folder'],
    [source, 'the input folder'],
  ];
  for (const [place, name] of named) {
    if (place === target) throw refuse(`is ${name}`);
    if (isInside(place, target)) throw refuse(`contains ${name}`);
  }
  if (isInside(target, source)) throw refuse(`is inside the input folder ${input}, whose transcripts a build reads`);
  if (!link) return target;
  if (!link.isDirectory()) throw refuse('is a file, not a folder');
  if (existsSync(path.join(target, '.git'))) throw refuse('is a git repository');
  let entries: string[];
  try {
    entries = readdirSync(target);
  } catch (error) {
    throw refuse(`cannot be read (${(error as Error).message})`);
  }
  if (entries.length > 0 && !entries.includes(datasetMarker)) {
    const older = entries.includes('hashkpi.duckdb') ? `: a dataset of an older hashkpi lacks it, delete that yourself` : '';
    throw refuse(`holds files and no hashkpi dataset (no ${datasetMarker} file${older})`);
  }
  return target;
}

/** Whether `inner` lies strictly inside `outer`. */
function isInside(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/** The real path of `file`, resolving links in the part of it that exists. */
function realPath(file: string): string {
  const missing: string[] = [];
  let existing = file;
  for (;;) {
    let real: string;
    try {
      real = realpathSync(existing);
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return file;
      missing.push(path.basename(existing));
      existing = parent;
      continue;
    }
    return path.join(real, ...missing.reverse());
  }
}

function lstatOrNull(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}
