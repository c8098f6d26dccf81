/**
 * Which files are the repository's own: linguist's vendored and generated rules, binary extensions,
 * and the role a path plays (its own code, tests, examples, docs, fixtures).
 */
import { alternation } from '../alternation.js';
import type { Role } from '../model/types.js';

/** Vendored or third-party trees, as linguist's vendor.yml treats them (the common part). */
const VENDORED = [
  /(^|\/)node_modules\//,
  /(^|\/)bower_components\//,
  /(^|\/)jspm_packages\//,
  /(^|\/)vendor\//,
  /(^|\/)third[-_]?party\//,
  /(^|\/)Pods\//,
  /(^|\/)Carthage\//,
  /(^|\/)\.yarn\/(releases|plugins|sdks|cache|unplugged)\//,
  /(^|\/)\.pnp\.c?js$/,
  /(^|\/)\.venv\//,
  /(^|\/)venv\//,
  /(^|\/)site-packages\//,
  /(^|\/)__pycache__\//,
  /(^|\/)\.tox\//,
  /(^|\/)\.git\//,
  /(^|\/)\.gradle\//,
  /(^|\/)\.m2\//,
  /(^|\/)\.terraform\//,
  /(^|\/)\.next\//,
  /(^|\/)\.nuxt\//,
  /(^|\/)\.svelte-kit\//,
  /(^|\/)\.turbo\//,
  /(^|\/)\.cache\//,
  // libraries copied into a web app's static files (a gateway's static/js/lib/jquery.fastclick.js)
  /(^|\/)(?:static|public|assets|resources|wwwroot|webapp)\/(?:[^/]+\/)*(?:js|javascripts?|scripts?)\/(?:lib|libs|vendor|plugins)\//,
  // ASP.NET's client libraries, restored into wwwroot/lib by LibMan or `abp install-libs` from node_modules
  /(^|\/)wwwroot\/(?:lib|libs)\//,
  /(^|\/)jquery[^/]*\.js$/i,
];

/** Generated output and lockfiles: read for nothing but their existence. */
const GENERATED = [
  /(^|\/)dist\//,
  /(^|\/)build\//,
  /(^|\/)out\//,
  /(^|\/)target\//,
  /(^|\/)bin\/(Debug|Release)\//,
  /(^|\/)obj\//,
  /(^|\/)coverage\//,
  /\.min\.(js|css)$/,
  /[.-]bundle\.js$/,
  /\.map$/,
  /\.(pb|pb\.gw)\.go$/,
  /_pb2(_grpc)?\.py$/,
  /\.g\.(cs|dart)$/,
  /\.designer\.cs$/i,
  /(^|\/)(package-lock\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|npm-shrinkwrap\.json|composer\.lock|Gemfile\.lock|Cargo\.lock|poetry\.lock|uv\.lock|Pipfile\.lock|go\.sum|packages\.lock\.json|pdm\.lock|gradle\.lockfile)$/,
];

/** Extensions that are never text worth reading. */
const BINARY_EXTENSIONS = new Set(
  (
    '.png .jpg .jpeg .gif .bmp .ico .icns .webp .avif .tiff .psd .pdf .zip .gz .tgz .bz2 .xz .7z .rar .jar .war .ear ' +
    '.class .dll .exe .so .dylib .a .o .obj .lib .pyc .pyo .whl .egg .wasm .woff .woff2 .ttf .otf .eot .mp3 .mp4 .mov ' +
    '.avi .webm .ogg .wav .flac .mkv .db .sqlite .sqlite3 .bin .dat .pkl .npy .npz .h5 .onnx .pt .pth .ckpt ' +
    '.safetensors .parquet .avro .keystore .jks .p12 .pfx .der .iso .dmg .deb .rpm .apk .ipa .aab .node .lockb'
  ).split(' '),
);

// every file is tested: one alternation per list, split by the only flag the lists use
const VENDORED_ANY = alternation(VENDORED);
const GENERATED_ANY = alternation(GENERATED.filter((re) => !re.ignoreCase));
const GENERATED_ANY_CASE = alternation(GENERATED.filter((re) => re.ignoreCase), 'i');

export function isVendored(path: string): boolean {
  return VENDORED_ANY.test(path);
}

export function isGenerated(path: string): boolean {
  return GENERATED_ANY.test(path) || GENERATED_ANY_CASE.test(path);
}

export function hasBinaryExtension(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const dot = base.lastIndexOf('.');
  return dot >= 0 && BINARY_EXTENSIONS.has(base.slice(dot));
}

const ROLE_RULES: [Role, RegExp][] = [
  // database/factories and seeders (Laravel) make test and demo data
  ['fixture', /(^|\/)(__fixtures__|fixtures?|testdata|test-data|__snapshots__|snapshots|mocks?|__mocks__|stubs|database\/factories|database\/seeders)(\/|$)/i],
  // test-jpms, test-shrinker: modules that only test the library beside them; src/it holds Maven's integration tests.
  // A test or tests word anywhere in a folder's name (android-test-app, native-image-tests, ftgo-end-to-end-tests)
  // or a name ending in tests (okhttp-hpacktests, MyApp.UnitTests) makes a test folder; latest, contest,
  // attestation and testing-library are words of their own, and contests, protests, attests, detests too.
  // A test word that qualifies samples, examples or demos (python-test-samples) names a collection of sample
  // projects that show how to test: their code and the templates that deploy it are projects, their tests/ tests
  ['test', /(^|\/)(tests?|__tests__|spec|specs|e2e|(?:[\w.-]*[-_.])?tests?(?![-_.](?:samples?|examples?|demos?)(?:[-_.\/]|$))(?:[-_.][\w.-]*)?|[\w.-]*[a-z0-9](?<!con|pro|at|de)tests|test[-_]?utils|testing|cypress|playwright|fuzz|src\/(?:it|integrationTest|integration-test|testFixtures))(\/|$)/i],
  // a Gradle source set named <something>Test (Kotlin Multiplatform's jvmTest, commonTest, androidHostTest; Android's
  // androidTest) holds tests: the name is camelCase, so the case matters (src/latest is no test)
  ['test', /(^|\/)src\/[a-z][A-Za-z0-9]*Test(\/|$)/],
  // (template-react-ts, template-vue: the starter projects a create-* scaffolder copies into a user's new project)
  ['example', /(^|\/)(_?examples?|samples?|demos?|[\w]+[-_](?:examples?|samples?|demos?)|playground|starters?|boilerplates?|quickstarts?|tutorials?|template-[\w.-]+)(\/|$)/i],
  // (docs_src, docs-examples: the code snippets a documentation site includes, fastapi's tutorials)
  ['docs', /(^|\/)(docs?|documentation|website|guides?|docs?[-_](?:src|source|sources|examples?|snippets?|code))(\/|$)/i],
  // (but scripts/ under a web root is the pages' JavaScript: apollo-portal's resources/static/scripts, FreshRSS's p/scripts)
  ['tooling', /(^|\/)((?<!(?:^|\/)(?:static|public|assets|resources|webapp|wwwroot|www|htdocs|p)\/)scripts|tools|hack|\.github|\.circleci|\.gitlab|\.devcontainer|\.worktree-container|\.vscode|\.idea|\.claude|\.cursor|\.agents?|\.semgrep|\.husky|\.changeset|\.ci|bench[\w-]*|genproto|codegen|buildSrc|build-logic|vendor-bin)(\/|$)/i],
];

/** Test files by name, in every ecosystem we read. */
const TEST_FILE = /(^|\/)(docker-)?compose(?:[.-]\w+)*[.-](test|tests|e2e|ci|it|integration)(?:[.-]\w+)*\.ya?ml$|(\.(test|spec|e2e)\.[cm]?[jt]sx?$)|(_test\.(go|py|rb|exs)$)|(^|\/)test_[^/]+\.py$|(Tests?|Spec|IT)\.(java|kt|cs|scala)$|(_spec\.rb)$|(Test\.php)$/;

/**
 * In a JVM source tree the folders below src/main/java are a package name: com/example/demo is the
 * product's code, and org/springframework/samples/petclinic is too. Only the folders above count.
 */
export function beforePackageFolders(path: string): string {
  // (Kotlin Multiplatform names its source sets for the target: src/jvmMain/kotlin, src/commonTest/kotlin)
  const m = /(^|\/)src\/(main|test|testFixtures|integrationTest|it|[a-z][A-Za-z0-9]*(?:Main|Test))\/(java|kotlin|scala|groovy)\//.exec(path);
  if (!m) return path;
  const kind = m[2] === 'main' || m[2].endsWith('Main') ? 'main' : 'test';
  return `${path.slice(0, m.index + m[1].length)}src/${kind}/${m[3]}/`;
}

const JVM_BUILD = /(?:^|\/)(?:pom\.xml|build\.gradle(?:\.kts)?)$/;

/**
 * Files of Maven and Gradle modules whose only source sets are tests (src/test, src/jvmTest, src/it): a
 * module that compiles nothing but tests (okhttp's okhttp-osgi-tests, an end-to-end suite) is a test
 * harness, whatever its name, and its build file with it. A file belongs to the deepest module above it.
 */
export function testOnlyModules(paths: readonly string[]): (path: string) => boolean {
  const modules = new Set<string>();
  const sourceSets = new Map<string, Set<string>>();
  for (const path of paths) {
    if (JVM_BUILD.test(path)) modules.add(path.slice(0, path.lastIndexOf('/') + 1));
    // the first src/<set>/ of a path is its module's source set (src/main/java/src/... is a package)
    const m = /(?:^|\/)src\/([^/]+)\//.exec(path);
    if (!m) continue;
    const prefix = path.slice(0, m.index + (path[m.index] === '/' ? 1 : 0));
    let sets = sourceSets.get(prefix);
    if (!sets) sourceSets.set(prefix, (sets = new Set()));
    sets.add(m[1]);
  }
  const testOnly = new Set<string>();
  for (const prefix of modules) {
    const sets = sourceSets.get(prefix);
    // (the root is the project described, even when it is a test suite)
    if (prefix === '' || !sets?.size || roleOfFolderPath(prefix) !== 'main') continue;
    if ([...sets].every((set) => roleOfFolderPath(`${prefix}src/${set}/`) === 'test')) testOnly.add(prefix);
  }
  if (!testOnly.size) return () => false;
  return (path) => {
    for (let i = path.lastIndexOf('/'); ; i = path.lastIndexOf('/', i - 1)) {
      const prefix = path.slice(0, i + 1);
      if (modules.has(prefix)) return testOnly.has(prefix);
      if (i < 0) return false;
    }
  };
}

/**
 * The role of a path, from its folders. A path under several role folders takes the most specific:
 * test/fixtures/app is a fixture and examples/shop/tests is an example, not the repository's own tests.
 */
export function roleOf(path: string): Role {
  // a file's role is its folder's, unless its name marks a test: folders repeat, so they are worked out once
  const folder = path.slice(0, path.lastIndexOf('/') + 1);
  let role = folderRoles.get(folder);
  if (role === undefined) {
    role = roleOfFolderPath(folder);
    if (folderRoles.size >= 200_000) folderRoles.clear();
    folderRoles.set(folder, role);
  }
  if (role === 'main' && TEST_FILE.test(path)) return 'test';
  // a Go package named doc (cobra's doc generators, imported as .../cobra/doc) is code, not documentation
  if (role === 'docs' && GO_DOC_PACKAGE.test(path) && roleOfFolderPath(folder.replace(/doc\/$/, '')) === 'main') return path.endsWith('_test.go') ? 'test' : 'main';
  return role;
}

/**
 * A mock by its name (mock_store.go, tunnels_api_server_mock.go, api.mock.ts): a stand-in the tests use, in the
 * package it stands in for, so its folder does not say so. The scan keeps it the product's, so that its imports
 * are read and show which dependencies only the tests' stand-ins use; the model takes it for test code.
 */
export function isMockFile(path: string): boolean {
  return /(?:^|\/)(?:mocks?_[^/]*|[^/]*_mocks?\.\w+|[^/]*\.mocks?\.[cm]?[jt]sx?)$/.test(path);
}

/**
 * A build, test or lint tool's configuration by its name (vitest.config.ts, tsdown.config.ts, eslint.config.js,
 * .eslintrc.cjs, vitest.workspace.ts): it configures how a project is built or checked, and runs none of its code.
 */
export function isToolConfigFile(path: string): boolean {
  return TOOL_CONFIG.test(path);
}

const TOOL_CONFIG = /(?:^|\/)(?:[^/]*\.(?:config|conf|rc)|\.[\w-]+rc|(?:vitest|jest)\.(?:workspace|setup)|gulpfile|Gruntfile)\.[cm]?[jt]sx?$/i;

const folderRoles = new Map<string, Role>();
const GO_DOC_PACKAGE = /(?:^|\/)doc\/[^/]+\.go$/;

/** The role given by the folders of a path that is '' or ends with '/'. */
function roleOfFolderPath(path: string): Role {
  path = beforePackageFolders(path);
  const priority: Role[] = ['fixture', 'example', 'docs', 'test', 'tooling'];
  let best: Role = 'main';
  for (const [role, re] of ROLE_RULES) {
    const m = re.exec(path);
    if (!m) continue;
    if (best === 'main' || priority.indexOf(role) < priority.indexOf(best)) best = role;
  }
  return best;
}
