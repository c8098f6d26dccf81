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

/** Files by namespace and by fully qualified type name (namespace + separator + base name without extension). */
class NamespaceIndex {
  readonly byNamespace = new Map<string, string[]>();
  readonly byType = new Map<string, string>();

  constructor(index: RepoIndex, ext: RegExp, sep: string) {
    for (const file of index.sorted) {
      if (!ext.test(file)) continue;
      const ns = index.facts.get(file)?.namespace;
      if (!ns) continue;
      const list = this.byNamespace.get(ns);
      if (list) list.push(file);
      else this.byNamespace.set(ns, [file]);
      const type = `${ns}${sep}${baseOf(file).replace(/\.[^.]+$/, '')}`;
      if (!this.byType.has(type)) this.byType.set(type, file);
    }
  }

  /** Whether a name lies under one of this repository's own namespaces, so a miss is worth counting.
   *  Sharing only a vendor prefix ("org.springframework") is not enough: the framework is not here. */
  looksLocal(name: string, sep: string): boolean {
    const segs = name.split(sep);
    for (let n = segs.length - 1; n >= 1; n--) if (this.byNamespace.has(segs.slice(0, n).join(sep))) return true;
    return false;
  }
}

export class JvmResolver {
  private readonly ns: NamespaceIndex;
  constructor(index: RepoIndex) {
    this.ns = new NamespaceIndex(index, JVM_EXT, '.');
  }

  resolve(_from: string, imp: ImportFact): Resolution {
    const spec = imp.specifier;
    if (spec.endsWith('.*')) {
      const pkg = spec.slice(0, -2);
      const files = this.ns.byNamespace.get(pkg);
      if (files) return { files: [files[0]] };
      // `import a.b.C.*` imports C's members.
      const type = this.ns.byType.get(pkg);
      if (type) return { files: [type] };
    } else {
      // Longest type name first: `a.b.C.Inner` and `static a.b.C.member` land on C.
      const segs = spec.split('.');
      for (let n = segs.length; n >= 2; n--) {
        const file = this.ns.byType.get(segs.slice(0, n).join('.'));
        if (file) return { files: [file] };
      }
      // Kotlin imports top-level functions by package; point at the package.
      const pkg = this.ns.byNamespace.get(segs.slice(0, -1).join('.'));
      if (pkg) return { files: [pkg[0]] };
    }
    return this.ns.looksLocal(spec, '.') ? 'unresolved' : 'ignore';
  }
}

export class CSharpResolver {
  private readonly ns: NamespaceIndex;
  private readonly projectOfDir = new Map<string, string | undefined>();
  constructor(private readonly index: RepoIndex) {
    this.ns = new NamespaceIndex(index, /\.cs$/, '.');
  }

  /** Folder of the nearest .csproj above a folder. */
  private project(dir: string): string | undefined {
    if (this.projectOfDir.has(dir)) return this.projectOfDir.get(dir);
    const here = (this.index.dirFiles.get(dir) ?? []).some((n) => n.endsWith('.csproj') || n.endsWith('.fsproj') || n.endsWith('.vbproj'));
    const found = here ? dir : dir ? this.project(dirOf(dir)) : undefined;
    this.projectOfDir.set(dir, found);
    return found;
  }

  /** A namespace declared in several projects: prefer the importing file's own project, so the edge
   *  never claims a cross-project use that may not exist (ProjectReference edges say that better). */
  private representative(from: string, files: string[]): string {
    if (files.length === 1) return files[0];
    const own = this.project(dirOf(from));
    return (own !== undefined && files.find((f) => this.project(dirOf(f)) === own)) || files[0];
  }

  resolve(from: string, imp: ImportFact): Resolution {
    const spec = imp.specifier;
    const own = this.index.facts.get(from)?.namespace;
    if (own === spec) return 'ignore';
    const files = this.ns.byNamespace.get(spec);
    if (files) return { files: [this.representative(from, files)] };
    // `using static X.Y.Z;` and `using A = X.Y.Z;` name a type.
    const type = this.ns.byType.get(spec);
    if (type) return { files: [type] };
    return this.ns.looksLocal(spec, '.') ? 'unresolved' : 'ignore';
  }
}

export class PhpResolver {
  private readonly ns: NamespaceIndex;
  private readonly psr4: { prefix: string; dirs: string[] }[] = [];

  constructor(private readonly index: RepoIndex) {
    this.ns = new NamespaceIndex(index, /\.php$/, '\\');
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
    const type = this.ns.byType.get(spec);
    if (type) return { files: [type] };
    return claimed || this.ns.looksLocal(spec, '\\') ? 'unresolved' : 'ignore';
  }
}
