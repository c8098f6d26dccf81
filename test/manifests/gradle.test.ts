import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dep, readerFor, readFixture } from './read.js';

const F = 'manifest-gradle-kotlin';

test('settings.gradle.kts: root project name and included projects as folders', () => {
  const [m] = readFixture(F, 'settings.gradle.kts').manifests!;
  assert.deepEqual(m, { ecosystem: 'maven', name: 'acme-inventory', workspaces: ['app', 'lib', 'tools/migrations'], line: 1 });
});

test('build.gradle.kts: plugins, string coordinates, kotlin(), project(), platform skipped, libs references kept for the catalog, comments ignored', () => {
  const facts = readFixture(F, 'app/build.gradle.kts');
  const [m] = facts.manifests!;
  assert.equal(m.kind, 'application');
  assert.equal(m.version, '0.1.0');
  assert.equal(m.description, 'Inventory service');
  assert.deepEqual(m.entryPoints, [{ name: 'main', target: 'com.acme.inventory.ApplicationKt', line: 14 }]);
  assert.deepEqual(m.localDependencies, [{ name: ':lib', line: 18 }]);
  assert.deepEqual(dep(facts, 'org.springframework.boot:spring-boot-starter-webflux'), {
    ecosystem: 'maven',
    name: 'org.springframework.boot:spring-boot-starter-webflux',
    scope: 'runtime',
    line: 20,
  });
  assert.deepEqual(dep(facts, 'org.jetbrains.kotlin:kotlin-reflect'), { ecosystem: 'maven', name: 'org.jetbrains.kotlin:kotlin-reflect', scope: 'runtime', line: 22 });
  assert.deepEqual(dep(facts, 'org.postgresql:r2dbc-postgresql'), {
    ecosystem: 'maven',
    name: 'org.postgresql:r2dbc-postgresql',
    version: '1.0.5.RELEASE',
    scope: 'runtime',
    line: 23,
  });
  assert.equal(dep(facts, 'org.mapstruct:mapstruct-processor')?.scope, 'build');
  assert.deepEqual(dep(facts, 'org.springframework.boot:spring-boot-starter-test'), {
    ecosystem: 'maven',
    name: 'org.springframework.boot:spring-boot-starter-test',
    scope: 'test',
    line: 26,
  });
  assert.deepEqual(dep(facts, 'org.springframework.boot:org.springframework.boot.gradle.plugin'), {
    ecosystem: 'maven',
    name: 'org.springframework.boot:org.springframework.boot.gradle.plugin',
    scope: 'build',
    line: 4,
  });
  assert.equal(dep(facts, 'org.jetbrains.kotlin.plugin.spring:org.jetbrains.kotlin.plugin.spring.gradle.plugin')?.line, 3);
  assert.equal(dep(facts, 'org.springframework.boot:spring-boot-dependencies'), undefined);
  assert.equal(dep(facts, 'com.example:commented-out'), undefined);
  // a catalog accessor is kept as a reference, resolved against gradle/libs.versions.toml once every file is read
  assert.ok(facts.dependencies!.filter((d) => d.name.startsWith('libs.')).every((d) => d.catalogRef === true));
});

test('build.gradle (Groovy): quoted coordinates, map notation, compileOnly is build, java-library is a library', () => {
  const facts = readFixture(F, 'lib/build.gradle');
  assert.equal(facts.manifests![0].kind, 'library');
  assert.deepEqual(
    facts.dependencies!.map((d) => [d.name, d.version, d.scope, d.line]),
    [
      ['com.google.guava:guava', '33.2.1-jre', 'runtime', 6],
      ['org.slf4j:slf4j-api', '2.0.13', 'runtime', 7],
      ['org.projectlombok:lombok', '${lombokVersion}', 'build', 8],
      ['org.junit.jupiter:junit-jupiter', '5.10.2', 'test', 9],
    ],
  );
});

test('version catalog: libraries with version.ref, group/name and string forms; plugins as build', () => {
  const facts = readFixture(F, 'gradle/libs.versions.toml');
  assert.deepEqual(facts.dependencies, [
    { ecosystem: 'maven', name: 'org.apache.kafka:kafka-clients', version: '3.7.0', scope: 'runtime', line: 6, catalogAlias: 'kafka-clients' },
    { ecosystem: 'maven', name: 'com.fasterxml.jackson.module:jackson-module-kotlin', version: '2.17.1', scope: 'runtime', line: 7, catalogAlias: 'jackson-kotlin' },
    { ecosystem: 'maven', name: 'io.mockk:mockk', version: '1.13.11', scope: 'runtime', line: 8, catalogAlias: 'mockk' },
    { ecosystem: 'maven', name: 'org.jlleitschuh.gradle.ktlint:org.jlleitschuh.gradle.ktlint.gradle.plugin', version: '12.1.1', scope: 'build', line: 14 },
  ]);
});

test('malformed version catalog warns; garbage build scripts do not throw', () => {
  const r = readerFor('gradle/libs.versions.toml').read('gradle/libs.versions.toml', '[libraries\nx = 1');
  assert.match(r.warnings![0].message, /^malformed version catalog: [^\n]+$/);
  for (const f of ['build.gradle', 'settings.gradle.kts']) {
    assert.doesNotThrow(() => readerFor(f).read(f, '/* unterminated\n\u0000 implementation("'));
  }
});

test('settings.gradle (Groovy): include lists continued after a trailing comma, includeBuild', () => {
  const text = "rootProject.name = 'shop'\ninclude 'api',\n        'core:model'\ninclude ':web' // the UI\nincludeBuild('build-logic')\n";
  assert.deepEqual(readerFor('settings.gradle').read('settings.gradle', text).manifests![0].workspaces, ['api', 'core/model', 'web', 'build-logic']);
});

test('build.gradle: several coordinates after trailing commas, versions from script variables', () => {
  const text = [
    'def grpcVersion = "1.83.1"',
    'dependencies {',
    '    implementation "io.grpc:grpc-stub:${grpcVersion}",',
    '            "io.grpc:grpc-netty:$grpcVersion"',
    '    runtimeOnly "org.postgresql:postgresql:${pgVersion}"',
    '}',
  ].join('\n');
  assert.deepEqual(
    readerFor('build.gradle').read('build.gradle', text).dependencies!.map((d) => [d.name, d.version, d.scope, d.line]),
    [
      ['io.grpc:grpc-stub', '1.83.1', 'runtime', 3],
      ['io.grpc:grpc-netty', '1.83.1', 'runtime', 4],
      ['org.postgresql:postgresql', '${pgVersion}', 'runtime', 5],
    ],
  );
});

test('root build script: plugins declared with apply false are build dependencies but give no kind', () => {
  const facts = readFixture(F, 'build.gradle.kts');
  assert.equal(facts.manifests![0].kind, undefined);
  assert.equal(dep(facts, 'org.springframework.boot:org.springframework.boot.gradle.plugin')?.version, '3.3.1');
});

test('mainClass counts only in application/springBoot blocks or at top level, not in a JavaExec task', () => {
  const text = [
    'tasks.register<JavaExec>("generate") {',
    '    mainClass.set("com.acme.tools.Generator")',
    '}',
    'springBoot {',
    '    mainClass.set("com.acme.App")',
    '}',
  ].join('\n');
  assert.deepEqual(readerFor('build.gradle.kts').read('build.gradle.kts', text).manifests![0].entryPoints, [{ name: 'main', target: 'com.acme.App', line: 5 }]);
  assert.equal(readerFor('build.gradle.kts').read('build.gradle.kts', text.split('\n').slice(0, 3).join('\n')).manifests![0].entryPoints, undefined);
});

test('plugins applied through catalog aliases: an application or library accessor says what the module is', () => {
  const read = (text: string) => readerFor('app/build.gradle.kts').read('app/build.gradle.kts', text).manifests?.[0]?.kind;
  assert.equal(read('plugins {\n    alias(libs.plugins.nowinandroid.android.application)\n    alias(libs.plugins.kotlin.serialization)\n}\n'), 'application');
  assert.equal(read('plugins {\n    alias(libs.plugins.android.library)\n}\n'), 'library');
  assert.equal(read('plugins {\n    alias(libs.plugins.android.application) apply false\n    alias(libs.plugins.kotlin.jvm)\n}\n'), undefined);
});

test("build.gradle.kts: a test source set's dependencies (jvmTest, commonTest, getByName(\"androidTest\")) are the tests'", () => {
  const text = [
    'kotlin {', //                                                       1
    '  sourceSets {',
    '    commonMain {',
    '      dependencies {',
    '        api("com.squareup.okio:okio:3.9.0")', //                    5
    '      }',
    '    }',
    '    val jvmTest by getting {',
    '      dependencies {',
    '        implementation("org.jetbrains.kotlinx:kotlinx-serialization-json:1.7.0")', // 10
    '        implementation(libs.kotlinx.coroutines.core)',
    '      }',
    '    }',
    '    commonTest {',
    '      dependencies {', //                                         15
    '        implementation("org.jetbrains.kotlin:kotlin-test:2.0.0")',
    '      }',
    '    }',
    '    getByName("androidTest") {',
    '      dependencies {',
    '        implementation("androidx.test:runner:1.6.0")',
    '      }',
    '    }',
    '  }',
    '}',
    'dependencies {',
    '  implementation("com.github.ajalt.clikt:clikt:5.0.0")',
    '}',
  ].join('\n');
  const facts = readerFor('build.gradle.kts').read('okhttp/build.gradle.kts', text);
  const scopes = Object.fromEntries((facts.dependencies ?? []).map((d) => [d.name, d.scope]));
  assert.equal(scopes['com.squareup.okio:okio'], 'runtime');
  assert.equal(scopes['org.jetbrains.kotlinx:kotlinx-serialization-json'], 'test');
  assert.equal(scopes['libs.kotlinx.coroutines.core'], 'test');
  assert.equal(scopes['org.jetbrains.kotlin:kotlin-test'], 'test');
  assert.equal(scopes['androidx.test:runner'], 'test');
  assert.equal(scopes['com.github.ajalt.clikt:clikt'], 'runtime');
});
