/** Helpers shared by the infrastructure readers: YAML with line numbers, image names, hosts in env values, paths. */
import { flowDepthExceeds, MAX_FLOW_DEPTH } from '../yaml-guard.js';
import { posix } from 'node:path';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import type { Warning } from '../facts.js';

export type YamlPath = (string | number)[];

/** One parsed YAML document: its plain value plus a way back to the line where a key was written. */
export interface YamlDoc {
  value: unknown;
  /** 1-based line of the key (or item) at `path`; for keys that came through a merge key, the nearest written ancestor. */
  lineOf(path: YamlPath): number | undefined;
}

export function warning(file: string, err: unknown): Warning {
  const raw = err instanceof Error ? err.message : String(err);
  return { file, message: `${file}: ${raw.split('\n')[0].trim()}` };
}

/**
 * Parses every document of a YAML stream. Documents with errors are dropped with a warning naming the file;
 * unknown tags (CloudFormation's !Ref, !GetAtt ...) resolve as plain values. Merge keys are honoured.
 */
export function parseYaml(file: string, text: string): { docs: YamlDoc[]; warnings: Warning[] } {
  if (flowDepthExceeds(text)) return { docs: [], warnings: [{ file, message: `${file}: YAML nested more than ${MAX_FLOW_DEPTH} levels deep; not read` }] };
  const first = parseYamlText(file, text);
  // CloudFormation templates close a multi-line `!If [Cond, {` at the key's own indentation; PyYAML and AWS
  // accept it, the YAML spec does not: indent such lines and read again, line numbers unchanged
  if (first.badIndent) {
    const again = parseYamlText(file, indentFlowContinuations(text));
    if (!again.warnings.length) return { docs: again.docs, warnings: [] };
  }
  return { docs: first.docs, warnings: first.warnings };
}

/** Lines that continue a flow collection ({ or [ left open) get two spaces more than the line that opened it. */
function indentFlowContinuations(text: string): string {
  const lines = text.split('\n');
  let depth = 0;
  let openIndent = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const indent = line.length - line.trimStart().length;
    if (depth > 0 && line.trim() && indent <= openIndent) lines[i] = ' '.repeat(openIndent + 2 - indent) + line;
    const before = depth;
    let quote = '';
    for (const c of line) {
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '#' ) break;
      else if (c === '{' || c === '[') depth++;
      else if ((c === '}' || c === ']') && depth > 0) depth--;
    }
    if (before === 0 && depth > 0) openIndent = indent;
  }
  return lines.join('\n');
}

function parseYamlText(file: string, text: string): { docs: YamlDoc[]; warnings: Warning[]; badIndent: boolean } {
  const warnings: Warning[] = [];
  const docs: YamlDoc[] = [];
  let badIndent = false;
  try {
    const lineCounter = new LineCounter();
    const parsed = parseAllDocuments(text, { lineCounter, merge: true, prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
    const list = Array.isArray(parsed) ? parsed : [];
    if (!Array.isArray(parsed)) warnings.push({ file, message: `${file}: not a YAML stream` });
    for (const doc of list) {
      if (doc.errors.length > 0) {
        badIndent ||= doc.errors[0].code === 'BAD_INDENT';
        warnings.push(warning(file, doc.errors[0]));
        continue;
      }
      // real compose files reuse big anchored blocks many times (Sentry self-hosted needs ~5000); bombs need far more
      const value = doc.toJS({ maxAliasCount: 10000 });
      if (value === null || value === undefined) continue;
      docs.push({ value, lineOf: (path) => lineOfPath(doc, lineCounter, path) });
    }
  } catch (err) {
    warnings.push(warning(file, err));
  }
  return { docs, warnings, badIndent };
}

function lineOfPath(doc: Document, lc: LineCounter, path: YamlPath): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined = rangeLine(node, lc);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return line;
      line = rangeLine(pair.key, lc) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (node === undefined) return line;
      line = rangeLine(node, lc) ?? line;
    } else {
      return line;
    }
  }
  return line;
}

function rangeLine(node: unknown, lc: LineCounter): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? lc.linePos(range[0]).line : undefined;
}

export function parseJson(file: string, text: string): { value?: unknown; warnings: Warning[] } {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')), warnings: [] };
  } catch (err) {
    return { warnings: [warning(file, err)] };
  }
}

export function parseTomlText(file: string, text: string): { value?: Record<string, unknown>; warnings: Warning[] } {
  try {
    return { value: parseToml(text) as Record<string, unknown>, warnings: [] };
  } catch (err) {
    return { warnings: [warning(file, err)] };
  }
}

/** 1-based line of the first match of `re` in `text`, for formats whose parser keeps no positions (JSON, TOML). */
export function lineOfText(text: string, re: RegExp): number | undefined {
  const m = re.exec(text);
  return m ? text.slice(0, m.index).split('\n').length : undefined;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function dirName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/**
 * Joins a path written in a config file with that file's folder: repository-relative, normalised, "" for the root.
 * Undefined for remote or templated references and for paths that leave the repository.
 */
export function resolveRelative(fromFile: string, ref: string): string | undefined {
  if (!ref || /^[a-z][\w+.-]*:\/\//i.test(ref) || ref.startsWith('git@') || /[$]\{|\{\{/.test(ref)) return undefined;
  if (ref.startsWith('/')) return undefined;
  const joined = posix.normalize(posix.join(dirName(fromFile) || '.', ref)).replace(/\/+$/, '');
  if (joined === '..' || joined.startsWith('../')) return undefined;
  return joined === '.' || joined === '' ? '' : joined;
}

/**
 * The bare name of an image reference: no registry host, no "library/", no tag or digest.
 * Undefined when the name part is not literal (variables, templates).
 */
export function imageName(ref: string): string | undefined {
  const noDigest = ref.trim().split('@')[0];
  const lastSlash = noDigest.lastIndexOf('/');
  const colon = noDigest.indexOf(':', lastSlash + 1);
  // A variable in the tag alone is fine ("node:${NODE_VERSION}"); in the name it is not.
  const namePart = colon >= 0 ? noDigest.slice(0, colon) : noDigest;
  if (!namePart || /[${}]/.test(namePart)) return undefined;
  const parts = namePart.split('/');
  if (parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost')) parts.shift();
  if (parts[0] === 'library' && parts.length > 1) parts.shift();
  const name = parts.join('/').toLowerCase();
  return /^[a-z0-9][a-z0-9._\/-]*$/.test(name) ? name : undefined;
}

/** Environment names recognised in file names (values-prod.yaml, .env.staging, prod.tfvars). */
export const ENVIRONMENT_NAMES = new Set([
  'dev', 'develop', 'development', 'stage', 'staging', 'prod', 'production', 'test', 'testing', 'qa', 'uat',
  'preprod', 'pre-prod', 'preview', 'sandbox', 'demo', 'int', 'integration', 'live',
]);

export function isEnvironmentName(s: string): boolean {
  return ENVIRONMENT_NAMES.has(s.toLowerCase());
}

export interface EnvHost {
  host: string;
  scheme?: string;
  port?: number;
}

const LOCAL_HOSTS = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|::1|\[::1\]|host\.docker\.internal)$/i;
const HOST_LIKE = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;
/** Variable names whose bare value is a host name (REDIS_HOST=redis, CART_SERVICE_ADDR=cartservice). */
const HOST_VARIABLE = /(HOSTS?|HOSTNAME|ADDRS?|ADDRESS(ES)?|SERVERS?|ENDPOINTS?|SERVICE|URLS?|URIS?|DSN|BROKERS?|BOOTSTRAP_SERVERS|UPSTREAM|NODES)$/i;

/**
 * The host a configuration value points at: "redis://redis:6379", "postgres://u:pw@db:5432/x", "cartservice:7070",
 * or a bare "redis" when the variable's name says it is a host. Credentials and paths are dropped; never the value.
 */
export function hostFromValue(variable: string, raw: unknown): EnvHost | undefined {
  const value = asString(raw)?.trim();
  if (!value || value.length > 2000 || /\s/.test(value)) return undefined;
  let scheme: string | undefined;
  let rest = value.replace(/^jdbc:/i, '');
  const url = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(rest);
  if (url) {
    scheme = url[1].toLowerCase();
    rest = url[2];
    // "s3://profiles?endpoint=seaweedfs:8333": a bucket on an S3-compatible server of the system's own, not on AWS
    const endpoint = /[?&](?:endpoint|endpoint_url)=([^&#]+)/i.exec(rest)?.[1];
    if (endpoint && variable !== 'ENDPOINT') {
      let decoded = endpoint;
      try {
        decoded = decodeURIComponent(endpoint);
      } catch {
        // a malformed escape: read it as written
      }
      return hostFromValue('ENDPOINT', decoded);
    }
  }
  // authority: up to the first / ? #, then drop credentials (everything up to the last @)
  let authority = rest.split(/[/?#]/)[0];
  if (url) authority = authority.slice(authority.lastIndexOf('@') + 1);
  else if (authority.includes('@')) return undefined;
  // several hosts (mongodb://a:1,b:2): the first is enough
  authority = authority.split(',')[0];
  const hp = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(authority);
  if (!hp) return undefined;
  let host = hp[1].toLowerCase();
  const port = hp[2] ? Number(hp[2]) : undefined;
  // Without a scheme only a host-like variable name makes a value a host ("NODE_IMAGE=node:20" is not one)
  if (!url && (!HOST_VARIABLE.test(variable) || (port === undefined && rest !== authority))) return undefined;
  if (!url && port === undefined && /^(true|false|yes|no|on|off|none|null|\d+)$/i.test(host)) return undefined;
  // a bare dotted word is more often a class or module name (EMAIL_SERVICE=app.mail.SmtpService) than a host
  if (!url && port === undefined && host.includes('.') && !/\.(svc(\.cluster\.local)?|internal|local)$/.test(host)) return undefined;
  if (!HOST_LIKE.test(host) || LOCAL_HOSTS.test(host) || /^\d+(\.\d+){3}$/.test(host)) return undefined;
  // Kubernetes cluster DNS: "cartservice.default.svc.cluster.local" names the Service "cartservice".
  const clusterLocal = /^([a-z0-9-]+)\.[a-z0-9-]+\.svc(\.cluster\.local)?$/.exec(host);
  if (clusterLocal) host = clusterLocal[1];
  if (port !== undefined && (port < 1 || port > 65535)) return undefined;
  const out: EnvHost = { host };
  if (scheme) out.scheme = scheme;
  if (port !== undefined) out.port = port;
  return out;
}

/** Same as hostFromValue but shaped for ServiceFact.envHosts. */
export function envHost(variable: string, value: unknown, line?: number) {
  const h = hostFromValue(variable, value);
  if (!h) return undefined;
  return { variable, ...h, ...(line !== undefined ? { line } : {}) };
}

export function uniq<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** Drops empty arrays and undefined fields, so facts stay small and tests can deepEqual them. */
export function compact<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out as T;
}

export function toPort(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,5}$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : undefined;
}

/** A table lookup that ignores inherited keys, so a value like "constructor" finds nothing. */
export function lookup<T>(table: Record<string, T>, key: string | undefined): T | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
