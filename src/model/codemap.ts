/**
 * The codemap: the top-level modules inside each of the system's own containers, so a newcomer can
 * answer "where is the thing that does X". A module is a folder of source files under the container's
 * source root (src/, lib/, app/, the Java package root, Go's cmd/internal/pkg ...).
 */
import type { Context } from './context.js';
import { evidence } from './evidence.js';
import type { Component, Container } from './types.js';
import { slug } from './context.js';
import { dirOf, nearestUp } from './graph/paths.js';

const MAX_COMPONENTS = 16;
const SOURCE_ROOTS = ['src', 'lib', 'app', 'source', 'packages'];

export function buildCodemap(ctx: Context, containers: Container[]): Component[] {
  const owned = containers.filter((c) => c.role === 'main' && c.path !== undefined);
  const byPath = new Map(owned.map((c) => [c.path!, c]));
  const components: Component[] = [];
  // each source file goes to its deepest container, found by walking up its folders: O(files x depth)
  const filesOf = new Map<string, string[]>();
  for (const f of ctx.input.files) {
    if (f.languageType !== 'programming' || f.role !== 'main' || f.generated || f.language === 'Dockerfile' || f.language === 'Makefile' || f.language === 'Shell') continue;
    if (f.path.startsWith('.') || f.path.includes('/.')) continue; // hidden folders hold tooling, never the codemap
    const owner = nearestUp(byPath, dirOf(f.path));
    if (!owner) continue;
    const list = filesOf.get(owner.id);
    if (list) list.push(f.path);
    else filesOf.set(owner.id, [f.path]);
  }
  const readmes = new Map<string, string>();
  for (const p of ctx.input.facts.keys()) if (/(^|\/)readme(\.md)?$/i.test(p)) readmes.set(p.slice(0, Math.max(0, p.lastIndexOf('/'))), p);
  for (const c of owned) {
    const prefix = c.path ? `${c.path}/` : '';
    const mine = (filesOf.get(c.id) ?? []).map((p) => p.slice(prefix.length));
    if (!mine.length) continue;
    const root = sourceRoot(mine);
    const modules = new Map<string, { files: number; language: Map<string, number> }>();
    for (const rel of mine) {
      if (root && !rel.startsWith(`${root}/`)) continue;
      const inside = root ? rel.slice(root.length + 1) : rel;
      const slash = inside.indexOf('/');
      if (slash === -1) continue; // files directly in the root are the container itself
      const name = inside.slice(0, slash);
      const m = modules.get(name) ?? { files: 0, language: new Map() };
      m.files++;
      const lang = ctx.fileByPath.get(prefix + rel)?.language;
      if (lang) m.language.set(lang, (m.language.get(lang) ?? 0) + 1);
      modules.set(name, m);
    }
    const names = [...modules.keys()].filter((n) => !n.startsWith('.') && !/^(tests?|__tests__|spec|fixtures?|examples?|docs|scripts|vendor)$/i.test(n));
    // past the cap, the largest modules are the ones worth naming (kimai's Invoice and Timesheet, not
    // whichever sort first by name)
    const kept = names.sort((a, b) => modules.get(b)!.files - modules.get(a)!.files || (a < b ? -1 : 1)).slice(0, MAX_COMPONENTS).sort();
    for (const name of kept) {
      const path = [c.path, root, name].filter(Boolean).join('/');
      const m = modules.get(name)!;
      const language = [...m.language.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
      const comp: Component = { id: `component:${slug(path)}`, containerId: c.id, name, path, evidence: [evidence(path, 'source folder')] };
      if (language) comp.language = language;
      const readme = readmes.get(path);
      const summary = readme ? ctx.input.facts.get(readme)?.intro?.summary : undefined;
      if (summary) comp.description = { value: summary, evidence: [evidence(readme!, 'README first paragraph', ctx.input.facts.get(readme!)?.intro?.summaryLine)] };
      components.push(comp);
    }
  }
  return components.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Where the modules start: src/, the deepest single-child chain of a Java tree, or the container folder itself. */
function sourceRoot(files: string[]): string {
  // a conventional source folder is the root only when it holds most of the code: a Next.js app keeps
  // app/, components/ and lib/ side by side, and lib/ is then one module among others
  const counts = new Map<string, number>();
  for (const f of files) if (f.includes('/')) counts.set(f.slice(0, f.indexOf('/')), (counts.get(f.slice(0, f.indexOf('/'))) ?? 0) + 1);
  let root = SOURCE_ROOTS.find((r) => (counts.get(r) ?? 0) >= files.length * 0.6) ?? '';
  if (root === 'src' && files.some((f) => f.startsWith('src/main/'))) {
    root = 'src/main';
    // com/acme/shop/... : descend while there is exactly one folder and no file
    for (;;) {
      const below = files.filter((f) => f.startsWith(`${root}/`)).map((f) => f.slice(root.length + 1));
      const dirs = new Set(below.filter((f) => f.includes('/')).map((f) => f.slice(0, f.indexOf('/'))));
      const filesHere = below.some((f) => !f.includes('/'));
      if (dirs.size !== 1 || filesHere) break;
      root = `${root}/${[...dirs][0]}`;
    }
  }
  return root;
}
