import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readWith, reader, claims } from './read.js';

const FIX = 'infra-compose-microservices';

test('dotenv: names with lines, URL schemes and hosts, never values', () => {
  const facts = readWith('dotenv', FIX, '.env.example');
  assert.deepEqual(facts.env, [
    { name: 'DATABASE_URL', line: 2, scheme: 'postgres' },
    { name: 'REDIS_URL', line: 3, scheme: 'redis', host: 'cache.internal' },
    { name: 'STRIPE_SECRET_KEY', line: 4 },
    { name: 'SENTRY_DSN', line: 5 },
  ]);
  const json = JSON.stringify(facts);
  assert.ok(!json.includes('changeme-please') && !json.includes('sk_test'));
  assert.equal(facts.environments, undefined, '.env.example names no environment');
});

test('dotenv: .env.<environment> names an environment', () => {
  const facts = readWith('dotenv', FIX, '.env.production');
  assert.deepEqual(facts.environments, [{ name: 'production', via: '.env file', line: 1 }]);
  assert.deepEqual(facts.env![1], { name: 'API_URL', line: 2, scheme: 'https', host: 'api.shop.example.com' });
});

test('dotenv: <environment>.env names an environment too, other names do not', () => {
  assert.deepEqual(reader('dotenv').read('deploy/staging.env', 'A=1\n').environments, [{ name: 'staging', via: '.env file', line: 1 }]);
  assert.equal(reader('dotenv').read('docker/postgres.env', 'A=1\n').environments, undefined);
  assert.equal(reader('dotenv').read('.env.local', 'A=1\n').environments, undefined);
});

test('dotenv: which files it claims', () => {
  const r = reader('dotenv');
  for (const p of ['.env', '.env.local', 'api/.env.sample', 'docker/postgres.env']) assert.ok(claims(r, p, ''), p);
  for (const p of ['.envrc', 'env.ts', '.environment']) assert.ok(!claims(r, p, ''), p);
});
