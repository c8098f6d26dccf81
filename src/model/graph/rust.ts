/**
 * Rust: `mod x;` -> x.rs or x/mod.rs beside the module; `use crate::a::b` / `self::` / `super::` and
 * 2018 uniform paths to a sibling module -> the deepest module file that exists (an item defined in a
 * module lands on that module's file); a workspace crate -> its src/ modules or src/lib.rs. Third-party
 * crates are reported only when some Cargo.toml declares them, because `use Enum::*` and similar look
 * exactly like a crate path.
 */
import type { ImportFact } from '../../detect/facts.js';
import { ancestors, baseOf, dirOf, joinPath } from './paths.js';
import type { RepoIndex, Resolution } from './types.js';

const STD = new Set(['std', 'core', 'alloc', 'proc_macro', 'test']);
const ROOT_FILES = new Set(['lib.rs', 'main.rs', 'mod.rs', 'build.rs']);

export class RustResolver {
  /** Crate name with "-" as "_" -> crate folder. */
  private readonly crates = new Map<string, string>();
  /** Declared dependencies, "_" spelling -> name as declared. */
  private readonly declared = new Map<string, string>();

  constructor(private readonly index: RepoIndex) {
    for (const [file, facts] of [...index.facts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (baseOf(file) === 'Cargo.toml') {
        for (const m of facts.manifests ?? []) {
          if (m.ecosystem === 'cargo' && m.name && !this.crates.has(m.name.replace(/-/g, '_'))) this.crates.set(m.name.replace(/-/g, '_'), dirOf(file));
        }
      }
      for (const d of facts.dependencies ?? []) if (d.ecosystem === 'cargo') this.declared.set(d.name.replace(/-/g, '_'), d.name);
    }
  }

  resolve(from: string, imp: ImportFact): Resolution {
    const modDir = this.moduleDir(from);
    if (imp.specifier.startsWith('path:')) {
      const file = joinPath(modDir, imp.specifier.slice(5));
      return file !== undefined && this.index.files.has(file) ? { files: [file] } : 'unresolved';
    }
    if (imp.specifier.startsWith('mod:')) {
      const file = this.moduleFile(`${modDir}/${imp.specifier.slice(4)}`.replace(/^\//, ''));
      return file ? { files: [file] } : 'unresolved';
    }
    const segs = imp.specifier.split('::');
    const head = segs[0];
    if (STD.has(head)) return 'ignore';
    if (head === 'crate') return this.walk(this.crateSrc(from), segs.slice(1)) ?? 'unresolved';
    if (head === 'self') return this.walk(modDir, segs.slice(1)) ?? 'unresolved';
    if (head === 'super') {
      let dir = modDir;
      let i = 0;
      while (segs[i] === 'super') {
        dir = dirOf(dir);
        i++;
      }
      return this.walk(dir, segs.slice(i)) ?? 'unresolved';
    }
    if (this.moduleFile(modDir ? `${modDir}/${head}` : head)) return this.walk(modDir, segs) ?? 'unresolved';
    const crate = this.crates.get(head);
    if (crate !== undefined) {
      const src = crate ? `${crate}/src` : 'src';
      return this.walk(src, segs.slice(1)) ?? 'unresolved';
    }
    const declared = this.declared.get(head);
    return declared ? { external: { ecosystem: 'cargo', name: declared } } : 'ignore';
  }

  /** Folder holding a file's child modules: its own folder for lib.rs/main.rs/mod.rs and crate roots, else a folder named after it. */
  private moduleDir(file: string): string {
    const dir = dirOf(file);
    const base = baseOf(file);
    if (ROOT_FILES.has(base) || /(^|\/)(tests|examples|benches|src\/bin)$/.test(dir)) return dir;
    return dir ? `${dir}/${base.slice(0, -3)}` : base.slice(0, -3);
  }

  /** Folder of the crate root (lib.rs or main.rs) above a file: the topmost one below its Cargo.toml.
   *  Usually <crate>/src, but `[[bin]] path = "crates/core/main.rs"` layouts put it elsewhere. */
  private crateSrc(file: string): string {
    let root: string | undefined;
    let targetDir: string | undefined;
    const files = this.index.files;
    for (const dir of ancestors(dirOf(file))) {
      const at = (name: string) => (dir ? `${dir}/${name}` : name);
      if (files.has(at('lib.rs')) || files.has(at('main.rs'))) root = dir;
      // Integration tests, examples and benches are crates of their own, rooted in their folder.
      if (/^(tests|examples|benches)$/.test(baseOf(dir))) targetDir = dir;
      if (files.has(at('Cargo.toml'))) {
        if (root === undefined) root = targetDir ?? (files.has(at('src/lib.rs')) || files.has(at('src/main.rs')) ? at('src') : undefined);
        break;
      }
    }
    return root ?? 'src';
  }

  private moduleFile(path: string): string | undefined {
    const files = this.index.files;
    if (files.has(`${path}.rs`)) return `${path}.rs`;
    if (files.has(`${path}/mod.rs`)) return `${path}/mod.rs`;
    return undefined;
  }

  /** The deepest existing module along `segs` under `base`, else the module file of `base` itself. */
  private walk(base: string, segs: string[]): Resolution | undefined {
    for (let n = segs.length; n >= 1; n--) {
      const file = this.moduleFile([base, ...segs.slice(0, n)].filter(Boolean).join('/'));
      if (file) return { files: [file] };
    }
    const files = this.index.files;
    for (const root of ['lib.rs', 'main.rs', 'mod.rs']) {
      const path = base ? `${base}/${root}` : root;
      if (files.has(path)) return { files: [path] };
    }
    const own = base ? this.moduleFile(base) : undefined;
    return own ? { files: [own] } : undefined;
  }
}
