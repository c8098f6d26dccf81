/**
 * Gradle and Maven builds as real repositories shape them: tests in source sets and modules of their own,
 * a multi-project build's root script, a BOM, a shared module with no code, a command-line tool.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from '../../src/index.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { analyzed } from '../helpers.js';

const byPath = (model: ArchitectureModel, path: string) => model.containers.find((c) => c.path === path);

describe('a Gradle build of Spring services with tests of their own (ftgo-application)', () => {
  let model: ArchitectureModel;
  analyzed('archmd-jvm-ftgo-', {
    'settings.gradle': 'include "ftgo-common-jpa"\ninclude "ftgo-order-service"\ninclude "ftgo-order-history-service"\ninclude "ftgo-end-to-end-tests"\n',
    'build.gradle': [
      'buildscript {',
      '    dependencies {',
      '        classpath "org.springframework.boot:spring-boot-gradle-plugin:2.2.6.RELEASE"',
      '    }',
      '}',
      'subprojects {',
      '    apply plugin: "java"',
      '}',
      '',
    ].join('\n'),
    'mysql/Dockerfile': 'FROM eventuateio/eventuate-mysql8:0.15.0\nCOPY compile-schema-per-service.sh /docker-entrypoint-initdb.d/4.compile-schema-per-service.sh\n',
    'mysql/compile-schema-per-service.sh': '#!/bin/bash\necho schemas\n',
    'docker-compose.yml': [
      'services:',
      '  mysql:',
      '    build: ./mysql',
      '    ports:',
      '      - 3306:3306',
      '  ftgo-order-service:',
      '    build: ./ftgo-order-service',
      '    ports:',
      '      - "8082:8080"',
      '    depends_on:',
      '      - mysql',
      '  ftgo-order-history-service:',
      '    build: ./ftgo-order-history-service',
      '    ports:',
      '      - "8086:8080"',
      '',
    ].join('\n'),
    'ftgo-common-jpa/build.gradle': 'dependencies {\n    compile "org.springframework.boot:spring-boot-starter-data-jpa:2.2.6.RELEASE"\n}\n',
    'ftgo-common-jpa/src/main/resources/META-INF/orm.xml': '<entity-mappings version="2.0"/>\n',
    'ftgo-order-service/build.gradle': [
      'apply plugin: "org.springframework.boot"',
      'dependencies {',
      '    compile project(":ftgo-common-jpa")',
      '    compile "org.springframework.boot:spring-boot-starter-web:2.2.6.RELEASE"',
      '    compile "mysql:mysql-connector-java:8.0.21"',
      '}',
      '',
    ].join('\n'),
    'ftgo-order-service/Dockerfile': 'FROM openjdk:8u171-jre-alpine\nCOPY build/libs/ftgo-order-service.jar service.jar\nCMD java -jar service.jar\n',
    'ftgo-order-service/src/main/java/net/ftgo/orderservice/OrderServiceMain.java':
      'package net.ftgo.orderservice;\n\nimport org.springframework.boot.SpringApplication;\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n\n@SpringBootApplication\npublic class OrderServiceMain {\n  public static void main(String[] args) {\n    SpringApplication.run(OrderServiceMain.class, args);\n  }\n}\n',
    'ftgo-order-service/src/main/resources/application.properties': 'spring.datasource.url=jdbc:mysql://${DOCKER_HOST_IP:localhost}/ftgo_order_service\n',
    'ftgo-order-history-service/build.gradle': [
      'apply plugin: "org.springframework.boot"',
      'dependencies {',
      '    compile "org.springframework.boot:spring-boot-starter-web:2.2.6.RELEASE"',
      '    compile "com.amazonaws:aws-java-sdk-dynamodb:1.11.158"',
      '}',
      '',
    ].join('\n'),
    'ftgo-order-history-service/Dockerfile': 'FROM openjdk:8u171-jre-alpine\nCOPY build/libs/ftgo-order-history-service.jar service.jar\nCMD java -jar service.jar\n',
    'ftgo-order-history-service/src/main/java/net/ftgo/orderhistory/OrderHistoryServiceMain.java':
      'package net.ftgo.orderhistory;\n\nimport org.springframework.boot.SpringApplication;\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n\n@SpringBootApplication\npublic class OrderHistoryServiceMain {\n  public static void main(String[] args) {\n    SpringApplication.run(OrderHistoryServiceMain.class, args);\n  }\n}\n',
    // its Kubernetes deployment names a datasource (copied from the other services): no driver, no edge
    'ftgo-order-history-service/src/deployment/kubernetes/ftgo-order-history-service.yml': [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: ftgo-order-history-service',
      'spec:',
      '  ports:',
      '  - port: 8080',
      '  selector:',
      '    svc: ftgo-order-history-service',
      '---',
      'apiVersion: extensions/v1beta1',
      'kind: Deployment',
      'metadata:',
      '  name: ftgo-order-history-service',
      'spec:',
      '  template:',
      '    metadata:',
      '      labels:',
      '        svc: ftgo-order-history-service',
      '    spec:',
      '      containers:',
      '      - name: ftgo-order-history-service',
      '        image: msapatterns/ftgo-order-history-service:latest',
      '        env:',
      '          - name: SPRING_DATASOURCE_URL',
      '            value: jdbc:mysql://ftgo-mysql/eventuate',
      '',
    ].join('\n'),
    'ftgo-order-history-service/src/main/resources/application.properties': 'aws.dynamodb.endpoint.url=http://${DOCKER_HOST_IP:localhost}:8000\n',
    // the tests' own settings: a database the contract tests boot against, not the service's
    'ftgo-order-history-service/src/test/resources/application.properties':
      'logging.level.org.hibernate.SQL=DEBUG\nspring.jpa.generate-ddl=true\nstubrunner.stream.enabled=false\n\nspring.datasource.url=jdbc:mysql://${DOCKER_HOST_IP:localhost}/eventuate\n',
    'ftgo-end-to-end-tests/build.gradle': 'dependencies {\n    testCompile "io.rest-assured:rest-assured:3.0.6"\n}\n',
    'ftgo-end-to-end-tests/src/test/java/net/ftgo/endtoendtests/EndToEndTests.java': 'package net.ftgo.endtoendtests;\n\npublic class EndToEndTests {\n}\n',
  }, (m) => (model = m));

  it('draws no database edge from a URL in the tests\' resources; the service whose own settings name it keeps its edge', () => {
    const toMysql = (from: string) => model.relationships.some((r) => r.from === from && r.kind === 'data' && /mysql/.test(r.to));
    assert.equal(toMysql('container:ftgo-order-history-service'), false, JSON.stringify(model.relationships.filter((r) => r.from === 'container:ftgo-order-history-service')));
    assert.equal(toMysql('container:ftgo-order-service'), true);
    assert.doesNotMatch(render(model), /ftgo-order-history-service\*\* serves requests and talks to [^;]*MySQL/);
  });

  it('calls the end-to-end test module tests, not a library', () => {
    assert.equal(byPath(model, 'ftgo-end-to-end-tests')?.role, 'test');
  });

  it('makes no service of the root build script, nor of a Dockerfile that packages a database with its init script', () => {
    assert.equal(byPath(model, ''), undefined, JSON.stringify(byPath(model, '')));
  });

  it('calls the shared module with no code and nothing deploying it a library, with Gradle evidence', () => {
    const jpa = byPath(model, 'ftgo-common-jpa');
    assert.equal(jpa?.kind, 'library');
    assert.ok(jpa?.evidence.some((e) => e.file === 'ftgo-common-jpa/build.gradle' && e.rule === 'gradle manifest'), JSON.stringify(jpa?.evidence));
    assert.ok(!JSON.stringify(model).includes('maven manifest'));
  });
});

describe('a single-project Gradle library with a database image of its own beside it', () => {
  let model: ArchitectureModel;
  analyzed('archmd-jvm-lib-db-', {
    'settings.gradle': 'rootProject.name = "ledger"\n',
    'build.gradle': 'plugins {\n    id "java-library"\n}\ndependencies {\n    api "org.postgresql:postgresql:42.7.3"\n}\n',
    'src/main/java/com/acme/ledger/Ledger.java': 'package com.acme.ledger;\n\npublic class Ledger {}\n',
    'src/main/java/com/acme/ledger/Entry.java': 'package com.acme.ledger;\n\npublic class Entry {}\n',
    'src/main/java/com/acme/ledger/Account.java': 'package com.acme.ledger;\n\npublic class Account {}\n',
    'db/Dockerfile': 'FROM eventuateio/eventuate-postgres:0.15.0\nCOPY init.sql /docker-entrypoint-initdb.d/\n',
    'db/init.sql': 'CREATE TABLE entries (id int);\n',
  }, (m) => (model = m));

  it('is a library: the database image copies only its own folder and builds nothing of the project', () => {
    const root = byPath(model, '');
    assert.equal(root?.kind, 'library', JSON.stringify(root));
    assert.ok(!root?.evidence.some((e) => e.file === 'db/Dockerfile'));
  });
});

describe('a Kotlin Multiplatform library with test source sets, test modules, a BOM and a command-line tool (okhttp)', () => {
  let model: ArchitectureModel;
  analyzed('archmd-jvm-okhttp-', {
    'settings.gradle.kts': [
      'rootProject.name = "okhttp-parent"',
      'include(":okhttp")',
      'include(":okhttp-coroutines")',
      'include(":okhttp-testing-support")',
      'include(":android-test-app")',
      'include(":native-image-tests")',
      'include(":okhttp-hpacktests")',
      'include(":okhttp-osgi")',
      'include(":okcurl")',
      'include(":okhttp-bom")',
      '',
    ].join('\n'),
    'build.gradle.kts': 'plugins {\n  id("com.diffplug.spotless") version "6.25.0" apply false\n}\n',
    'okhttp/build.gradle.kts': [
      'plugins {',
      '  kotlin("multiplatform")',
      '}',
      'kotlin {',
      '  jvm()',
      '  sourceSets {',
      '    val jvmMain by getting {',
      '      dependencies {',
      '        api("com.squareup.okio:okio:3.9.0")',
      '      }',
      '    }',
      '    val jvmTest by getting {',
      '      dependencies {',
      '        implementation("org.jetbrains.kotlinx:kotlinx-serialization-json:1.7.0")',
      '        implementation("org.jetbrains.kotlinx:kotlinx-coroutines-core:1.8.0")',
      '        implementation(project(":okhttp-coroutines"))',
      '        implementation(project(":okhttp-testing-support"))',
      '      }',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n'),
    'okhttp/src/jvmMain/kotlin/okhttp3/OkHttpClient.kt': 'package okhttp3\n\nimport okio.Buffer\n\nclass OkHttpClient {\n  fun newCall(): Call = Call()\n}\n',
    'okhttp/src/jvmMain/kotlin/okhttp3/Call.kt': 'package okhttp3\n\nclass Call\n',
    // helpers of the test source sets, named like any code
    'okhttp/src/jvmTest/kotlin/okhttp3/TestValueFactory.kt':
      'package okhttp3\n\nimport kotlinx.serialization.json.Json\nimport okhttp3.coroutines.executeAsync\nimport okhttp3.testing.PlatformRule\n\nclass TestValueFactory {\n  val platform = PlatformRule()\n}\n',
    'okhttp/src/commonTest/kotlin/okhttp3/UrlComponentEncodingTester.kt': 'package okhttp3\n\nimport okhttp3.testing.PlatformRule\n\nclass UrlComponentEncodingTester\n',
    'okhttp/src/androidHostTest/kotlin/okhttp3/AndroidHostPlatform.kt': 'package okhttp3\n\nimport okhttp3.coroutines.executeAsync\n\nclass AndroidHostPlatform\n',
    'okhttp-coroutines/build.gradle.kts': 'plugins {\n  kotlin("jvm")\n}\ndependencies {\n  api(project(":okhttp"))\n  api("org.jetbrains.kotlinx:kotlinx-coroutines-core:1.8.0")\n}\n',
    'okhttp-coroutines/src/main/kotlin/okhttp3/coroutines/ExecuteAsync.kt': 'package okhttp3.coroutines\n\nimport okhttp3.Call\n\nsuspend fun Call.executeAsync() = Unit\n',
    'okhttp-testing-support/build.gradle.kts': 'plugins {\n  kotlin("jvm")\n}\ndependencies {\n  api(project(":okhttp"))\n}\n',
    'okhttp-testing-support/src/main/kotlin/okhttp3/testing/PlatformRule.kt': 'package okhttp3.testing\n\nimport okhttp3.OkHttpClient\n\nclass PlatformRule {\n  val client = OkHttpClient()\n}\n',
    'android-test-app/build.gradle.kts': 'plugins {\n  id("com.android.application")\n  kotlin("android")\n}\ndependencies {\n  implementation(project(":okhttp"))\n  implementation("androidx.appcompat:appcompat:1.7.0")\n}\n',
    'android-test-app/src/main/AndroidManifest.xml': '<manifest xmlns:android="http://schemas.android.com/apk/res/android">\n  <application>\n    <activity android:name=".MainActivity" android:exported="true"/>\n  </application>\n</manifest>\n',
    'android-test-app/src/main/kotlin/okhttp/android/testapp/MainActivity.kt': 'package okhttp.android.testapp\n\nimport okhttp3.OkHttpClient\n\nclass MainActivity {\n  val client = OkHttpClient()\n}\n',
    'android-test-app/src/androidTest/kotlin/okhttp/android/testapp/PublicSuffixDatabase.kt': 'package okhttp.android.testapp\n\nclass PublicSuffixDatabase\n',
    'native-image-tests/build.gradle.kts': 'plugins {\n  kotlin("jvm")\n}\ndependencies {\n  implementation(project(":okhttp"))\n}\n',
    'native-image-tests/src/test/kotlin/okhttp3/nativeimage/RunTests.kt': 'package okhttp3.nativeimage\n\nimport okhttp3.OkHttpClient\n\nfun main() {\n  OkHttpClient()\n}\n',
    'okhttp-hpacktests/build.gradle.kts': 'plugins {\n  kotlin("jvm")\n}\ndependencies {\n  testImplementation(project(":okhttp"))\n}\n',
    'okhttp-hpacktests/src/test/java/okhttp3/internal/http2/hpackjson/Story.java': 'package okhttp3.internal.http2.hpackjson;\n\nimport okhttp3.OkHttpClient;\n\npublic class Story {}\n',
    // a module named for nothing that compiles only tests
    'okhttp-osgi/build.gradle.kts': 'plugins {\n  kotlin("jvm")\n}\ndependencies {\n  testImplementation(project(":okhttp"))\n}\n',
    'okhttp-osgi/src/test/kotlin/okhttp3/osgi/OsgiBundles.kt': 'package okhttp3.osgi\n\nimport okhttp3.OkHttpClient\n\nclass OsgiBundles\n',
    'okcurl/build.gradle.kts': [
      'plugins {',
      '  kotlin("jvm")',
      '}',
      'dependencies {',
      '  api(project(":okhttp"))',
      '  implementation("com.github.ajalt.clikt:clikt:5.0.3")',
      '}',
      'tasks.jar {',
      '  manifest {',
      '    attributes("Main-Class" to "okhttp3.curl.MainCommandLineKt")',
      '  }',
      '}',
      '',
    ].join('\n'),
    'okcurl/src/main/kotlin/okhttp3/curl/MainCommandLine.kt': 'package okhttp3.curl\n\nimport com.github.ajalt.clikt.core.main\n\nfun main(args: Array<String>) {\n  Main().main(args)\n}\n',
    'okcurl/src/main/kotlin/okhttp3/curl/Main.kt': 'package okhttp3.curl\n\nimport com.github.ajalt.clikt.core.CliktCommand\nimport okhttp3.OkHttpClient\n\nclass Main : CliktCommand(name = "okcurl") {\n  val client = OkHttpClient()\n  override fun run() {}\n}\n',
    'okhttp-bom/build.gradle.kts': 'plugins {\n  id("java-platform")\n}\ndependencies {\n  constraints {\n    api(project(":okhttp"))\n    api(project(":okcurl"))\n  }\n}\n',
  }, (m) => (model = m));

  it("reads the test source sets' imports as tests: okhttp depends on no module its tests use, and no cycle", () => {
    const okhttpDeps = model.relationships.filter((r) => r.from === 'container:okhttp').map((r) => r.to);
    assert.deepEqual(okhttpDeps, []);
    assert.ok(!model.cycles.some((c) => JSON.stringify(c).includes('okhttp-coroutines')), JSON.stringify(model.cycles));
    const modules = model.components.filter((c) => c.containerId === 'container:okhttp').map((c) => c.path);
    assert.ok(!modules.some((p) => /Test\b/.test(p ?? '')), JSON.stringify(modules));
  });

  it("takes a test source set's dependencies as the tests', not okhttp's technologies", () => {
    const okhttp = byPath(model, 'okhttp');
    assert.ok(!okhttp?.technologies.includes('kotlinx-serialization'), JSON.stringify(okhttp?.technologies));
  });

  it('calls the test harnesses tests: by a test word in their name, and by compiling only src/test', () => {
    for (const path of ['android-test-app', 'native-image-tests', 'okhttp-hpacktests', 'okhttp-osgi']) {
      const c = byPath(model, path);
      assert.ok(!c || c.role === 'test', `${path}: ${JSON.stringify(c)}`);
    }
    assert.doesNotMatch(render(model), /Mobile application|\*\*Frontend\*\*: Android/);
  });

  it('calls the module with a main function and a CLI library a command-line tool', () => {
    assert.equal(byPath(model, 'okcurl')?.kind, 'cli');
  });

  it('leaves out the BOM and the root build script: neither is code of the system', () => {
    assert.equal(byPath(model, 'okhttp-bom'), undefined);
    assert.equal(byPath(model, ''), undefined);
  });
});

describe('a Gradle application at the root of a multi-project build, with a library module', () => {
  let model: ArchitectureModel;
  analyzed('archmd-jvm-root-app-', {
    'settings.gradle': 'rootProject.name = "inventory"\ninclude "inventory-model"\n',
    'build.gradle': 'plugins {\n    id "org.springframework.boot" version "3.3.0"\n}\ndependencies {\n    implementation project(":inventory-model")\n    implementation "org.springframework.boot:spring-boot-starter-web:3.3.0"\n}\n',
    'src/main/java/com/acme/inventory/InventoryApplication.java':
      'package com.acme.inventory;\n\nimport org.springframework.boot.SpringApplication;\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n\n@SpringBootApplication\npublic class InventoryApplication {\n  public static void main(String[] args) {\n    SpringApplication.run(InventoryApplication.class, args);\n  }\n}\n',
    'src/main/java/com/acme/inventory/StockController.java':
      'package com.acme.inventory;\n\nimport org.springframework.web.bind.annotation.GetMapping;\nimport org.springframework.web.bind.annotation.RestController;\n\n@RestController\npublic class StockController {\n  @GetMapping("/stock")\n  public String stock() { return "0"; }\n}\n',
    'src/main/java/com/acme/inventory/StockService.java': 'package com.acme.inventory;\n\npublic class StockService {}\n',
    'inventory-model/build.gradle': 'plugins {\n    id "java-library"\n}\n',
    'inventory-model/src/main/java/com/acme/inventory/model/Item.java': 'package com.acme.inventory.model;\n\npublic class Item {}\n',
  }, (m) => (model = m));

  it('keeps the root project, with its build script, when code of its own sits beside it', () => {
    const root = byPath(model, '');
    assert.equal(root?.kind, 'service', JSON.stringify(root));
    assert.ok(root?.evidence.some((e) => e.file === 'build.gradle'), JSON.stringify(root?.evidence));
    assert.equal(byPath(model, 'inventory-model')?.kind, 'library');
  });
});
