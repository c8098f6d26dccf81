/**
 * Stage 1: which files the repository has, which of them are its own, and in what language.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ignore from 'ignore';
import type { Role } from '../model/types.js';
import { hasBinaryExtension, isGenerated, roleOf, testOnlyModules } from './classify.js';
import { languageFromName, languageFromShebang } from './languages.js';
import { InputError, listFiles } from './list.js';

export { InputError } from './list.js';

export interface ScannedFile {
  path: string;
  size: number;
  mtimeMs: number;
  language?: string;
  languageType?: 'programming' | 'markup' | 'data' | 'prose';
  role: Role;
  generated: boolean;
  binary: boolean;
  /** Marked linguist-documentation in .gitattributes, or under a docs folder. */
  documentation: boolean;
}

export interface ScanResult {
  root: string;
  git: boolean;
  files: ScannedFile[];
  warnings: { file?: string; message: string }[];
}

export interface ScanOptions {
  /** Extra paths to leave out, as .gitignore patterns. */
  exclude?: string[];
}

function gitattributes(root: string) {
  const vendored = ignore();
  const generated = ignore();
  const documentation = ignore();
  let text: string;
  try {
    text = readFileSync(join(root, '.gitattributes'), 'utf8');
  } catch {
    return undefined;
  }
  let any = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [pattern, ...attrs] = line.split(/\s+/);
    for (const attr of attrs) {
      const on = !attr.startsWith('-') && !attr.endsWith('=false');
      if (!on) continue;
      if (attr.startsWith('linguist-vendored')) (vendored.add(pattern), (any = true));
      if (attr.startsWith('linguist-generated')) (generated.add(pattern), (any = true));
      if (attr.startsWith('linguist-documentation')) (documentation.add(pattern), (any = true));
    }
  }
  return any ? { vendored, generated, documentation } : undefined;
}

/** Manifests that make a folder a project of its own (third-party copies sit in vendor folders classify already knows). */
const PROJECT_MANIFEST = /(?:^|\/)(?:package\.json|go\.mod|Cargo\.toml|pom\.xml|build\.gradle(?:\.kts)?|composer\.json|mix\.exs|pyproject\.toml|Gemfile|[^/]+\.csproj)$/;

/**
 * `linguist-vendored` keeps code out of GitHub's language bar, and projects set it on their own frontend
 * (listmonk's `frontend/* linguist-vendored`) so the repository reads as Go. A marked folder that holds a
 * project manifest of its own is a project built here, not a copy of someone else's code: it stays.
 */
function projectsMarkedVendored(files: { path: string }[], vendored: ReturnType<typeof ignore>): string[] {
  const folders: string[] = [];
  for (const { path } of files) {
    if (!PROJECT_MANIFEST.test(path) || !vendored.ignores(path) || roleOf(path) !== 'main') continue;
    folders.push(path.slice(0, path.lastIndexOf('/') + 1));
  }
  return folders;
}

function firstLine(abs: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    const buf = Buffer.alloc(128);
    const n = readSync(fd, buf, 0, 128, 0);
    return buf.subarray(0, n).toString('utf8').split('\n')[0];
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export async function scan(root: string, options: ScanOptions = {}): Promise<ScanResult> {
  let stats;
  try {
    stats = statSync(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${root}: no such folder` : `${root}: cannot read (${code})`);
  }
  if (!stats.isDirectory()) throw new InputError(`${root} is not a folder`);
  const listing = await listFiles(root);
  const attrs = gitattributes(root);
  const exclude = options.exclude?.length ? ignore().add(options.exclude) : undefined;
  const files: ScannedFile[] = [];
  // a CDK app kept in a folder of its own (cdk/typescript, with its cdk.json) describes the infrastructure in
  // code: it deploys the system and is tooling, not a part of it, whatever its package.json or go.mod says
  const cdkApps = listing.files.filter((f) => f.path.endsWith('/cdk.json')).map((f) => f.path.slice(0, -'cdk.json'.length));
  const ownProjects = attrs ? projectsMarkedVendored(listing.files, attrs.vendored) : [];
  // a Maven or Gradle module that compiles only tests is a test harness (see testOnlyModules)
  const inTestModule = testOnlyModules(listing.files.map((f) => f.path));
  for (const { path, size, mtimeMs } of listing.files) {
    if (exclude?.ignores(path)) continue;
    if (attrs?.vendored.ignores(path) && !ownProjects.some((folder) => path.startsWith(folder))) continue;
    let lang = languageFromName(path);
    const binary = hasBinaryExtension(path);
    // extensionless scripts: the shebang decides (bin/deploy, scripts/release)
    if (!lang && !binary && !path.slice(path.lastIndexOf('/') + 1).includes('.') && size > 2 && size < 1 << 20) {
      lang = languageFromShebang(firstLine(join(root, path)));
    }
    const classified = roleOf(path);
    const role =
      classified !== 'main' ? classified
      : cdkApps.length && cdkApps.some((folder) => path.startsWith(folder)) ? 'tooling'
      : inTestModule(path) ? 'test'
      : classified;
    const documentation = role === 'docs' || Boolean(attrs?.documentation.ignores(path));
    files.push({
      path,
      size,
      mtimeMs,
      language: lang?.name,
      languageType: lang?.type,
      role: documentation && role === 'main' ? 'docs' : role,
      generated: isGenerated(path) || Boolean(attrs?.generated.ignores(path)),
      binary,
      documentation,
    });
  }
  const warnings = [...listing.warnings];
  if (listing.skippedLinks > 0) {
    warnings.push({ message: `${listing.skippedLinks} symbolic link${listing.skippedLinks === 1 ? '' : 's'} not followed` });
  }
  return { root, git: listing.git, files, warnings };
}
