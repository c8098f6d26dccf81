/**
 * Go resolution. An import names a package (a folder), not a file: the edge points at the package's
 * representative file, the first non-test .go file of the folder in sorted order. That is enough to
 * aggregate edges to folders, modules and components; it says nothing about which file is used.
 * Local modules come from go.mod manifests (ManifestFact.name), so go.work and replace-linked modules
 * resolve the same way; standard library paths (no dot in the first segment) are skipped.
 */
import type { ImportFact } from '../../detect/facts.js';
import { baseOf, dirOf, joinPath } from './paths.js';
import type { RepoIndex, Resolution } from './types.js';

const HOSTS_OF_THREE = /^(github\.com|gitlab\.com|bitbucket\.org|golang\.org\/x|codeberg\.org)\//;

export class GoResolver {
  private readonly modules: { path: string; dir: string }[] = [];
  private readonly requires: string[] = [];

  constructor(private readonly index: RepoIndex) {
    for (const [file, facts] of index.facts) {
      if (baseOf(file) === 'go.mod') {
        for (const m of facts.manifests ?? []) if (m.ecosystem === 'go' && m.name) this.modules.push({ path: m.name, dir: dirOf(file) });
      }
      for (const d of facts.dependencies ?? []) if (d.ecosystem === 'go') this.requires.push(d.name);
    }
    // Longest module path first: nested modules win over their parent.
    this.modules.sort((a, b) => b.path.length - a.path.length || (a.dir < b.dir ? -1 : 1));
    this.requires.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  }

  resolve(_from: string, imp: ImportFact): Resolution {
    const spec = imp.specifier;
    for (const mod of this.modules) {
      if (spec !== mod.path && !spec.startsWith(`${mod.path}/`)) continue;
      const dir = joinPath(mod.dir, spec.slice(mod.path.length + 1));
      const file = dir === undefined ? undefined : this.representative(dir);
      return file ? { files: [file] } : 'unresolved';
    }
    if (!spec.split('/')[0].includes('.')) return 'ignore';
    const required = this.requires.find((r) => spec === r || spec.startsWith(`${r}/`));
    // a package inside a module may be a product of its own: github.com/jinzhu/gorm/dialects/mysql is MySQL
    const within = (module: string) => (spec === module ? { ecosystem: 'go' as const, name: module } : { ecosystem: 'go' as const, name: module, subpath: spec });
    if (required) return { external: within(required) };
    const host = HOSTS_OF_THREE.exec(spec);
    if (host) {
      const segs = spec.split('/');
      if (segs.length >= 3) return { external: within(segs.slice(0, 3).join('/')) };
    }
    // Unknown hosts: the module boundary cannot be told from the path alone.
    return 'ignore';
  }

  private representative(dir: string): string | undefined {
    const names = this.index.dirFiles.get(dir) ?? [];
    const name = names.find((n) => n.endsWith('.go') && !n.endsWith('_test.go'));
    return name === undefined ? undefined : dir ? `${dir}/${name}` : name;
  }
}
