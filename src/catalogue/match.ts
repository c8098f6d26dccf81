/**
 * Looks technologies up by what a reader saw: a package name, an image, a file path, a resource type.
 * The index is built once, on first use: exact names go in a map (O(1)), entries ending in "*" go in a
 * short per-kind list of prefixes, and `file` globs are compiled to regular expressions.
 *
 * Every kind has its own normalisation, so that the same name spelled two legal ways finds the same entry:
 *   npm      exact (npm names are lowercase already)
 *   pypi     PEP 503: lowercase, runs of "-", "_" and "." are one "-"; extras ("fastapi[all]") are dropped
 *   go       the module path equals the entry or starts with entry + "/" ("github.com/jackc/pgx/v5")
 *   maven    "group:artifact" exact, or "group:*" / "group:prefix*"
 *   nuget, composer, gem, githubAction, terraformProvider, urlScheme   case-insensitive
 *   azureResource   case-insensitive, the "@api-version" dropped
 *   cargo    case-insensitive, "_" and "-" are the same (crates.io treats them so)
 *   image    registry host, tag and digest dropped, then also tried without "library/", and by its last segment
 *   githubAction   "@ref" dropped; "owner/repo/sub/path" also matches an "owner/repo" entry
 *   file     patterns without "/" match the base name; patterns with "/" match the whole repository-relative
 *            path, anchored at the root unless they start with "**\/". "*" stays within a segment,
 *            "**" crosses segments, "{a,b}" is a choice.
 */
import { alternation } from '../alternation.js';
import { azureVerifiedPatterns } from './data/cloud-azure.js';
import { technologies } from './index.js';
import type { MatcherKind, Technology } from './types.js';

interface KindIndex {
  exact: Map<string, Technology[]>;
  prefixes: { prefix: string; tech: Technology }[];
}

interface FileRule {
  pattern: RegExp;
  onBaseName: boolean;
  tech: Technology;
}

interface CatalogueIndex {
  byKind: Map<MatcherKind, KindIndex>;
  files: FileRule[];
  /** Exact base names ("Dockerfile", "go.mod") are the common case; keep them out of the regex scan. */
  fileNames: Map<string, Technology[]>;
  /** All base-name and all path patterns, each in one alternation: most files match none, and one test says so. */
  anyBaseName: RegExp;
  anyPath: RegExp;
  byId: Map<string, Technology>;
}

let cached: CatalogueIndex | undefined;

function index(): CatalogueIndex {
  if (cached) return cached;
  const byKind = new Map<MatcherKind, KindIndex>();
  const files: FileRule[] = [];
  const fileNames = new Map<string, Technology[]>();
  const byId = new Map<string, Technology>();
  for (const tech of technologies) {
    if (!byId.has(tech.id)) byId.set(tech.id, tech);
    for (const kind of Object.keys(tech.match) as MatcherKind[]) {
      for (const raw of tech.match[kind] ?? []) {
        if (kind === 'file') {
          if (!/[*{]/.test(raw) && !raw.includes('/')) push(fileNames, raw, tech);
          else files.push({ pattern: globToRegExp(raw), onBaseName: !raw.includes('/'), tech });
          continue;
        }
        let entry = byKind.get(kind);
        if (!entry) byKind.set(kind, (entry = { exact: new Map(), prefixes: [] }));
        if (raw.endsWith('*')) {
          entry.prefixes.push({ prefix: normalise(kind, raw.slice(0, -1), true), tech });
        } else {
          push(entry.exact, normalise(kind, raw, false), tech);
        }
      }
    }
  }
  const anyBaseName = alternation(files.filter((r) => r.onBaseName).map((r) => r.pattern));
  const anyPath = alternation(files.filter((r) => !r.onBaseName).map((r) => r.pattern));
  cached = { byKind, files, fileNames, byId, anyBaseName, anyPath };
  return cached;
}

function push(map: Map<string, Technology[]>, key: string, tech: Technology): void {
  const list = map.get(key);
  if (!list) map.set(key, [tech]);
  else if (!list.includes(tech)) list.push(tech);
}

/** `partial` is true for the part of a prefix entry before "*": trailing separators must survive. */
function normalise(kind: MatcherKind, value: string, partial: boolean): string {
  const v = value.trim();
  switch (kind) {
    case 'pypi': {
      const name = partial ? v : v.replace(/\[.*$/, '');
      return name.toLowerCase().replace(/[-_.]+/g, '-');
    }
    case 'cargo':
      return v.toLowerCase().replace(/_/g, '-');
    case 'nuget':
    case 'composer':
    case 'gem':
    case 'hex':
    case 'terraformProvider':
    case 'urlScheme':
      return v.toLowerCase();
    case 'azureResource':
      return v.replace(/@.*$/, '').toLowerCase();
    case 'githubAction':
      return v.replace(/@.*$/, '').toLowerCase();
    case 'image':
      return partial ? v.toLowerCase() : imageName(v);
    default:
      return v;
  }
}

/** "docker.io/library/postgres:16@sha256:..." -> "library/postgres"; a first segment with "." or ":" is a registry host. */
function imageName(ref: string): string {
  let name = ref.toLowerCase().replace(/@.*$/, '');
  const segments = name.split('/');
  const last = segments.length - 1;
  segments[last] = segments[last].replace(/:.*$/, '');
  if (segments.length > 1 && (/[.:]/.test(segments[0]) || segments[0] === 'localhost')) segments.shift();
  name = segments.join('/');
  return name;
}

function lookup(entry: KindIndex | undefined, key: string, extraKeys: string[], out: Technology[]): void {
  if (!entry) return;
  for (const k of [key, ...extraKeys]) {
    for (const tech of entry.exact.get(k) ?? []) if (!out.includes(tech)) out.push(tech);
  }
  for (const { prefix, tech } of entry.prefixes) {
    if (out.includes(tech)) continue;
    if (key.startsWith(prefix) || extraKeys.some((k) => k.startsWith(prefix))) out.push(tech);
  }
}

/** Keys that also count for a value: its parents for path-like names, a short form for images and schemes. */
function alternativeKeys(kind: MatcherKind, key: string): string[] {
  switch (kind) {
    case 'go':
    case 'githubAction': {
      const parents: string[] = [];
      let k = key;
      for (let slash = k.lastIndexOf('/'); slash > 0; slash = k.lastIndexOf('/')) {
        k = k.slice(0, slash);
        parents.push(k);
      }
      return kind === 'githubAction' ? parents.filter((p) => p.includes('/')) : parents;
    }
    case 'image':
      // an image republished under another name keeps the product's ("debezium/postgres" is PostgreSQL)
      // (but a service called "registry" is as often a service registry as Docker's image registry)
      if (key.startsWith('library/')) return [key.slice('library/'.length)];
      return key.includes('/') && !key.endsWith('/registry') ? [key.slice(key.lastIndexOf('/') + 1)] : [];
    case 'terraformProvider': {
      // "registry.terraform.io/hashicorp/aws" and "hashicorp/aws" are both the "aws" provider.
      const last = key.slice(key.lastIndexOf('/') + 1);
      return last === key ? [] : [last];
    }
    case 'urlScheme': {
      // "postgresql+asyncpg" is PostgreSQL seen through a driver; "jdbc:mysql" is MySQL.
      const keys: string[] = [];
      const bare = key.replace(/:\/*$/, '').replace(/^jdbc:/, '');
      if (bare !== key) keys.push(bare);
      const plus = bare.indexOf('+');
      if (plus > 0) keys.push(bare.slice(0, plus));
      return keys;
    }
    default:
      return [];
  }
}

/** Technologies that a value of this kind reveals, in catalogue order; [] when none. Never throws. */
export function matchTechnologies(kind: MatcherKind, value: string): Technology[] {
  if (typeof value !== 'string' || value.length === 0 || value.length > 1000) return [];
  const idx = index();
  const out: Technology[] = [];
  if (kind === 'file') {
    const path = value.replace(/\\/g, '/').replace(/^\.\//, '');
    const base = path.slice(path.lastIndexOf('/') + 1);
    for (const tech of idx.fileNames.get(base) ?? []) if (!out.includes(tech)) out.push(tech);
    const mayMatch = idx.anyBaseName.test(base) || idx.anyPath.test(path);
    for (const rule of mayMatch ? idx.files : []) {
      if (out.includes(rule.tech)) continue;
      if (rule.pattern.test(rule.onBaseName ? base : path)) out.push(rule.tech);
    }
  } else {
    const key = normalise(kind, value, false);
    lookup(idx.byKind.get(kind), key, alternativeKeys(kind, key), out);
  }
  return sortByCatalogueOrder(out);
}

/** "br/public:avm/res/document-db/database-account:0.6.0" (or under "br:mcr.microsoft.com/bicep/") -> "avm/res/document-db/database-account". */
function azureVerifiedModule(ref: string): string | undefined {
  const m = /^br(?:\/public:|:mcr\.microsoft\.com\/bicep\/)(avm\/(?:res|ptn)\/[a-z0-9-]+\/[a-z0-9-]+)(?::[\w.-]+)?$/i.exec(ref.trim());
  return m?.[1].toLowerCase();
}

/**
 * Technologies a Bicep module from the Azure Verified Modules registry deploys: those of its resource type.
 * AVM names a resource module after that type, kebab-cased and singular ("avm/res/document-db/database-account"
 * is Microsoft.DocumentDB/databaseAccounts), and azureResource ignores case, so the path is the lookup key;
 * a pattern module counts as the resource modules it deploys.
 */
export function matchAzureVerifiedModule(ref: string): Technology[] {
  const path = azureVerifiedModule(ref);
  if (!path) return [];
  const out: Technology[] = [];
  for (const res of Object.hasOwn(azureVerifiedPatterns, path) ? azureVerifiedPatterns[path] : [path]) {
    const [, kind, provider, type] = res.split('/');
    if (kind !== 'res') continue;
    const singular = type.replace(/-/g, '');
    for (const plural of new Set([singular, `${singular}s`, `${singular}es`, singular.replace(/y$/, 'ies')])) {
      for (const tech of matchTechnologies('azureResource', `Microsoft.${provider.replace(/-/g, '')}/${plural}`)) if (!out.includes(tech)) out.push(tech);
    }
  }
  return sortByCatalogueOrder(out);
}

let order: Map<Technology, number> | undefined;

function sortByCatalogueOrder(list: Technology[]): Technology[] {
  if (list.length < 2) return list;
  if (!order) order = new Map(technologies.map((t, i) => [t, i]));
  return list.sort((a, b) => (order!.get(a) ?? 0) - (order!.get(b) ?? 0));
}

export function technologyById(id: string): Technology | undefined {
  return index().byId.get(id);
}

export function allTechnologies(): Technology[] {
  return technologies;
}

/** Compiles a catalogue glob; exported for the tests and for readers that want the same semantics. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let inBraces = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      // "**/" matches zero or more whole segments; a bare "**" matches anything.
      if (glob[i + 2] === '/') {
        source += '(?:[^/]+/)*';
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') {
      source += '(?:';
      inBraces = true;
    } else if (c === '}' && inBraces) {
      source += ')';
      inBraces = false;
    } else if (c === ',' && inBraces) source += '|';
    else source += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
