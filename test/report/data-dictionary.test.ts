import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDictionary } from '../../pipeline/report/data-dictionary.ts';
import { columnsOf } from '../../schemas/columns.ts';
import { outputTables } from '../../schemas/tables.ts';
import { outputViews } from '../../pipeline/write/views.ts';
import { repoRoot } from '../paths.ts';

describe('the data dictionary', () => {
  it('docs/data-dictionary.md is what the schemas generate', () => {
    const committed = readFileSync(path.join(repoRoot, 'docs', 'data-dictionary.md'), 'utf8');
    if (committed !== dataDictionary()) expect.fail('docs/data-dictionary.md is stale: run `make docs` and commit it');
  });

  it('names every table, view and column', () => {
    const text = dataDictionary();
    for (const table of outputTables) {
      expect(text).toContain(`### ${table.name}\n`);
      for (const c of columnsOf(table)) expect(text).toContain(`| \`${c.name}\` | ${c.kind} |`);
    }
    for (const view of outputViews) expect(text).toContain(`### ${view.name}\n`);
  });
});
