/**
 * Gradle version catalogs, resolved across files. A catalog (gradle/libs.versions.toml) declares the libraries
 * a build may use; each module's build script picks some of them (`implementation(libs.ktor.server.core)`).
 * Each reference becomes that module's dependency, and a catalog whose entries the scripts pick is a list of
 * declarations, no longer a dependency of the project at its root.
 */
import type { DependencyFact, FileFacts } from './facts.js';

const CATALOG_FILE = /^(?:(.*)\/)?gradle\/([\w-]+)\.versions\.toml$/;

interface Catalog {
  file: string;
  /** The folder of the Gradle build the catalog belongs to ('' for the repository root). */
  root: string;
  /** Accessor ("libs.ktor.server.core") -> the declared library. */
  entries: Map<string, DependencyFact>;
  used: boolean;
}

/** Gradle turns the separators of an alias (-, _, .) into the dots of its accessor. */
const accessor = (catalog: string, alias: string) => `${catalog}.${alias.replace(/[-_.]/g, '.')}`;

export function resolveVersionCatalogs(facts: Map<string, FileFacts>): void {
  const catalogs: Catalog[] = [];
  for (const [path, f] of facts) {
    const m = CATALOG_FILE.exec(path);
    if (!m || !f.dependencies?.length) continue;
    const entries = new Map<string, DependencyFact>();
    for (const dep of f.dependencies) if (dep.catalogAlias) entries.set(accessor(m[2], dep.catalogAlias), dep);
    catalogs.push({ file: path, root: m[1] ?? '', entries, used: false });
  }
  for (const [path, f] of facts) {
    if (!f.dependencies?.some((d) => d.catalogRef)) continue;
    // the catalog of the build this script belongs to: the deepest one above it
    const catalog = catalogs.filter((c) => c.root === '' || path.startsWith(`${c.root}/`)).sort((a, b) => b.root.length - a.root.length)[0];
    const dependencies: DependencyFact[] = [];
    for (const dep of f.dependencies) {
      if (!dep.catalogRef) {
        dependencies.push(dep);
        continue;
      }
      // a reference no catalog here declares (a bundle, a plugin-provided accessor such as compose.runtime) is dropped
      const declared = catalog?.entries.get(dep.name);
      if (!declared) continue;
      catalog!.used = true;
      dependencies.push({ ecosystem: declared.ecosystem, name: declared.name, ...(declared.version ? { version: declared.version } : {}), scope: dep.scope, ...(dep.line ? { line: dep.line } : {}) });
    }
    facts.set(path, { ...f, dependencies });
  }
  for (const c of catalogs) {
    if (!c.used) continue;
    const f = facts.get(c.file)!;
    facts.set(c.file, { ...f, dependencies: f.dependencies!.filter((d) => !d.catalogAlias) });
  }
}
