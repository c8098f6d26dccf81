/** Database kinds chosen in framework config files, and the comments and secrets that must not count. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { datastoreConfigReader } from '../../src/detect/infra/datastore-config.js';

const read = (path: string, text: string) => datastoreConfigReader.read(path, text).datastores ?? [];

it('reads the Prisma datasource provider with its line', () => {
  const schema = '// datasource old { provider = "mysql" }\ngenerator client {\n  provider = "prisma-client-js"\n}\n\ndatasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n';
  assert.deepEqual(read('prisma/schema.prisma', schema), [{ scheme: 'postgresql', via: 'Prisma datasource provider', line: 6 }]);
});

it('reads the Rails adapter, ignoring a commented-out one', () => {
  const yml = 'default: &default\n  # adapter: sqlite3\n  adapter: postgresql\n  encoding: unicode\n';
  assert.deepEqual(read('config/database.yml', yml), [{ scheme: 'postgresql', via: 'Rails database.yml adapter', line: 3 }]);
  assert.deepEqual(read('docs/database.yml', yml), [], 'only config/database.yml is Rails');
});

it('reads Django ENGINE, Spring JDBC URLs and Laravel DB_CONNECTION without keeping values', () => {
  assert.equal(read('shop/settings.py', "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'PASSWORD': 'hunter2'}}")[0].scheme, 'postgresql');
  assert.equal(read('src/main/resources/application.properties', 'spring.datasource.url=jdbc:mysql://db:3306/app\nspring.datasource.password=hunter2\n')[0].scheme, 'mysql');
  const env = read('.env.example', 'APP_NAME=Laravel\nDB_CONNECTION=mysql\nDB_PASSWORD=hunter2\n');
  assert.deepEqual(env, [{ scheme: 'mysql', via: 'DB_CONNECTION setting', line: 2 }]);
  assert.ok(!JSON.stringify(env).includes('hunter2'));
});

it('keeps every database a Spring config names, one entry each (a loader filling two services\' databases)', () => {
  const props = 'spring.datasource.product.url=jdbc:postgresql://localhost:5432/product\nspring.datasource.media.url=jdbc:postgresql://localhost:5432/media\n';
  const found = read('sampledata/src/main/resources/application.properties', props);
  assert.deepEqual(found.map((f) => [f.scheme, f.database]), [['postgresql', 'product'], ['postgresql', 'media']]);
});
