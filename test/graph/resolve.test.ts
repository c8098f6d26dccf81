import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileFacts } from '../../src/detect/facts.js';
import { aggregateEdges, findCycles, resolveImports, type FileEdge, type GraphResult } from '../../src/model/graph/index.js';
import { loadFixture } from './load.js';

function hasEdge(r: GraphResult, from: string, line: number, to: string, kind?: FileEdge['kind']): void {
  const found = r.edges.find((e) => e.from === from && e.line === line && e.to === to);
  assert.ok(found, `expected ${from}:${line} -> ${to}; edges from that file: ${JSON.stringify(r.edges.filter((e) => e.from === from))}`);
  if (kind) assert.equal(found.kind, kind);
}

function noEdgeTo(r: GraphResult, to: string): void {
  assert.equal(r.edges.filter((e) => e.to === to).length, 0, `no edge expected to ${to}`);
}

const manifest = (m: Partial<NonNullable<FileFacts['manifests']>[number]> & Pick<NonNullable<FileFacts['manifests']>[number], 'ecosystem'>, deps: string[] = []): Partial<FileFacts> => ({
  manifests: [m],
  dependencies: deps.map((name) => ({ ecosystem: m.ecosystem, name, scope: 'runtime' as const })),
});

describe('TypeScript monorepo without node_modules', () => {
  const extra = {
    'package.json': manifest({ ecosystem: 'npm', name: 'acme', workspaces: ['apps/*', 'packages/*'] }, ['typescript']),
    'apps/web/package.json': manifest({ ecosystem: 'npm', name: '@acme/web' }, ['@acme/shared', '@acme/ui', '@tanstack/react-query', 'react', 'react-dom']),
    'packages/shared/package.json': manifest({ ecosystem: 'npm', name: '@acme/shared' }),
    'packages/ui/package.json': manifest({ ecosystem: 'npm', name: '@acme/ui' }, ['react']),
  };
  const r = resolveImports(loadFixture('graph-ts-monorepo', extra));

  it('resolves a workspace package by name through exports, with the dist -> src fallback', () => {
    hasEdge(r, 'apps/web/src/main.tsx', 3, 'packages/shared/src/index.ts', 'static');
  });
  it('resolves an exports subpath and an exports "./*" pattern', () => {
    hasEdge(r, 'apps/web/src/main.tsx', 4, 'packages/shared/src/validation/index.ts');
    hasEdge(r, 'apps/web/src/main.tsx', 5, 'packages/shared/src/types.ts', 'type');
  });
  it('resolves a subpath of a package without exports to its src folder', () => {
    hasEdge(r, 'apps/web/src/App.tsx', 2, 'packages/ui/src/button.tsx');
  });
  it('maps "./App.js" to App.tsx and follows dynamic imports', () => {
    hasEdge(r, 'apps/web/src/main.tsx', 6, 'apps/web/src/App.tsx');
    hasEdge(r, 'apps/web/src/main.tsx', 13, 'apps/web/src/pages/Settings.tsx', 'dynamic');
  });
  it('uses the nearest tsconfig paths, and paths inherited through extends', () => {
    hasEdge(r, 'apps/web/src/main.tsx', 7, 'apps/web/src/config.ts');
    hasEdge(r, 'packages/shared/src/format.ts', 1, 'packages/shared/src/util.ts');
  });
  it('reads require() and re-exports', () => {
    hasEdge(r, 'apps/web/scripts/build.cjs', 2, 'apps/web/scripts/banner.cjs', 'require');
    hasEdge(r, 'packages/shared/src/index.ts', 1, 'packages/shared/src/format.ts', 'reexport');
  });
  it('names externals by package and skips builtins', () => {
    const names = r.external.filter((e) => e.file === 'apps/web/src/main.tsx').map((e) => `${e.line}:${e.name}`);
    assert.deepEqual(names, ['1:react', '2:react-dom']);
    assert.ok(r.external.some((e) => e.file === 'apps/web/src/App.tsx' && e.name === '@tanstack/react-query' && e.ecosystem === 'npm'));
    assert.ok(!r.external.some((e) => ['fs', 'node:fs', 'path'].includes(e.name)));
  });
  it('does not read imports inside strings or comments', () => {
    noEdgeTo(r, 'apps/web/src/legacy.ts');
    assert.ok(!r.edges.some((e) => e.from === 'apps/web/src/main.tsx' && (e.line === 11 || e.line === 12)));
    assert.equal(r.unresolved, 0);
  });
  it('finds the package cycle shared <-> ui', () => {
    const owner = (p: string) => /^(apps|packages)\/[^/]+/.exec(p)?.[0];
    const groups = aggregateEdges(r.edges, owner);
    const webToShared = groups.find((g) => g.from === 'apps/web' && g.to === 'packages/shared')!;
    assert.equal(webToShared.weight, 3);
    assert.equal(webToShared.typeOnly, false);
    assert.deepEqual(webToShared.evidence[0], { file: 'apps/web/src/main.tsx', line: 3, rule: 'import' });
    const uiToShared = groups.find((g) => g.from === 'packages/ui' && g.to === 'packages/shared')!;
    assert.equal(uiToShared.typeOnly, true);
    assert.deepEqual(findCycles(['apps/web', 'packages/shared', 'packages/ui'], groups), [['packages/shared', 'packages/ui']]);
  });
  it('reports only declared npm packages when manifests declare some', () => {
    const undeclared = resolveImports(
      loadFixture('graph-ts-monorepo', { ...extra, 'apps/web/package.json': manifest({ ecosystem: 'npm', name: '@acme/web' }, ['react']) }),
    );
    assert.ok(!undeclared.external.some((e) => e.name === '@tanstack/react-query'));
    assert.ok(undeclared.external.some((e) => e.name === 'react'));
  });
});

describe('Python src layout', () => {
  const r = resolveImports(loadFixture('graph-python'));
  it('resolves absolute imports through src/ and from-imports of submodules', () => {
    hasEdge(r, 'src/shop/app.py', 8, 'src/shop/models.py');
    hasEdge(r, 'src/shop/db.py', 2, 'src/shop/models.py');
    hasEdge(r, 'tests/test_app.py', 2, 'src/shop/app.py');
  });
  it('resolves relative imports by level', () => {
    hasEdge(r, 'src/shop/app.py', 9, 'src/shop/services/__init__.py');
    hasEdge(r, 'src/shop/app.py', 10, 'src/shop/services/payment.py');
    hasEdge(r, 'src/shop/app.py', 11, 'src/shop/db.py');
    hasEdge(r, 'src/shop/services/payment.py', 1, 'src/shop/models.py');
  });
  it('names third-party top modules, skips the standard library, ignores docstrings and string literals', () => {
    assert.deepEqual(
      r.external.filter((e) => e.file === 'src/shop/app.py').map((e) => `${e.line}:${e.name}`),
      ['7:requests', '16:yaml'],
    );
    assert.ok(!r.external.some((e) => ['os', 'json', 'typing', 'dataclasses', 'fake_module_in_docstring'].includes(e.name)));
    assert.equal(r.unresolved, 0, 'shop.secret inside a string must not be read');
  });
  it('names declared distributions when the project declares its dependencies', () => {
    const declared = resolveImports(loadFixture('graph-python', { 'pyproject.toml': manifest({ ecosystem: 'pypi', name: 'shop' }, ['requests', 'PyYAML']) }));
    assert.deepEqual(
      declared.external.map((e) => `${e.file}:${e.line}:${e.name}`),
      ['src/shop/app.py:7:requests', 'src/shop/app.py:16:PyYAML'],
      'yaml is provided by PyYAML; pytest is not declared, so it is not claimed',
    );
  });
  it('finds the models <-> db cycle', () => {
    const nodes = [...new Set(r.edges.flatMap((e) => [e.from, e.to]))];
    assert.deepEqual(findCycles(nodes, r.edges), [['src/shop/db.py', 'src/shop/models.py']]);
  });
});

describe('Go workspace with two modules', () => {
  const r = resolveImports(
    loadFixture('graph-go', {
      'api/go.mod': manifest({ ecosystem: 'go', name: 'github.com/acme/api' }, ['github.com/acme/lib', 'github.com/gin-gonic/gin']),
      'lib/go.mod': manifest({ ecosystem: 'go', name: 'github.com/acme/lib' }),
    }),
  );
  it('resolves a cross-module import to the package representative (first non-test file)', () => {
    hasEdge(r, 'api/main.go', 9, 'lib/store/cache.go');
    hasEdge(r, 'api/main.go', 8, 'api/internal/handlers/handlers.go');
    noEdgeTo(r, 'api/internal/handlers/a_test.go');
  });
  it('names modules by the longest require and skips the standard library', () => {
    assert.deepEqual(
      r.external.filter((e) => e.file === 'api/main.go').map((e) => `${e.line}:${e.name}`),
      ['10:github.com/gin-gonic/gin', '11:github.com/gin-gonic/gin'],
    );
    assert.ok(!r.external.some((e) => e.name === 'fmt' || e.name === 'os' || e.name.startsWith('net')));
  });
});

describe('Java and Kotlin, maven multi-module', () => {
  const r = resolveImports(loadFixture('graph-java'));
  const controller = 'web/src/main/java/com/acme/web/OrderController.java';
  it('resolves class imports, static imports and wildcards by declared package', () => {
    hasEdge(r, controller, 3, 'core/src/main/java/com/acme/core/model/Customer.java');
    hasEdge(r, controller, 4, 'core/src/main/java/com/acme/core/util/Strings.java');
    hasEdge(r, controller, 5, 'core/src/main/java/com/acme/core/util/Strings.java');
    hasEdge(r, 'web/src/main/kotlin/com/acme/web/Health.kt', 3, 'core/src/main/java/com/acme/core/model/Order.java');
  });
  it('reports no Java externals and reads nothing from comments or text blocks', () => {
    assert.equal(r.external.length, 0);
    assert.equal(r.unresolved, 0);
    assert.equal(r.edges.filter((e) => e.from === controller).length, 3);
  });
});

describe('C# projects', () => {
  const r = resolveImports(loadFixture('graph-csharp'));
  const referenced = resolveImports(
    loadFixture('graph-csharp', {
      'src/Acme.Api/Acme.Api.csproj': manifest({ ecosystem: 'nuget', name: 'Acme.Api', localDependencies: [{ name: 'Acme.Domain', path: '../Acme.Domain' }] }),
      'src/Acme.Domain/Acme.Domain.csproj': manifest({ ecosystem: 'nuget', name: 'Acme.Domain' }),
      'src/Acme.Web/Acme.Web.csproj': manifest({ ecosystem: 'nuget', name: 'Acme.Web' }),
    }),
  );
  it('draws a cross-project edge only along ProjectReferences (C# sees no other project)', () => {
    hasEdge(referenced, 'src/Acme.Api/Controllers/OrdersController.cs', 3, 'src/Acme.Domain/Orders/Order.cs');
    assert.deepEqual(referenced.edges.filter((e) => e.from.startsWith('src/Acme.Web/')), []);
  });
  it('resolves using to the namespace representative and using static to the type file', () => {
    hasEdge(r, 'src/Acme.Api/Controllers/OrdersController.cs', 3, 'src/Acme.Domain/Orders/Order.cs');
    hasEdge(r, 'src/Acme.Api/GlobalUsings.cs', 2, 'src/Acme.Domain/Orders/Order.cs');
    hasEdge(r, 'src/Acme.Api/Program.cs', 2, 'src/Acme.Domain/Orders/OrderRules.cs');
    hasEdge(r, 'src/Acme.Api/Program.cs', 1, 'src/Acme.Api/Controllers/OrdersController.cs');
    assert.equal(r.unresolved, 0);
  });
});

describe('Rust cargo workspace', () => {
  const r = resolveImports(
    loadFixture('graph-rust', {
      'crates/core/Cargo.toml': manifest({ ecosystem: 'cargo', name: 'acme-core' }),
      'crates/cli/Cargo.toml': manifest({ ecosystem: 'cargo', name: 'acme-cli' }, ['acme-core', 'clap', 'serde']),
    }),
  );
  it('resolves mod declarations, crate/super paths and uniform paths', () => {
    hasEdge(r, 'crates/core/src/lib.rs', 2, 'crates/core/src/parser.rs', 'static');
    hasEdge(r, 'crates/core/src/lib.rs', 3, 'crates/core/src/util/mod.rs');
    hasEdge(r, 'crates/core/src/parser.rs', 1, 'crates/core/src/util/helpers.rs', 'use');
    hasEdge(r, 'crates/core/src/parser.rs', 2, 'crates/core/src/util/mod.rs');
    hasEdge(r, 'crates/cli/src/main.rs', 8, 'crates/cli/src/commands.rs');
  });
  it('resolves another workspace crate by its underscore name', () => {
    hasEdge(r, 'crates/cli/src/main.rs', 3, 'crates/core/src/parser.rs');
  });
  it('reports declared crates only, never std or raw-string content', () => {
    assert.deepEqual(r.external.map((e) => `${e.line}:${e.name}`), ['4:clap', '5:serde']);
  });
});

describe('Ruby gem', () => {
  const r = resolveImports(loadFixture('graph-ruby'));
  it('resolves require through lib/ and require_relative from the file', () => {
    hasEdge(r, 'lib/acme.rb', 2, 'lib/acme/client.rb', 'require');
    hasEdge(r, 'lib/acme.rb', 3, 'lib/acme/version.rb');
    hasEdge(r, 'lib/acme/client.rb', 2, 'lib/acme/errors.rb');
    hasEdge(r, 'spec/client_spec.rb', 1, 'lib/acme.rb');
    hasEdge(r, 'acme.gemspec', 1, 'lib/acme/version.rb');
    assert.equal(r.unresolved, 0, 'requires in comments, heredocs and =begin blocks are not read');
  });
});

describe('PHP composer PSR-4', () => {
  const r = resolveImports(loadFixture('graph-php'));
  const controller = 'src/Http/Controller/OrderController.php';
  it('resolves use through PSR-4, including group uses', () => {
    hasEdge(r, controller, 7, 'src/Domain/Order.php');
    hasEdge(r, controller, 8, 'src/Domain/Customer.php');
    hasEdge(r, controller, 8, 'src/Domain/Repository/OrderRepository.php');
    hasEdge(r, 'tests/OrderTest.php', 5, 'src/Domain/Order.php');
    assert.equal(r.edges.filter((e) => e.from === controller).length, 3);
  });
  it('resolves __DIR__ includes and leaves vendor/ alone', () => {
    hasEdge(r, 'public/index.php', 4, 'src/bootstrap.php', 'include');
    assert.equal(r.unresolved, 0);
  });
});

describe('hand-built layouts', () => {
  const run = (entries: [string, Partial<FileFacts>][]) => {
    const facts = new Map<string, FileFacts>(entries.map(([path, f]) => [path, { path, ...f }]));
    return resolveImports({ files: [...facts.keys()], facts });
  };
  it('JS: package.json "imports" (#internal) from the nearest package.json that has them', () => {
    const r = run([
      ['pkg/package.json', { packageEntry: { name: 'pkg', imports: { '#db': './src/db/index.ts', '#utils/*': { types: './dist/utils/*.d.ts', default: './dist/utils/*.js' } } } }],
      ['pkg/src/db/index.ts', {}],
      ['pkg/src/utils/time.ts', {}],
      ['pkg/src/app/main.ts', { imports: [{ specifier: '#db', kind: 'static', line: 1 }, { specifier: '#utils/time', kind: 'static', line: 2 }, { specifier: '#missing', kind: 'static', line: 3 }] }],
    ]);
    assert.deepEqual(r.edges.map((e) => `${e.line} -> ${e.to}`), ['1 -> pkg/src/db/index.ts', '2 -> pkg/src/utils/time.ts']);
    assert.equal(r.unresolved, 1);
  });
  it('JS: root-relative specifiers resolve in the nearest package, then at the repository root', () => {
    const r = run([
      ['web/package.json', { packageEntry: { name: 'web' } }],
      ['web/src/main.ts', {}],
      ['web/index.ts', { imports: [{ specifier: '/src/main.ts', kind: 'static', line: 1 }, { specifier: '/nowhere', kind: 'static', line: 2 }] }],
    ]);
    assert.deepEqual(r.edges.map((e) => `${e.line} -> ${e.to}`), ['1 -> web/src/main.ts']);
    assert.equal(r.unresolved, 1);
  });
  it('C#: a namespace declared in two projects resolves inside the importing project', () => {
    const r = run([
      ['a/A.csproj', {}],
      ['a/X.cs', { namespace: 'Shared' }],
      ['b/B.csproj', {}],
      ['b/Use.cs', { namespace: 'B.App', imports: [{ specifier: 'Shared', kind: 'use', line: 1 }] }],
      ['b/Z.cs', { namespace: 'Shared' }],
    ]);
    assert.deepEqual(r.edges, [{ from: 'b/Use.cs', to: 'b/Z.cs', line: 1, kind: 'use' }]);
  });
  it('Kotlin: a type declared in two Gradle modules resolves inside the importing module', () => {
    const r = run([
      ['a/build.gradle.kts', {}],
      ['a/src/main/kotlin/TestUtil.kt', { namespace: 'okhttp3' }],
      ['b/build.gradle.kts', {}],
      ['b/src/test/kotlin/CallTest.kt', { namespace: 'okhttp3.b', imports: [{ specifier: 'okhttp3.TestUtil.repeat', kind: 'use', line: 4 }] }],
      ['b/src/test/kotlin/TestUtil.kt', { namespace: 'okhttp3' }],
    ]);
    assert.deepEqual(r.edges, [{ from: 'b/src/test/kotlin/CallTest.kt', to: 'b/src/test/kotlin/TestUtil.kt', line: 4, kind: 'use' }]);
  });
  it('Kotlin Multiplatform: common code resolves to the common declaration, never to a platform\'s actual one', () => {
    const r = run([
      ['shared/build.gradle.kts', {}],
      ['shared/src/androidMain/kotlin/Platform.android.kt', { namespace: 'org.acme', imports: [{ specifier: 'org.acme.ui.Screen', kind: 'use', line: 3 }] }],
      ['shared/src/commonMain/kotlin/Platform.kt', { namespace: 'org.acme' }],
      ['shared/src/commonMain/kotlin/ui/Screen.kt', { namespace: 'org.acme.ui', imports: [{ specifier: 'org.acme.platformName', kind: 'use', line: 4 }] }],
      ['shared/src/commonTest/kotlin/ScreenTest.kt', { namespace: 'org.acme.test' }],
    ]);
    assert.deepEqual(r.edges, [
      { from: 'shared/src/androidMain/kotlin/Platform.android.kt', to: 'shared/src/commonMain/kotlin/ui/Screen.kt', line: 3, kind: 'use' },
      { from: 'shared/src/commonMain/kotlin/ui/Screen.kt', to: 'shared/src/commonMain/kotlin/Platform.kt', line: 4, kind: 'use' },
    ]);
  });
  it('Rust: crate root outside src/ ([[bin]] path) and integration tests as their own crates', () => {
    const r = run([
      ['Cargo.toml', {}],
      ['crates/core/main.rs', { imports: [{ specifier: 'mod:flags', kind: 'static', line: 1 }] }],
      ['crates/core/flags/mod.rs', {}],
      ['crates/core/flags/defs.rs', { imports: [{ specifier: 'crate::flags::Flag', kind: 'use', line: 2 }] }],
      ['tests/tests.rs', { imports: [{ specifier: 'mod:util', kind: 'static', line: 1 }] }],
      ['tests/util.rs', {}],
      ['tests/misc.rs', { imports: [{ specifier: 'crate::util::Dir', kind: 'use', line: 3 }] }],
    ]);
    assert.deepEqual(
      r.edges.map((e) => `${e.from}:${e.line} -> ${e.to}`),
      ['crates/core/flags/defs.rs:2 -> crates/core/flags/mod.rs', 'crates/core/main.rs:1 -> crates/core/flags/mod.rs', 'tests/misc.rs:3 -> tests/util.rs', 'tests/tests.rs:1 -> tests/util.rs'],
    );
  });
});

describe('resolution is robust', () => {
  it('never throws on odd facts and counts misses', () => {
    const facts = new Map<string, FileFacts>([
      ['a.ts', { path: 'a.ts', imports: [{ specifier: '../../outside', kind: 'static', line: 1 }, { specifier: '', kind: 'static' }, { specifier: '@/x', kind: 'static' }] }],
      ['b.py', { path: 'b.py', imports: [{ specifier: '....', kind: 'static' }] }],
      ['c.rs', { path: 'c.rs', imports: [{ specifier: 'super::super::x', kind: 'use' }] }],
      ['d.go', { path: 'd.go', imports: [{ specifier: 'example.com/x', kind: 'static' }] }],
    ]);
    const r = resolveImports({ files: [...facts.keys()], facts });
    assert.deepEqual(r.edges, []);
    assert.equal(r.unresolved, 4);
  });
});
