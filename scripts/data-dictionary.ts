// Writes the data dictionary generated from the table schemas: `make docs` keeps docs/data-dictionary.md current.
import { writeFileSync } from 'node:fs';
import { dataDictionary } from '../pipeline/report/data-dictionary.ts';

const target = process.argv[2] ?? 'docs/data-dictionary.md';
writeFileSync(target, dataDictionary());
console.log(`wrote ${target}`);
