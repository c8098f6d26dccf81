/**
 * Ruby: `require_relative` from the file's folder; `require 'x'` against the repository's lib/ folders
 * (the load path gems set up), nearest first. Anything else is a gem or the standard library, which is
 * not reported: a require path does not name its gem reliably ("active_support" is "activesupport").
 */
import type { ImportFact } from '../../detect/facts.js';
import { baseOf, dirOf, joinPath } from './paths.js';
import type { RepoIndex, Resolution } from './types.js';

export class RubyResolver {
  private readonly libs: string[];
  private readonly rankedByDir = new Map<string, string[]>();

  constructor(private readonly index: RepoIndex) {
    this.libs = [...index.dirFiles.keys()].filter((d) => baseOf(d) === 'lib').sort();
  }

  resolve(from: string, imp: ImportFact): Resolution {
    const spec = imp.specifier;
    const withExt = spec.endsWith('.rb') ? spec : `${spec}.rb`;
    if (spec.startsWith('.')) {
      const path = joinPath(dirOf(from), withExt);
      return path !== undefined && this.index.files.has(path) ? { files: [path] } : 'unresolved';
    }
    // Nearest lib/ first: the one whose project holds the importing file.
    let ranked = this.rankedByDir.get(dirOf(from));
    if (!ranked) {
      ranked = [...this.libs].sort((a, b) => this.closeness(from, b) - this.closeness(from, a) || (a < b ? -1 : 1));
      this.rankedByDir.set(dirOf(from), ranked);
    }
    for (const lib of ranked) {
      const path = joinPath(lib, withExt);
      if (path !== undefined && this.index.files.has(path)) return { files: [path] };
    }
    return 'ignore';
  }

  private closeness(from: string, lib: string): number {
    const project = dirOf(lib);
    return project === '' || from.startsWith(`${project}/`) ? project.length + 1 : 0;
  }
}
