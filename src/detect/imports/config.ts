/**
 * Resolution hints from configuration files, read separately from the manifest readers (which own
 * dependencies and workspaces): tsconfig/jsconfig paths, package.json entry fields, composer PSR-4.
 */
import type { PackageEntryFact, Reader, TsconfigFact } from '../facts.js';
import { maskCode } from './lexer.js';

/** JSON with comments and trailing commas, as tsconfig allows. Returns undefined when it is not JSON even then. */
export function parseJsonc(text: string): unknown {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch {
    // fall through to the lenient path
  }
  try {
    const { masked, literals } = maskCode(text, { lineComments: ['//'], blockComments: [{ open: '/*', close: '*/' }], quotes: ['"'] });
    // Put the string literals back, then drop commas before a closing bracket.
    let rebuilt = '';
    let last = 0;
    for (const [at, value] of [...literals.entries()].sort((a, b) => a[0] - b[0])) {
      rebuilt += masked.slice(last, at) + JSON.stringify(parseJsonString(value));
      last = at + 1 + value.length + 1;
    }
    rebuilt += masked.slice(last);
    return JSON.parse(rebuilt.replace(/,(\s*[}\]])/g, '$1'));
  } catch {
    return undefined;
  }
}

function parseJsonString(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const tsconfigReader: Reader = {
  id: 'imports/tsconfig',
  patterns: [/^[tj]sconfig(\.[\w.-]+)?\.json$/],
  read(path, text) {
    const json = parseJsonc(text);
    if (!isRecord(json)) return { warnings: [{ file: path, message: 'tsconfig is not valid JSON' }] };
    const fact: TsconfigFact = {};
    const options = isRecord(json.compilerOptions) ? json.compilerOptions : {};
    if (str(options.baseUrl)) fact.baseUrl = options.baseUrl as string;
    if (isRecord(options.paths)) {
      const paths: Record<string, string[]> = {};
      for (const [key, targets] of Object.entries(options.paths)) {
        if (Array.isArray(targets)) paths[key] = targets.filter((t): t is string => typeof t === 'string');
      }
      fact.paths = paths;
    }
    const ext = typeof json.extends === 'string' ? [json.extends] : Array.isArray(json.extends) ? json.extends.filter((e): e is string => typeof e === 'string') : [];
    if (ext.length) fact.extends = ext;
    if (Array.isArray(json.references)) {
      const refs = json.references.map((r) => (isRecord(r) ? str(r.path) : undefined)).filter((r): r is string => !!r);
      if (refs.length) fact.references = refs;
    }
    return { tsconfig: fact };
  },
};

/** Scripts that start the package as a program, for the developers or in production. */
const START_SCRIPTS = ['start', 'dev', 'serve', 'preview'];

export const packageEntryReader: Reader = {
  id: 'imports/package-entry',
  fileNames: ['package.json'],
  read(path, text) {
    const json = parseJsonc(text);
    if (!isRecord(json)) return {};
    const fact: PackageEntryFact = {};
    if (str(json.name)) fact.name = json.name as string;
    if (json.exports !== undefined && json.exports !== null) fact.exports = json.exports;
    if (isRecord(json.imports)) fact.imports = json.imports;
    for (const key of ['main', 'module', 'source'] as const) if (str(json[key])) fact[key] = json[key] as string;
    const types = str(json.types) ?? str(json.typings);
    if (types) fact.types = types;
    const scripts = isRecord(json.scripts) ? START_SCRIPTS.filter((name) => str((json.scripts as Record<string, unknown>)[name])) : [];
    if (scripts.length) fact.startScripts = scripts;
    return Object.keys(fact).length ? { packageEntry: fact } : {};
  },
};

export const composerPsr4Reader: Reader = {
  id: 'imports/composer-psr4',
  fileNames: ['composer.json'],
  read(path, text) {
    const json = parseJsonc(text);
    if (!isRecord(json)) return {};
    const psr4: { prefix: string; dirs: string[] }[] = [];
    for (const section of [json.autoload, json['autoload-dev']]) {
      if (!isRecord(section) || !isRecord(section['psr-4'])) continue;
      for (const [prefix, dirs] of Object.entries(section['psr-4'])) {
        const list = (Array.isArray(dirs) ? dirs : [dirs]).filter((d): d is string => typeof d === 'string');
        if (list.length) psr4.push({ prefix, dirs: list });
      }
    }
    return psr4.length ? { psr4 } : {};
  },
};
