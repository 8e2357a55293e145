import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtDataset } from '../built-dataset.ts';
import { repoRoot } from '../paths.ts';
import { queryDuckDb } from '../read-dataset.ts';

/** The ```sql blocks of the README's walkthrough, the queries a user copies first. */
function walkthroughQueries(): string[] {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Walkthrough\n');
  if (start < 0) throw new Error('README.md: expected a "## Walkthrough" section');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1].trim());
}

const dataset = builtDataset();

describe("the README's example queries", () => {
  const queries = walkthroughQueries();

  it('are there: hash rate by quarter, disagreeing values, values with quotes', () => {
    expect(queries.length).toBeGreaterThanOrEqual(3);
    expect(queries.some((q) => q.includes('kpi_wide'))).toBe(true);
    expect(queries.some((q) => q.includes('disagreeing > 0'))).toBe(true);
    expect(queries.some((q) => q.includes('fact_sources'))).toBe(true);
  });

  it.each(queries.map((q) => [q.split('\n')[0], q] as const))('%s … returns rows on the sample dataset', async (_first, sql) => {
    const rows = await queryDuckDb(dataset.out, sql);
    expect(rows.length).toBeGreaterThan(0);
  });
});
