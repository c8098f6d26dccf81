import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dep, readerFor, readFixture } from './read.js';

const F = 'manifest-maven-multimodule';

test('parent pom: modules, Spring Boot parent is a dependency, dependencyManagement is not', () => {
  const facts = readFixture(F, 'pom.xml');
  const [m] = facts.manifests!;
  assert.equal(m.name, 'com.acme:shop-parent');
  assert.equal(m.line, 13);
  assert.equal(m.version, '1.0.0-SNAPSHOT');
  assert.equal(m.description, 'Acme shop backend');
  assert.deepEqual(m.workspaces, ['common', 'orders-service']);
  assert.deepEqual(m.runtimes, [{ name: 'java', version: '21', line: 24 }]);
  assert.deepEqual(facts.dependencies, [
    { ecosystem: 'maven', name: 'org.springframework.boot:spring-boot-starter-parent', version: '3.3.1', scope: 'runtime', line: 8 },
  ]);
});

test('module pom: groupId inherited, scopes, local parent, build plugins', () => {
  const facts = readFixture(F, 'orders-service/pom.xml');
  const [m] = facts.manifests!;
  assert.equal(m.name, 'com.acme:orders-service');
  assert.equal(m.kind, 'application');
  assert.deepEqual(m.localDependencies, [{ name: 'com.acme:shop-parent', path: '..', line: 6 }]);
  assert.deepEqual(dep(facts, 'org.springframework.boot:spring-boot-starter-web'), {
    ecosystem: 'maven',
    name: 'org.springframework.boot:spring-boot-starter-web',
    scope: 'runtime',
    line: 16,
  });
  assert.deepEqual(dep(facts, 'org.postgresql:postgresql'), { ecosystem: 'maven', name: 'org.postgresql:postgresql', scope: 'runtime', line: 20 });
  assert.equal(dep(facts, 'com.acme:common')?.version, '1.0.0-SNAPSHOT', '${project.version} resolves to the inherited version');
  assert.equal(dep(facts, 'org.projectlombok:lombok')?.scope, 'optional');
  assert.equal(dep(facts, 'jakarta.servlet:jakarta.servlet-api')?.scope, 'build');
  assert.deepEqual(dep(facts, 'org.springframework.boot:spring-boot-starter-test'), {
    ecosystem: 'maven',
    name: 'org.springframework.boot:spring-boot-starter-test',
    scope: 'test',
    line: 40,
  });
  assert.deepEqual(dep(facts, 'org.springframework.boot:spring-boot-maven-plugin'), {
    ecosystem: 'maven',
    name: 'org.springframework.boot:spring-boot-maven-plugin',
    scope: 'build',
    line: 49,
  });
});

test('a parent without relativePath or an empty one is neither local nor a dependency', () => {
  const facts = readFixture(F, 'common/pom.xml');
  assert.equal(facts.manifests![0].name, 'com.acme:common');
  assert.equal(facts.manifests![0].localDependencies, undefined);
  assert.deepEqual(
    facts.dependencies!.map((d) => [d.name, d.line]),
    [['com.fasterxml.jackson.core:jackson-databind', 14]],
  );
});

test('malformed pom.xml warns with the XML error on one line', () => {
  const r = readerFor('pom.xml').read('svc/pom.xml', '<project>\n  <dependencies>\n</project>\n');
  assert.equal(r.warnings!.length, 1);
  assert.equal(r.warnings![0].file, 'svc/pom.xml');
  assert.match(r.warnings![0].message, /^malformed pom\.xml: [^\n]+line 3/);
  assert.match(readerFor('pom.xml').read('pom.xml', '<settings/>').warnings![0].message, /no <project> element/);
  assert.doesNotThrow(() => readerFor('pom.xml').read('pom.xml', '\u0000\u0001'));
});

test('a commented-out dependency never takes the line of the real one', () => {
  const pom = [
    '<project>',
    '  <groupId>g</groupId><artifactId>a</artifactId>',
    '  <dependencies>',
    '    <!-- <dependency><groupId>x</groupId><artifactId>redis</artifactId></dependency> -->',
    '    <dependency>',
    '      <groupId>io.lettuce</groupId>',
    '      <artifactId>redis</artifactId>',
    '    </dependency>',
    '  </dependencies>',
    '</project>',
  ].join('\n');
  assert.deepEqual(readerFor('pom.xml').read('pom.xml', pom).dependencies, [{ ecosystem: 'maven', name: 'io.lettuce:redis', scope: 'runtime', line: 7 }]);
});
