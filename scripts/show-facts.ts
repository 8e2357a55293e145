import { DuckDBInstance } from '@duckdb/node-api';
const [db, where] = [process.argv[2], process.argv[3] ?? 'true'];
const i = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' }); const c = await i.connect();
const r = await c.runAndReadAll(`select f.ticker, metric, value, value_high, unit, period, basis, change_kind ck, entity, quote, substr(sentence, 1, 0) from facts f where ${where} order by doc_id, char_start`);
for (const row of r.getRows()) console.log(row.slice(0, 10).map(v => v ?? '').join(' | '));
