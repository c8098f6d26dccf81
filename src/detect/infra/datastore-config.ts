/**
 * The database an application is configured for, where frameworks say it in a config file rather than in
 * a URL: Prisma's datasource provider, Rails' database.yml adapter, Django's ENGINE, Spring's JDBC URL,
 * Sequelize's dialect, Laravel's DB_CONNECTION. The value is a kind of database, never a credential.
 */
import type { Reader } from '../facts.js';
import { lineAt, lineStarts } from '../lines.js';

/** Framework spellings of a database kind, to the URL scheme the catalogue knows it by. */
const KIND: Record<string, string> = {
  postgresql: 'postgresql', postgres: 'postgresql', pgsql: 'postgresql', postgis: 'postgresql', 'postgresql_psycopg2': 'postgresql',
  mysql: 'mysql', mysql2: 'mysql', trilogy: 'mysql', mariadb: 'mariadb', sqlite: 'sqlite', sqlite3: 'sqlite',
  sqlserver: 'sqlserver', mssql: 'sqlserver', sqlsrv: 'sqlserver', oracle: 'oracle', mongodb: 'mongodb', cockroachdb: 'cockroachdb',
};


type Found = { scheme: string; via: string; line: number; database?: string }[];

function collect(text: string, re: RegExp, via: string, group = 1): Found {
  const out: Found = [];
  for (const m of text.matchAll(re)) {
    const scheme = KIND[m[group].toLowerCase()];
    if (scheme && !out.some((f) => f.scheme === scheme)) out.push({ scheme, via, line: lineAt(lineStarts(text), m.index ?? 0) });
  }
  return out;
}

/** Only comments-free lines: a commented-out adapter is not the one in use. */
function uncommented(text: string, marker: string): string {
  return text
    .split('\n')
    .map((l) => (l.trimStart().startsWith(marker) ? '' : l))
    .join('\n');
}

export const datastoreConfigReader: Reader = {
  id: 'datastore-config',
  fileNames: ['schema.prisma', 'database.yml', 'config.json', 'application.properties', 'application.yml', 'application.yaml', '.env.example', '.env.sample', '.env.dist'],
  patterns: [/(^|\/)settings(\/[^/]+|[._-][^/]*)?\.py$/, /(^|\/)application-[\w-]+\.(properties|ya?ml)$/, /(^|\/)prisma\/schema\/[^/]+\.prisma$/],
  read(path, text) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    let found: Found = [];
    if (base.endsWith('.prisma')) {
      found = collect(uncommented(text, '//'), /datasource\s+\w+\s*\{[^}]*?provider\s*=\s*"(\w+)"/g, 'Prisma datasource provider');
    } else if (base === 'database.yml' && /(^|\/)config\/database\.yml$/.test(path)) {
      found = collect(uncommented(text, '#'), /^[ \t]*adapter:[ \t]*["']?(\w+)/gm, 'Rails database.yml adapter');
    } else if (base === 'config.json' && /(^|\/)config\/config\.json$/.test(path)) {
      found = collect(text, /"dialect"\s*:\s*"(\w+)"/g, 'Sequelize config dialect');
    } else if (base.endsWith('.py')) {
      found = collect(uncommented(text, '#'), /["']ENGINE["']\s*:\s*["']django\.(?:contrib\.gis\.)?db\.backends\.(\w+)["']/g, 'Django DATABASES ENGINE');
    } else if (/^application(-[\w-]+)?\.(properties|ya?ml)$/.test(base)) {
      const config = uncommented(text, '#');
      found = collect(config, /jdbc:(\w+):/g, 'Spring JDBC URL');
      // the database a URL names tells services on one server apart: each may keep its own there; every one
      // it names counts (a data loader's spring.datasource.product.url and .media.url reach two services' data)
      const databases = [...new Set([...config.matchAll(/jdbc:\w+:\/\/[^/\s?;]+\/([\w-]+)/g)].map((m) => m[1]))];
      if (databases.length && found.length === 1) {
        const [only] = found;
        found = databases.map((database) => ({ ...only, database }));
      }
      if (/spring\.data\.mongodb|mongodb:\s*$|data:\s*\n\s+mongodb:/m.test(text)) found.push({ scheme: 'mongodb', via: 'Spring Data MongoDB settings', line: lineAt(lineStarts(text), text.search(/mongodb/)) });
    } else if (base.startsWith('.env')) {
      found = collect(uncommented(text, '#'), /^DB_CONNECTION=["']?(\w+)/gm, 'DB_CONNECTION setting');
    }
    return found.length ? { datastores: found } : {};
  },
};
