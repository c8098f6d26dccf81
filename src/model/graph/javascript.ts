/**
 * JS/TS resolution without node_modules: relative paths with TypeScript's extension probing, tsconfig
 * `paths`/`baseUrl` (nearest tsconfig, `extends` followed inside the repository), package.json `imports`
 * (#x), and workspace packages by name through `exports`/`types`/`main` with a dist -> src fallback,
 * because built output is rarely committed. What remains bare is a third-party package.
 */
import { builtinModules } from 'node:module';
import type { FileFacts, ImportFact, TsconfigFact } from '../../detect/facts.js';
import { ancestors, baseOf, dirOf, joinPath } from './paths.js';
import { satisfiesRange } from './semver.js';
import type { RepoIndex, Resolution } from './types.js';

const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.vue', '.svelte', '.json'];
const TS_FOR_JS: Record<string, string[]> = { '.js': ['.ts', '.tsx', '.d.ts'], '.jsx': ['.tsx'], '.mjs': ['.mts', '.d.mts'], '.cjs': ['.cts', '.d.cts'] };
const BUILTINS = new Set(builtinModules);
const STEM = /^(.*?)(\.d\.[mc]?ts|\.[mc]?[jt]sx?|\.vue|\.svelte|\.json)$/;
const BUILD_DIRS = new Set(['dist', 'lib', 'build', 'out', 'esm', 'cjs', 'es', 'types', 'dts']);
const NPM_NAME = /^(?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*$/;
// A bare specifier under these folders is a fixture or a vendored copy, not a workspace package.
const NOT_A_WORKSPACE = /(^|\/)(node_modules|fixtures?|__fixtures__|testdata|vendor)(\/|$)/;

interface EffectiveTsconfig {
  /** Folder that `paths` targets are relative to. */
  pathsBase?: string;
  paths?: Record<string, string[]>;
  pathsDeclaredIn?: string;
  baseUrl?: string;
}

interface WorkspacePackage {
  dir: string;
  entry: NonNullable<FileFacts['packageEntry']>;
}

export function npmPackageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/\/+$/, '')
    .replace(/^\.\//, '')
    .split('/')
    .map((seg) => (seg === '**' ? '.*' : seg.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')))
    .join('/');
  return new RegExp(`^${body.replace(/\/\.\*$/, '(/.*)?')}$`);
}

export class JsResolver {
  private readonly tsconfigCache = new Map<string, EffectiveTsconfig>();
  private readonly nearestTsconfig = new Map<string, string | undefined>();
  private readonly nearestPackage = new Map<string, string | undefined>();
  private readonly nearestAnyPackage = new Map<string, string | undefined>();
  private readonly packages = new Map<string, WorkspacePackage>();
  /** npm dependency names declared anywhere; when there are some, only those are reported as externals. */
  private readonly declared = new Set<string>();

  /** Extensionless path -> extension -> file, for the extensions an import may leave out. */
  private readonly stems = new Map<string, Map<string, string>>();

  constructor(private readonly index: RepoIndex) {
    for (const file of index.sorted) {
      const m = STEM.exec(file);
      if (!m) continue;
      const byExt = this.stems.get(m[1]);
      if (byExt) byExt.set(m[2], file);
      else this.stems.set(m[1], new Map([[m[2], file]]));
    }
    const workspaceGlobs: RegExp[] = [];
    const excluded: RegExp[] = [];
    for (const [path, facts] of index.facts) {
      for (const dep of facts.dependencies ?? []) if (dep.ecosystem === 'npm') this.declared.add(dep.name);
      for (const m of facts.manifests ?? []) {
        if (m.ecosystem !== 'npm' || !m.workspaces) continue;
        const base = dirOf(path);
        for (const w of m.workspaces) {
          const neg = w.startsWith('!');
          const full = joinPath(base, neg ? w.slice(1) : w);
          if (full === undefined) continue;
          (neg ? excluded : workspaceGlobs).push(globToRegExp(full));
        }
      }
    }
    const candidates: WorkspacePackage[] = [];
    for (const [path, facts] of index.facts) {
      if (baseOf(path) !== 'package.json') continue;
      // The entry reader normally gives the name; the manifest reader's name serves when it is alone.
      const manifestName = facts.manifests?.find((m) => m.ecosystem === 'npm' && m.name)?.name;
      const entry = facts.packageEntry?.name ? facts.packageEntry : manifestName ? { ...facts.packageEntry, name: manifestName } : undefined;
      if (!entry) continue;
      const dir = dirOf(path);
      const member = workspaceGlobs.some((g) => g.test(dir)) && !excluded.some((g) => g.test(dir));
      // With workspaces declared, only members count; otherwise any package outside fixtures and vendored code.
      if (workspaceGlobs.length ? !member && dir !== '' : NOT_A_WORKSPACE.test(dir)) continue;
      candidates.push({ dir, entry });
    }
    // Same name twice: the shallower folder wins, then the first in order, so the choice is stable.
    candidates.sort((a, b) => a.dir.split('/').length - b.dir.split('/').length || (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
    for (const c of candidates) if (!this.packages.has(c.entry.name!)) this.packages.set(c.entry.name!, c);
  }

  resolve(from: string, imp: ImportFact): Resolution {
    // Loader prefixes and queries ("raw-loader!./x", "./x.svg?react") name a file by what is left.
    let spec = imp.specifier.startsWith('#') ? imp.specifier.replace(/\?.*$/, '') : imp.specifier.replace(/[?#].*$/, '');
    if (spec.includes('!')) spec = spec.slice(spec.lastIndexOf('!') + 1);
    if (!spec) return 'ignore';
    if (spec.startsWith('.')) {
      const target = joinPath(dirOf(from), spec);
      const file = target === undefined ? undefined : this.probe(target);
      return file ? { files: [file] } : 'unresolved';
    }
    if (spec.startsWith('/')) {
      // Root-relative, as Vite and other bundlers allow: the project's folder, else the repository root.
      const pkg = this.nearest(this.nearestAnyPackage, dirOf(from), ['package.json'], () => true);
      const inProject = pkg === undefined ? undefined : joinPath(dirOf(pkg), spec.slice(1));
      const atRoot = joinPath('', spec.slice(1));
      const file = (inProject ? this.probe(inProject) : undefined) ?? (atRoot ? this.probe(atRoot) : undefined);
      return file ? { files: [file] } : 'unresolved';
    }
    if (spec.startsWith('node:') || BUILTINS.has(spec) || /^(bun|deno|npm|jsr|https?|data|virtual):/.test(spec)) return 'ignore';

    const tsconfig = this.tsconfigFor(from);
    if (tsconfig?.paths) {
      const hit = this.viaPaths(spec, tsconfig);
      if (hit) return { files: [hit] };
    }
    if (spec.startsWith('#')) {
      const hit = this.viaPackageImports(from, spec);
      return hit ? { files: [hit] } : 'unresolved';
    }
    const name = npmPackageName(spec);
    const pkg = this.packages.get(name);
    if (pkg && this.installsFromRegistry(from, name, pkg)) return { external: spec === name ? { ecosystem: 'npm', name } : { ecosystem: 'npm', name, subpath: spec } };
    if (pkg) {
      const hit = this.viaPackage(pkg, spec === name ? '.' : `./${spec.slice(name.length + 1)}`);
      return hit ? { files: [hit] } : 'unresolved';
    }
    if (tsconfig?.baseUrl !== undefined) {
      const target = joinPath(tsconfig.baseUrl, spec);
      const hit = target === undefined ? undefined : this.probe(target);
      if (hit) return { files: [hit] };
    }
    if (!NPM_NAME.test(name) || BUILTINS.has(name)) return 'unresolved';
    if (this.declared.size && !this.declared.has(name)) return 'unresolved';
    return { external: spec === name ? { ecosystem: 'npm', name } : { ecosystem: 'npm', name, subpath: spec } };
  }

  /**
   * The importing package declares the name with a version range the repository's package of that name does not
   * satisfy ("langfuse": "3.38.4" against the private root at 4.16.0): the import is of the published package.
   */
  private installsFromRegistry(from: string, name: string, pkg: WorkspacePackage): boolean {
    const own = this.nearest(this.nearestAnyPackage, dirOf(from), ['package.json'], () => true);
    if (own === undefined || dirOf(own) === pkg.dir) return false;
    const declared = this.index.facts.get(own)?.dependencies?.find((d) => d.ecosystem === 'npm' && d.name === name);
    if (!declared) return false;
    const version = this.index.facts.get(pkg.dir ? `${pkg.dir}/package.json` : 'package.json')?.manifests?.find((m) => m.ecosystem === 'npm')?.version;
    return !satisfiesRange(declared.version ?? '*', version);
  }

  /** A file for a path as an import names it: exact, TS source for .js, added extension, or folder index.
   *  Files are looked up by extensionless stem, so a probe costs a few map lookups, not one per extension. */
  probe(target: string): string | undefined {
    const dot = target.lastIndexOf('.');
    const ext = dot > target.lastIndexOf('/') ? target.slice(dot) : '';
    if (ext && TS_FOR_JS[ext]) {
      const byExt = this.stems.get(target.slice(0, dot));
      for (const alt of TS_FOR_JS[ext]) if (byExt?.has(alt)) return byExt.get(alt);
    }
    if (ext && this.index.files.has(target)) return target;
    return this.withExtension(target) ?? this.withExtension(target ? `${target}/index` : 'index');
  }

  private withExtension(stem: string): string | undefined {
    const byExt = this.stems.get(stem);
    if (!byExt) return undefined;
    for (const e of EXTENSIONS) {
      const file = byExt.get(e);
      if (file) return file;
    }
    return undefined;
  }

  private viaPaths(spec: string, config: EffectiveTsconfig): string | undefined {
    // TypeScript picks the pattern with the longest prefix before "*"; exact keys beat patterns.
    let best: { targets: string[]; star: string } | undefined;
    let bestLen = -1;
    for (const [key, targets] of Object.entries(config.paths!)) {
      const star = key.indexOf('*');
      if (star < 0) {
        if (key === spec) {
          best = { targets, star: '' };
          break;
        }
        continue;
      }
      const pre = key.slice(0, star);
      const post = key.slice(star + 1);
      if (spec.length >= pre.length + post.length && spec.startsWith(pre) && spec.endsWith(post) && pre.length > bestLen) {
        best = { targets, star: spec.slice(pre.length, spec.length - post.length) };
        bestLen = pre.length;
      }
    }
    if (!best) return undefined;
    for (const t of best.targets) {
      const target = joinPath(config.pathsBase ?? '', t.replace('*', best.star));
      const hit = target === undefined ? undefined : this.probe(target) ?? this.fromBuildOutput(target);
      if (hit) return hit;
    }
    return undefined;
  }

  private viaPackageImports(from: string, spec: string): string | undefined {
    const pkgPath = this.nearest(this.nearestPackage, dirOf(from), ['package.json'], (p) => !!this.index.facts.get(p)?.packageEntry?.imports);
    if (!pkgPath) return undefined;
    const map = this.index.facts.get(pkgPath)!.packageEntry!.imports;
    return this.viaSubpathMap(dirOf(pkgPath), map, spec);
  }

  private viaPackage(pkg: WorkspacePackage, subpath: string): string | undefined {
    const { entry, dir } = pkg;
    if (entry.exports !== undefined) {
      const exp = entry.exports;
      const isSubpathMap = typeof exp === 'object' && exp !== null && !Array.isArray(exp) && Object.keys(exp).some((k) => k.startsWith('.'));
      const hit = isSubpathMap ? this.viaSubpathMap(dir, exp, subpath) : subpath === '.' ? this.target(dir, exp) : undefined;
      if (hit) return hit;
    }
    if (subpath === '.') {
      for (const field of [entry.source, entry.types, entry.module, entry.main]) {
        const hit = field ? this.target(dir, field) : undefined;
        if (hit) return hit;
      }
      return this.probe(joinPath(dir, 'src/index')!) ?? this.probe(joinPath(dir, 'index')!);
    }
    const rel = subpath.slice(2);
    const direct = joinPath(dir, rel);
    const inSrc = joinPath(dir, `src/${rel}`);
    if (!direct || !inSrc) return undefined;
    return this.probe(direct) ?? this.probe(inSrc) ?? this.fromBuildOutput(direct);
  }

  /** `exports` or `imports` keyed by subpath, with "*" patterns. */
  private viaSubpathMap(dir: string, map: unknown, key: string): string | undefined {
    if (typeof map !== 'object' || map === null) return undefined;
    const entries = map as Record<string, unknown>;
    if (key in entries) return this.target(dir, entries[key]);
    let best: { value: unknown; star: string } | undefined;
    let bestLen = -1;
    for (const [k, value] of Object.entries(entries)) {
      const star = k.indexOf('*');
      if (star < 0) continue;
      const pre = k.slice(0, star);
      const post = k.slice(star + 1);
      if (key.startsWith(pre) && key.endsWith(post) && key.length >= pre.length + post.length && pre.length > bestLen) {
        best = { value, star: key.slice(pre.length, key.length - post.length) };
        bestLen = pre.length;
      }
    }
    return best ? this.target(dir, best.value, best.star) : undefined;
  }

  /** A target: a string, an array of fallbacks, or conditions; the first that lands on a file wins. */
  private target(dir: string, value: unknown, star?: string, depth = 0): string | undefined {
    if (depth > 8) return undefined;
    if (typeof value === 'string') {
      const path = joinPath(dir, star === undefined ? value : value.split('*').join(star));
      return path === undefined ? undefined : this.probe(path) ?? this.fromBuildOutput(path);
    }
    const list = Array.isArray(value) ? value : typeof value === 'object' && value !== null ? Object.values(value) : [];
    for (const v of list) {
      const hit = this.target(dir, v, star, depth + 1);
      if (hit) return hit;
    }
    return undefined;
  }

  /** "pkg/dist/x.js" or "pkg/dist/x.d.ts" -> "pkg/src/x.ts": build output is usually not in the repository. */
  private fromBuildOutput(path: string): string | undefined {
    const parts = path.split('/');
    for (let i = parts.length - 2; i >= 0; i--) {
      if (!BUILD_DIRS.has(parts[i])) continue;
      const rest = parts.slice(i + 1).join('/').replace(/\.d\.[mc]?ts$/, '').replace(/\.(m|c)?js$/, '');
      for (const srcDir of ['src', 'lib', 'source']) {
        const candidate = [...parts.slice(0, i), srcDir, rest].join('/');
        const hit = this.probe(candidate);
        if (hit) return hit;
      }
      // "dist/esm/index.js": the build folder may be nested.
      const nested = rest.split('/');
      if (nested.length > 1 && BUILD_DIRS.has(nested[0])) {
        const hit = this.probe([...parts.slice(0, i), 'src', ...nested.slice(1)].join('/'));
        if (hit) return hit;
      }
    }
    return undefined;
  }

  private nearest(cache: Map<string, string | undefined>, dir: string, names: string[], accept: (path: string) => boolean): string | undefined {
    if (cache.has(dir)) return cache.get(dir);
    let found: string | undefined;
    for (const name of names) {
      const path = dir ? `${dir}/${name}` : name;
      if (this.index.files.has(path) && accept(path)) {
        found = path;
        break;
      }
    }
    if (!found && dir) found = this.nearest(cache, dirOf(dir), names, accept);
    cache.set(dir, found);
    return found;
  }

  private tsconfigFor(from: string): EffectiveTsconfig | undefined {
    const path = this.nearest(this.nearestTsconfig, dirOf(from), ['tsconfig.json', 'jsconfig.json'], (p) => !!this.index.facts.get(p)?.tsconfig);
    return path ? this.effective(path, new Set()) : undefined;
  }

  /** compilerOptions after `extends`: the child's baseUrl and paths replace the parent's, each relative to its own file. */
  private effective(path: string, seen: Set<string>): EffectiveTsconfig {
    const cached = this.tsconfigCache.get(path);
    if (cached) return cached;
    seen.add(path);
    const own: TsconfigFact = this.index.facts.get(path)?.tsconfig ?? {};
    let eff: EffectiveTsconfig = {};
    for (const ext of own.extends ?? []) {
      const parent = this.extendsTarget(path, ext);
      if (parent && !seen.has(parent)) eff = { ...eff, ...this.effective(parent, seen) };
    }
    const dir = dirOf(path);
    if (own.baseUrl !== undefined) eff = { ...eff, baseUrl: joinPath(dir, own.baseUrl) ?? '' };
    if (own.paths) eff = { ...eff, paths: own.paths, pathsDeclaredIn: dir };
    // Paths are relative to the effective baseUrl, or without one to the config that declared them.
    if (eff.paths) eff.pathsBase = eff.baseUrl ?? eff.pathsDeclaredIn;
    this.tsconfigCache.set(path, eff);
    return eff;
  }

  private extendsTarget(from: string, ext: string): string | undefined {
    const files = this.index.files;
    const candidates: string[] = [];
    if (ext.startsWith('.')) {
      const p = joinPath(dirOf(from), ext);
      if (p !== undefined) candidates.push(p, `${p}.json`, `${p}/tsconfig.json`);
    } else {
      // A shared config published from the workspace ("@acme/tsconfig/base.json").
      const name = npmPackageName(ext);
      const pkg = this.packages.get(name);
      if (pkg) {
        const rest = ext.slice(name.length + 1);
        const p = rest ? joinPath(pkg.dir, rest) : joinPath(pkg.dir, 'tsconfig.json');
        if (p !== undefined) candidates.push(p, `${p}.json`);
      }
    }
    return candidates.find((c) => files.has(c) && this.index.facts.get(c)?.tsconfig);
  }
}

/** Every folder from a file up to the root, nearest first (exported for tests and other resolvers). */
export const foldersUp = (file: string) => ancestors(dirOf(file));
