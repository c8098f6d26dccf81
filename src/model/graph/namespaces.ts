/**
 * Resolution by declared package or namespace: Java/Kotlin (`import a.b.C` -> the file of package a.b
 * named C), C# (`using X.Y` -> namespace X.Y) and PHP (`use App\X\Y` -> PSR-4 folders, else namespace + class).
 * A package or namespace import with no class file points at the namespace's representative file,
 * the first of its files in sorted order, like Go packages.
 */
import type { ImportFact } from '../../detect/facts.js';
import { baseOf, dirOf, joinPath } from './paths.js';
import type { RepoIndex, Resolution } from './types.js';

const JVM_EXT = /\.(java|kt|kts|scala|groovy)$/;

const push = (map: Map<string, string[]>, key: string, file: string) => {
  const list = map.get(key);
  if (list) list.push(file);
  else map.set(key, [file]);
};

/**
 * Files by namespace and by fully qualified type name (namespace + separator + base name without
 * extension). A namespace or type found in several build modules (split packages, Kotlin expect/actual,
 * the same test helper in two modules) resolves inside the importing file's own module when it can:
 * the edge then never claims a cross-module use that may not exist.
 */
class NamespaceIndex {
  readonly byNamespace = new Map<string, string[]>();
  readonly byType = new Map<string, string[]>();
  private readonly moduleOfDir = new Map<string, string | undefined>();

  constructor(
    private readonly index: RepoIndex,
    ext: RegExp,
    sep: string,
    private readonly moduleMarker: RegExp,
  ) {
    for (const file of index.sorted) {
      if (!ext.test(file)) continue;
      const ns = index.facts.get(file)?.namespace;
      if (!ns) continue;
      push(this.byNamespace, ns, file);
      push(this.byType, `${ns}${sep}${baseOf(file).replace(/\.[^.]+$/, '')}`, file);
    }
  }

  /** Folder of the nearest build file (pom.xml, build.gradle, .csproj ...) above a folder. */
  module(dir: string): string | undefined {
    if (this.moduleOfDir.has(dir)) return this.moduleOfDir.get(dir);
    const here = (this.index.dirFiles.get(dir) ?? []).some((n) => this.moduleMarker.test(n));
    const found = here ? dir : dir ? this.module(dirOf(dir)) : undefined;
    this.moduleOfDir.set(dir, found);
    return found;
  }

  /** Undefined when the name is declared in several other modules: the import names none of them for sure. */
  pick(from: string, all: string[]): string | undefined {
    const files = all.length > 1 || sourceSet(all[0]) ? all.filter((f) => visibleFrom(from, f)) : all;
    if (files.length <= 1) return files[0];
    const own = this.module(dirOf(from));
    const mine = own !== undefined ? files.find((f) => this.module(dirOf(f)) === own) : undefined;
    if (mine) return mine;
    const modules = new Set(files.map((f) => this.module(dirOf(f))));
    return modules.size === 1 ? files[0] : undefined;
  }

  namespace(from: string, name: string): string | undefined {
    const files = this.byNamespace.get(name);
    return files ? this.pick(from, files) : undefined;
  }

  type(from: string, name: string): string | undefined {
    const files = this.byType.get(name);
    return files ? this.pick(from, files) : undefined;
  }

  /** Whether a name lies under one of this repository's own namespaces, so a miss is worth counting.
   *  Sharing only a vendor prefix ("org.springframework") is not enough: the framework is not here. */
  looksLocal(name: string, sep: string): boolean {
    const segs = name.split(sep);
    for (let n = segs.length - 1; n >= 1; n--) if (this.byNamespace.has(segs.slice(0, n).join(sep))) return true;
    return false;
  }
}

/** A Kotlin Multiplatform source set (`shared/src/androidMain/...`): its module folder, platform and main or test. */
function sourceSet(file: string): { module: string; platform: string; test: boolean } | undefined {
  const m = /^(.*?)(?:^|\/)src\/([a-z]\w*?)(Main|Test)\//.exec(file);
  return m ? { module: m[1], platform: m[2], test: m[3] === 'Test' } : undefined;
}

/**
 * Common code cannot see a platform's (commonMain's `expect` is met by androidMain's `actual` in the same
 * package, and an import there names the common declaration), nor main code its tests.
 */
function visibleFrom(from: string, to: string): boolean {
  const a = sourceSet(from);
  const b = sourceSet(to);
  if (!a || !b || a.module !== b.module) return true;
  if (!a.test && b.test) return false;
  return a.platform !== 'common' || b.platform === 'common';
}

export class JvmResolver {
  private readonly ns: NamespaceIndex;
  constructor(index: RepoIndex) {
    this.ns = new NamespaceIndex(index, JVM_EXT, '.', /^(pom\.xml|build\.gradle(\.kts)?|build\.sbt)$/);
  }

  resolve(from: string, imp: ImportFact): Resolution {
    const spec = imp.specifier;
    if (spec.endsWith('.*')) {
      const pkg = spec.slice(0, -2);
      // `import a.b.C.*` imports C's members.
      const file = this.ns.namespace(from, pkg) ?? this.ns.type(from, pkg);
      if (file) return { files: [file] };
    } else {
      // Longest type name first: `a.b.C.Inner` and `static a.b.C.member` land on C.
      const segs = spec.split('.');
      for (let n = segs.length; n >= 2; n--) {
        const file = this.ns.type(from, segs.slice(0, n).join('.'));
        if (file) return { files: [file] };
      }
      // Kotlin imports top-level functions by package; point at the package.
      const pkg = this.ns.namespace(from, segs.slice(0, -1).join('.'));
      if (pkg) return { files: [pkg] };
    }
    return this.ns.looksLocal(spec, '.') ? 'unresolved' : 'ignore';
  }
}

export class CSharpResolver {
  private readonly ns: NamespaceIndex;
  /** Project folder -> the project folders its ProjectReferences name. */
  private readonly references = new Map<string, string[]>();
  private readonly reach = new Map<string, Set<string>>();

  constructor(private readonly index: RepoIndex) {
    this.ns = new NamespaceIndex(index, /\.cs$/, '.', /\.(cs|fs|vb)proj$/);
    for (const [file, facts] of index.facts) {
      // a project whose references were not read is not judged
      if (!/\.(cs|fs|vb)proj$/.test(file) || !facts.manifests?.length) continue;
      const targets = (facts.manifests ?? []).flatMap((m) => m.localDependencies ?? []).map((l) => (l.path !== undefined ? joinPath(dirOf(file), l.path) : undefined));
      this.references.set(dirOf(file), targets.filter((t): t is string => t !== undefined));
    }
  }

  /** Projects a project can use types of: itself and what its ProjectReferences reach, transitively. */
  private reachable(project: string): Set<string> {
    let seen = this.reach.get(project);
    if (seen) return seen;
    seen = new Set([project]);
    const stack = [project];
    while (stack.length) for (const next of this.references.get(stack.pop()!) ?? []) if (!seen.has(next)) (seen.add(next), stack.push(next));
    this.reach.set(project, seen);
    return seen;
  }

  resolve(from: string, imp: ImportFact): Resolution {
    const spec = imp.specifier;
    const own = this.index.facts.get(from)?.namespace;
    if (own === spec) return 'ignore';
    // extension methods are often declared in the framework's own namespaces (Microsoft.Extensions.Hosting):
    // a using of one of those is a use of the framework, not of the file that extends it
    if (/^(System|Microsoft|Windows)(\.|$)/.test(spec)) return 'ignore';
    // `using static X.Y.Z;` and `using A = X.Y.Z;` name a type.
    const file = this.ns.namespace(from, spec) ?? this.ns.type(from, spec);
    if (file) {
      // C# sees another project's types only through a ProjectReference: the same namespace declared in a
      // project this one does not reference is its own code (a gRPC client generated from the other's .proto)
      const mine = this.ns.module(dirOf(from));
      const theirs = this.ns.module(dirOf(file));
      if (mine !== undefined && theirs !== undefined && this.references.has(mine) && !this.reachable(mine).has(theirs)) return 'ignore';
      return { files: [file] };
    }
    return this.ns.looksLocal(spec, '.') ? 'unresolved' : 'ignore';
  }
}

export class PhpResolver {
  private readonly ns: NamespaceIndex;
  private readonly psr4: { prefix: string; dirs: string[] }[] = [];

  constructor(private readonly index: RepoIndex) {
    this.ns = new NamespaceIndex(index, /\.php$/, '\\', /^composer\.json$/);
    for (const [file, facts] of index.facts) {
      for (const entry of facts.psr4 ?? []) {
        const prefix = entry.prefix.endsWith('\\') || entry.prefix === '' ? entry.prefix : `${entry.prefix}\\`;
        const dirs = entry.dirs.map((d) => joinPath(dirOf(file), d)).filter((d): d is string => d !== undefined);
        this.psr4.push({ prefix, dirs });
      }
    }
    this.psr4.sort((a, b) => b.prefix.length - a.prefix.length || (a.prefix < b.prefix ? -1 : 1));
  }

  resolve(from: string, imp: ImportFact): Resolution {
    const spec = imp.specifier;
    if (imp.kind === 'include') {
      const candidates = [joinPath(dirOf(from), spec), spec.startsWith('.') ? undefined : joinPath('', spec)];
      const file = candidates.find((c) => c !== undefined && this.index.files.has(c));
      if (file) return { files: [file] };
      // Composer's vendor/ tree is installed, not committed.
      return /(^|\/)vendor\//.test(spec) ? 'ignore' : 'unresolved';
    }
    let claimed = false;
    for (const { prefix, dirs } of this.psr4) {
      if (!spec.startsWith(prefix)) continue;
      claimed = true;
      const rel = `${spec.slice(prefix.length).split('\\').join('/')}.php`;
      for (const dir of dirs) {
        const path = joinPath(dir, rel);
        if (path !== undefined && this.index.files.has(path)) return { files: [path] };
      }
    }
    const type = this.ns.type(from, spec);
    if (type) return { files: [type] };
    return claimed || this.ns.looksLocal(spec, '\\') ? 'unresolved' : 'ignore';
  }
}
