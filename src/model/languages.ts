/**
 * Language shares by bytes over the repository's own programming files, as linguist counts them:
 * vendored, generated, documentation, examples and fixtures left out.
 */
import type { ScannedFile } from '../scan/index.js';
import type { LanguageShare } from './types.js';

const NOT_COUNTED = new Set(['Makefile', 'Dockerfile', 'Shell', 'PowerShell', 'HCL', 'CMake', 'Nix', 'Groovy']);
/** Of those, the ones a project can be written in (an installer in shell, a Terraform module). */
const SCRIPT_CODE = new Set(['Shell', 'PowerShell', 'HCL', 'Nix']);

export function languageShares(files: ScannedFile[]): LanguageShare[] {
  const stats = new Map<string, { files: number; bytes: number }>();
  let total = 0;
  const counted = (f: ScannedFile): f is ScannedFile & { language: string } => f.languageType === 'programming' && Boolean(f.language) && !f.generated && !f.binary;
  // tests count in the languages of the code they test: a Rust highlighter's sample files in thirty
  // languages (bat's tests/syntax-tests) are inputs, not the project's languages
  const mainLanguages = new Set(files.filter((f) => counted(f) && f.role === 'main').map((f) => f.language));
  let scripts = 0;
  for (const f of files) {
    if (!counted(f)) continue;
    if (f.role !== 'main' && (f.role !== 'test' || (mainLanguages.size > 0 && !mainLanguages.has(f.language)))) continue;
    const s = stats.get(f.language) ?? { files: 0, bytes: 0 };
    s.files++;
    s.bytes += f.size;
    stats.set(f.language, s);
    if (!NOT_COUNTED.has(f.language)) total += f.size;
    else if (SCRIPT_CODE.has(f.language)) scripts += f.size;
  }
  // build scripts and infrastructure code count only where they are most of the code: an installer written
  // in shell (sentry's self-hosted), a Terraform module
  const countAll = scripts > total;
  if (countAll) total += scripts;
  const shareOf = (name: string, bytes: number) => (total && (!NOT_COUNTED.has(name) || (countAll && SCRIPT_CODE.has(name))) ? Math.round((bytes / total) * 1000) / 1000 : 0);
  return [...stats.entries()]
    .map(([name, s]) => ({ name, files: s.files, bytes: s.bytes, share: shareOf(name, s.bytes) }))
    .sort((a, b) => b.bytes - a.bytes || (a.name < b.name ? -1 : 1));
}

/**
 * Main language of a folder, by bytes, among `prefer` when the folder holds any of those (a Maven module's
 * Java over the JavaScript of the static pages it serves); undefined when it holds no code.
 */
export function languageOfFolder(files: ScannedFile[]): (path: string, prefer?: ReadonlySet<string>) => string | undefined {
  const byFolder = new Map<string, Map<string, number>>();
  for (const f of files) {
    if (f.languageType !== 'programming' || !f.language || f.generated || NOT_COUNTED.has(f.language)) continue;
    // credit every ancestor folder once
    let i = f.path.length;
    for (;;) {
      i = f.path.lastIndexOf('/', i - 1);
      const folder = i < 0 ? '' : f.path.slice(0, i);
      const m = byFolder.get(folder) ?? new Map<string, number>();
      m.set(f.language, (m.get(f.language) ?? 0) + f.size);
      byFolder.set(folder, m);
      if (i < 0) break;
    }
  }
  return (path, prefer) => {
    const m = byFolder.get(path);
    if (!m) return undefined;
    const ranked = [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return (prefer && ranked.find(([name]) => prefer.has(name)))?.[0] ?? ranked[0][0];
  };
}
