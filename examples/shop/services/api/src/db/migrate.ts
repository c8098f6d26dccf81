import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pool } from './pool.js';

// Plain SQL files applied in name order; each runs once, tracked in schema_migrations.
const dir = join(import.meta.dirname, 'migrations');

await pool.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
for (const name of (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort()) {
  const { rowCount } = await pool.query('SELECT 1 FROM schema_migrations WHERE name = $1', [name]);
  if (rowCount) continue;
  await pool.query(await readFile(join(dir, name), 'utf8'));
  await pool.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
  console.log(`applied ${name}`);
}
await pool.end();
