import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isToolConfigFile, isVendored, roleOf, testOnlyModules } from '../../src/scan/classify.js';

test('a folder named for its tests holds tests, whatever prefixes the name', () => {
  assert.equal(roleOf('api_tests/src/post.spec.ts'), 'test');
  assert.equal(roleOf('services/e2e-tests/login.ts'), 'test');
  assert.equal(roleOf('integration_tests/test_orders.py'), 'test');
  assert.equal(roleOf('attestations/sign.go'), 'main');
  assert.equal(roleOf('latest/notes.ts'), 'main');
  // modules that only test the library beside them, and Maven's integration-test source sets
  assert.equal(roleOf('test-jpms/src/main/java/module-info.java'), 'test');
  assert.equal(roleOf('recommendation/src/it/resources/application.properties'), 'test');
  assert.equal(roleOf('app/src/integrationTest/kotlin/OrdersIT.kt'), 'test');
  assert.equal(roleOf('contest/entries.ts'), 'main');
});

test("a web root's scripts folder holds the pages' code; a scripts folder elsewhere is tooling", () => {
  assert.equal(roleOf('apollo-portal/src/main/resources/static/scripts/app.js'), 'main');
  assert.equal(roleOf('p/scripts/main.js'), 'main');
  assert.equal(roleOf('scripts/release.sh'), 'tooling');
  assert.equal(roleOf('backend/scripts/seed.py'), 'tooling');
});

test('code generators are tooling, not parts of the system', () => {
  assert.equal(roleOf('src/recommendation/genproto/requirements.in'), 'tooling');
  assert.equal(roleOf('tools/codegen/main.go'), 'tooling');
});

test("Gradle's build logic (buildSrc, an included build-logic) builds the project; it is tooling", () => {
  assert.equal(roleOf('build-logic/convention/src/main/kotlin/AndroidApplicationConventionPlugin.kt'), 'tooling');
  assert.equal(roleOf('buildSrc/src/main/kotlin/Versions.kt'), 'tooling');
  assert.equal(roleOf('core/data/src/main/kotlin/Repo.kt'), 'main');
});

test('a Go package named doc is code; Go snippets in a docs site are not', () => {
  assert.equal(roleOf('doc/man_docs.go'), 'main');
  assert.equal(roleOf('doc/man_docs_test.go'), 'test');
  assert.equal(roleOf('doc/README.md'), 'docs');
  assert.notEqual(roleOf('docs/examples/main.go'), 'main');
  assert.equal(roleOf('site/docs/doc/x.go'), 'docs');
});

test("libraries copied into a web app's static files are vendored; the app's own scripts are not", () => {
  assert.ok(isVendored('gateway/src/main/resources/static/js/lib/touchscreens.js'));
  assert.ok(isVendored('web/static/jquery-3.7.1.js'));
  assert.ok(!isVendored('gateway/src/main/resources/static/js/main.js'));
  assert.ok(!isVendored('src/lib/db.ts'));
});

test('a module named for a demo or an example is one, whatever prefixes the name', () => {
  assert.equal(roleOf('mall-demo/src/main/java/com/macro/mall/demo/DemoApplication.java'), 'example');
  assert.equal(roleOf('spring_sample/app.py'), 'example');
  assert.equal(roleOf('demographics/app.py'), 'main');
});

test("composer-bin-plugin's vendor-bin folders pin the developers' tools: tooling", () => {
  assert.equal(roleOf('vendor-bin/phpstan/composer.json'), 'tooling');
  assert.equal(roleOf('src/Vendor/Bin.php'), 'main');
});

test('a test word anywhere in a folder name, or a name ending in tests, marks tests; words that only contain it do not', () => {
  assert.equal(roleOf('android-test-app/src/main/kotlin/MainActivity.kt'), 'test');
  assert.equal(roleOf('native-image-tests/build.gradle.kts'), 'test');
  assert.equal(roleOf('ftgo-end-to-end-tests/build.gradle'), 'test');
  assert.equal(roleOf('okhttp-hpacktests/build.gradle.kts'), 'test');
  assert.equal(roleOf('src/Shop.UnitTests/OrderTests.cs'), 'test');
  for (const word of ['latest', 'contest', 'contests', 'protests', 'attestation', 'testing-library', 'pytest-plugin', 'testament']) {
    assert.equal(roleOf(`${word}/index.ts`), 'main', word);
  }
});

test('a test word that qualifies samples names sample projects, whose own tests folders stay tests', () => {
  assert.equal(roleOf('python-test-samples/apigw-lambda/src/app.py'), 'main');
  assert.equal(roleOf('dotnet-test-samples/apigw-lambda-ddb/src/GetProduct/Function.cs'), 'main');
  assert.equal(roleOf('python-test-samples/apigw-lambda/tests/unit/test_handler.py'), 'test');
  assert.equal(roleOf('typescript-test-samples/apigw-lambda/tests/unit/handler.ts'), 'test');
  assert.equal(roleOf('e2e-tests/app.ts'), 'test');
  assert.equal(roleOf('integration-test/app.ts'), 'test');
  assert.equal(roleOf('test-samples/app.ts'), 'example');
});

test("Gradle's <name>Test source sets (Kotlin Multiplatform, Android) hold tests; <name>Main ones the code", () => {
  assert.equal(roleOf('okhttp/src/jvmTest/kotlin/okhttp3/CallTest.kt'), 'test');
  assert.equal(roleOf('okhttp/src/commonTest/kotlin/okhttp3/Util.kt'), 'test');
  assert.equal(roleOf('okhttp/src/androidHostTest/kotlin/okhttp3/Host.kt'), 'test');
  assert.equal(roleOf('app/src/androidTest/kotlin/Smoke.kt'), 'test');
  assert.equal(roleOf('okhttp/src/jvmMain/kotlin/okhttp3/OkHttp.kt'), 'main');
  // below a source set's language folder the folders are a package name
  assert.equal(roleOf('shop/src/jvmMain/kotlin/com/example/shop/Cart.kt'), 'main');
  assert.equal(roleOf('src/latest/notes.ts'), 'main');
});

test('a Maven or Gradle module whose only source set is its tests is a test module', () => {
  const inTestModule = testOnlyModules([
    'build.gradle', 'settings.gradle', 'src/test/java/RootTest.java',
    'harness/build.gradle', 'harness/src/test/java/e2e/OrderFlow.java', 'harness/src/test/resources/application.properties',
    'orders/build.gradle', 'orders/src/main/java/Orders.java', 'orders/src/test/java/OrdersTest.java',
    'schema/pom.xml', 'schema/src/main/resources/orm.xml',
  ]);
  assert.equal(inTestModule('harness/build.gradle'), true);
  assert.equal(inTestModule('harness/src/test/java/e2e/OrderFlow.java'), true);
  assert.equal(inTestModule('orders/build.gradle'), false);
  assert.equal(inTestModule('schema/pom.xml'), false);
  // the root is the project described, whatever it holds
  assert.equal(inTestModule('build.gradle'), false);
});

test("ASP.NET's wwwroot/lib(s) holds client libraries restored from npm, not the project's code", () => {
  assert.ok(isVendored('src/EventHub.Web/wwwroot/libs/awesomplete/.travis.yml'));
  assert.ok(isVendored('src/Web/wwwroot/lib/jquery/dist/jquery.js'));
  assert.ok(!isVendored('src/Web/wwwroot/js/site.js'));
});

test('the code snippets a documentation site includes (docs_src) are docs; a build tool\'s config is no code', () => {
  assert.equal(roleOf('docs_src/security/tutorial001.py'), 'docs');
  assert.equal(roleOf('docs-snippets/hello.ts'), 'docs');
  assert.equal(roleOf('src/docstring/parse.py'), 'main');
  assert.equal(roleOf('.agents/setup'), 'tooling');
  assert.equal(isToolConfigFile('packages/client/vitest.config.ts'), true);
  assert.equal(isToolConfigFile('vitest.workspace.ts'), true);
  assert.equal(isToolConfigFile('.eslintrc.cjs'), true);
  assert.equal(isToolConfigFile('src/config.ts'), false);
});

test('benchmark suites, Rust benches and CI tool installers are tooling', () => {
  assert.equal(roleOf('benchsuite/benchsuite'), 'tooling');
  assert.equal(roleOf('benches/throughput.rs'), 'tooling');
  assert.equal(roleOf('.ci/phpmd/composer.json'), 'tooling');
  assert.equal(roleOf('src/benchmark.rs'), 'main');
});

test("a scaffolder's starter templates are examples, not parts of the system", () => {
  assert.equal(roleOf('packages/create-vite/template-react-ts/package.json'), 'example');
  assert.equal(roleOf('packages/create-vite/src/index.ts'), 'main');
  assert.equal(roleOf('app/templates/index.html'), 'main');
});
