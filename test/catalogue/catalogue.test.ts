/** The catalogue is data: these tests keep it well-formed, so that a typo cannot become a wrong claim. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { technologies } from '../../src/catalogue/index.js';
import { CATEGORIES, type MatcherKind } from '../../src/catalogue/types.js';

const categories = new Set<string>(CATEGORIES);

function values(kind: MatcherKind): { id: string; value: string }[] {
  return technologies.flatMap((t) => (t.match[kind] ?? []).map((value) => ({ id: t.id, value })));
}

function assertAll(kind: MatcherKind, ok: (v: string) => boolean, what: string): void {
  const bad = values(kind).filter(({ value }) => !ok(value));
  assert.deepEqual(bad, [], `${kind} values that are not ${what}`);
}

test('has at least 850 technologies', () => {
  assert.ok(technologies.length >= 850, `only ${technologies.length}`);
});

test('ids are unique kebab-case', () => {
  const seen = new Set<string>();
  const dupes = technologies.filter((t) => (seen.has(t.id) ? true : (seen.add(t.id), false))).map((t) => t.id);
  assert.deepEqual(dupes, []);
  const bad = technologies.filter((t) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(t.id)).map((t) => t.id);
  assert.deepEqual(bad, []);
});

test('every technology has a name, a known category and (except bare languages and runtimes) a matcher', () => {
  for (const t of technologies) {
    assert.ok(t.name.trim().length > 0, t.id);
    assert.ok(categories.has(t.category), `${t.id}: unknown category ${t.category}`);
    const matcherCount = Object.values(t.match).reduce((n, list) => n + (list?.length ?? 0), 0);
    if (matcherCount === 0) assert.ok(t.category === 'language' || t.category === 'runtime', `${t.id} has no matcher`);
  }
});

test('every implied id exists and nothing implies itself', () => {
  const ids = new Set(technologies.map((t) => t.id));
  for (const t of technologies) {
    for (const implied of t.implies ?? []) {
      assert.ok(ids.has(implied), `${t.id} implies unknown ${implied}`);
      assert.notEqual(implied, t.id);
    }
  }
});

test('no matcher value has whitespace or is empty, and none repeats within one technology', () => {
  for (const t of technologies) {
    for (const [kind, list] of Object.entries(t.match)) {
      for (const v of list ?? []) assert.ok(v.length > 0 && !/\s/.test(v), `${t.id} ${kind} "${v}"`);
      assert.equal(new Set(list).size, list.length, `${t.id} repeats a ${kind} value`);
    }
  }
});

test('matcher values are well-formed for their kind', () => {
  assertAll('npm', (v) => /^(@[a-z0-9][\w.-]*\/)?([a-z0-9][\w.-]*\*?|\*)(\/[a-z0-9][\w.-]*)*$/.test(v) && v === v.toLowerCase(), 'npm names, or subpaths as imported');
  assertAll('pypi', (v) => /^[A-Za-z0-9][\w.-]*\*?$/.test(v), 'PyPI names');
  assertAll('go', (v) => /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/[\w.~-]+)*$/i.test(v), 'module paths with a dot in the first segment');
  assertAll('maven', (v) => /^[\w.-]+:([\w.-]+\*?|\*)$/.test(v), 'group:artifact');
  assertAll('nuget', (v) => /^[A-Za-z0-9][\w.-]*\*?$/.test(v), 'NuGet ids');
  assertAll('cargo', (v) => /^[a-z0-9][\w-]*\*?$/.test(v), 'crate names');
  assertAll('gem', (v) => /^[a-z0-9][\w.-]*\*?$/i.test(v), 'gem names');
  assertAll('composer', (v) => /^[a-z0-9][\w.-]*\/[a-z0-9][\w.-]*\*?$/.test(v), 'vendor/package');
  assertAll('image', (v) => !/[:@A-Z]/.test(v) && !/^[^/]*\./.test(v.includes('/') ? v : '') && !v.startsWith('library/'), 'image names without registry or tag');
  assertAll('terraformProvider', (v) => /^[a-z0-9-]+$/.test(v), 'provider short names');
  assertAll('terraformResource', (v) => /^[a-z0-9]+_[a-z0-9_]*\*?$/.test(v), 'resource types');
  assertAll('cloudformation', (v) => /^(AWS|Alexa)::[A-Za-z0-9]+::([A-Za-z0-9]+|\*)$/.test(v), 'AWS::Service::Type');
  assertAll('githubAction', (v) => /^[\w.-]+\/[\w.-]+(\/[\w.-]+)*$/.test(v) && !v.includes('@'), 'owner/repo without a version');
  assertAll('env', (v) => /^[A-Z][A-Z0-9_]*$/.test(v), 'upper-case variable names');
  assertAll('urlScheme', (v) => /^[a-z][a-z0-9+.-]*$/.test(v), 'lower-case URL schemes');
  assertAll('file', (v) => !v.startsWith('/') && !v.startsWith('./') && !v.endsWith('/'), 'relative file patterns');
});

test('generic environment names that prove nothing are not used', () => {
  // framework templates (Laravel's .env.example, config/database.php) list datastore settings whether or not the store is used
  const generic = new Set(['PORT', 'HOST', 'DATABASE_URL', 'API_KEY', 'SECRET_KEY', 'NODE_ENV', 'DEBUG', 'URL', 'TOKEN', 'REDIS_HOST', 'REDIS_URL', 'REDIS_PASSWORD', 'DB_HOST', 'POSTGRES_PASSWORD', 'MYSQL_DATABASE', 'MONGO_URL', 'MEMCACHED_HOST', 'AWS_ACCESS_KEY_ID', 'AWS_REGION', 'MAIL_HOST']);
  assert.deepEqual(values('env').filter(({ value }) => generic.has(value)), []);
});

test('every ecosystem kind has real breadth', () => {
  const minimum: Partial<Record<MatcherKind, number>> = {
    npm: 300, pypi: 150, go: 60, maven: 80, nuget: 50, cargo: 30, gem: 50, composer: 40, image: 120, file: 150,
    terraformProvider: 25, terraformResource: 60, cloudformation: 25, githubAction: 40, urlScheme: 12, env: 30,
  };
  for (const [kind, min] of Object.entries(minimum) as [MatcherKind, number][]) {
    const count = technologies.filter((t) => (t.match[kind] ?? []).length > 0).length;
    assert.ok(count >= min, `${kind}: ${count} technologies, want at least ${min}`);
  }
});

test('every category is used', () => {
  const used = new Set(technologies.map((t) => t.category));
  assert.deepEqual(CATEGORIES.filter((c) => !used.has(c)), []);
});
