import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetMarker } from '../../pipeline/write/output-folder.ts';
import { safeOutputFolder } from '../../pipeline/write/safe-output-folder.ts';

let tmp: string;
let places: { cwd: string; home: string };
let input: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'hashkpi-safe-out-'));
  places = { cwd: path.join(tmp, 'work'), home: path.join(tmp, 'home') };
  input = path.join(tmp, 'work', 'transcripts');
  mkdirSync(input, { recursive: true });
  mkdirSync(places.home);
  const make = (folder: string, files: Record<string, string>) => {
    mkdirSync(path.join(tmp, folder), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(tmp, folder, name), text);
  };
  make('notes', { 'ideas.txt': 'mine' });
  make('dataset', { [datasetMarker]: '', 'hashkpi.duckdb': '' });
  make('old-dataset', { 'hashkpi.duckdb': '', 'datapackage.json': '{}' });
  make('repo', { '.git': 'gitdir: elsewhere', [datasetMarker]: '' });
  make('empty', {});
  writeFileSync(path.join(tmp, 'a-file'), 'mine');
  symlinkSync(path.join(tmp, 'dataset'), path.join(tmp, 'link-to-dataset'));
  symlinkSync(path.join(tmp, 'work'), path.join(tmp, 'link-to-work'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const check = (out: string, from = input) => () => safeOutputFolder(out, from, places);

describe('which folder a build may replace', () => {
  it.each([
    ['a new folder', 'new/out'],
    ['an empty folder', 'empty'],
    ['a dataset an earlier build wrote', 'dataset'],
    ['a new folder beside the input', 'work/output'],
    ['a new folder in the home folder', 'home/output'],
  ])('%s', (_what, out) => {
    expect(check(path.join(tmp, out))()).toBe(path.join(tmp, out));
  });

  it.each([
    ['a folder holding a user file', 'notes', /holds files and no hashkpi dataset \(no \.hashkpi-dataset file\)/],
    ['a folder an older hashkpi wrote, without the marker', 'old-dataset', /a dataset of an older hashkpi lacks it, delete that yourself/],
    ['a git repository, even with the marker', 'repo', /is a git repository/],
    ['a file', 'a-file', /is a file, not a folder/],
    ['a symbolic link', 'link-to-dataset', /is a symbolic link/],
    ['the current folder', 'work', /is the current folder/],
    ['a link to the current folder', 'link-to-work', /is a symbolic link/],
    ['the input folder under another name', 'link-to-work/transcripts', /is the input folder/],
    ['the home folder', 'home', /is your home folder/],
    ['the input folder', 'work/transcripts', /is the input folder/],
    ['a folder inside the input', 'work/transcripts/out', /is inside the input folder/],
  ])('refuses %s, in one sentence', (_what, out, why) => {
    expect(check(path.join(tmp, out))).toThrow(why);
    expect(check(path.join(tmp, out))).toThrow(/^refusing --out "[^"]*": it [^;]+; nothing was changed \(give --out a new or empty folder, or one an earlier build wrote\)$/);
  });

  it('refuses a folder that holds the input folder, or the current folder', () => {
    const elsewhere = { cwd: path.join(tmp, 'empty'), home: places.home };
    expect(() => safeOutputFolder(path.join(tmp, 'work'), input, elsewhere)).toThrow(/contains the input folder/);
    expect(() => safeOutputFolder(path.join(tmp, 'work'), path.join(tmp, 'notes'), places)).toThrow(/is the current folder/);
    expect(() => safeOutputFolder(path.join(tmp, 'work'), path.join(tmp, 'notes'), { cwd: input, home: places.home })).toThrow(/contains the current folder/);
  });

  it('refuses the root folder and a folder holding the home folder', () => {
    expect(check('/')).toThrow(/is the root folder/);
    expect(() => safeOutputFolder(tmp, input, { cwd: '/nowhere', home: places.home })).toThrow(/contains your home folder/);
  });

  it('takes an empty --out (make OUT=) for the current folder and refuses it', () => {
    expect(() => safeOutputFolder('', input, { cwd: process.cwd(), home: places.home })).toThrow(/^refusing --out "": it is the current folder/);
  });
});
