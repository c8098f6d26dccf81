/**
 * Terraform: providers, resources and modules from *.tf (a small HCL scanner) and *.tf.json;
 * cloud providers also give hosting, and *.tfvars / envs/<env>/ folders give environments.
 */
import type { EnvironmentFact, FileFacts, HostingFact, IacFact, Reader } from '../facts.js';
import { baseName, compact, lookup, escapeRegExp, isEnvironmentName, isRecord, lineOfText, parseJson } from './util.js';

/** Terraform provider local names that say where the system runs. */
export const TERRAFORM_HOSTING: Record<string, string> = {
  aws: 'AWS',
  google: 'Google Cloud',
  'google-beta': 'Google Cloud',
  azurerm: 'Azure',
  azapi: 'Azure',
  digitalocean: 'DigitalOcean',
  cloudflare: 'Cloudflare',
  heroku: 'Heroku',
  vercel: 'Vercel',
  netlify: 'Netlify',
  fly: 'Fly.io',
  hcloud: 'Hetzner Cloud',
  oci: 'Oracle Cloud',
  linode: 'Akamai (Linode)',
  alicloud: 'Alibaba Cloud',
  ibm: 'IBM Cloud',
  scaleway: 'Scaleway',
  vultr: 'Vultr',
  ovh: 'OVHcloud',
  exoscale: 'Exoscale',
  upcloud: 'UpCloud',
  render: 'Render',
  kubernetes: 'Kubernetes',
};

interface Token {
  type: 'ident' | 'string' | 'punct' | 'nl';
  value: string;
  line: number;
}

/** Tokens of HCL outside comments and heredoc bodies; a string token holds its literal text (interpolations blanked). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '\n') {
      tokens.push({ type: 'nl', value: '\n', line });
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      for (let j = i; j < stop; j++) if (text[j] === '\n') line++;
      i = stop;
    } else if (c === '<' && text[i + 1] === '<' && /^<<-?([A-Za-z_]\w*)[ \t]*\r?\n/.test(text.slice(i, i + 80))) {
      const m = /^<<-?([A-Za-z_]\w*)[ \t]*\r?\n/.exec(text.slice(i, i + 80))!;
      const startLine = line;
      i += m[0].length;
      line++;
      // the body runs to a line holding only the marker
      for (;;) {
        const eol = text.indexOf('\n', i);
        const l = text.slice(i, eol < 0 ? n : eol);
        i = eol < 0 ? n : eol + 1;
        if (l.trim() === m[1] || eol < 0) break;
        line++;
      }
      tokens.push({ type: 'string', value: '', line: startLine });
      tokens.push({ type: 'nl', value: '\n', line });
      line++;
    } else if (c === '"') {
      const startLine = line;
      let value = '';
      i++;
      let depth = 0; // inside ${ ... } interpolations, which may hold strings and braces
      while (i < n) {
        const d = text[i];
        if (d === '\\') {
          if (depth === 0) value += text[i + 1] ?? '';
          i += 2;
          continue;
        }
        if (d === '\n') line++;
        if (depth === 0 && d === '"') break;
        if ((d === '$' || d === '%') && text[i + 1] === '{') {
          depth++;
          i += 2;
          continue;
        }
        if (depth > 0 && d === '{') depth++;
        else if (depth > 0 && d === '}') depth--;
        else if (depth > 0 && d === '"') {
          // a nested string inside an interpolation: skip it whole
          i++;
          while (i < n && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
        } else if (depth === 0) value += d;
        i++;
      }
      i++;
      tokens.push({ type: 'string', value, line: startLine });
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w-]/.test(text[j])) j++;
      tokens.push({ type: 'ident', value: text.slice(i, j), line });
      i = j;
    } else {
      tokens.push({ type: 'punct', value: c, line });
      i++;
    }
  }
  return tokens;
}

interface Block {
  kind: 'module' | 'terraform' | 'required_providers' | 'required_provider' | 'other';
  name?: string;
  line?: number;
}

/**
 * What one file says. `configured` holds providers given a `provider` block and `root` is set by a backend or cloud
 * block: both mark a root module that is deployed, where required_providers alone may be a reusable module's needs.
 */
interface Scan {
  facts: IacFact[];
  configured: Set<string>;
  root: boolean;
}

/** Finds top-level blocks and the attributes that matter (module source, required_providers sources). */
function scanHcl(text: string, scan: Scan): void {
  const tokens = tokenize(text);
  const facts = scan.facts;
  const stack: Block[] = [];
  let statement: Token[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    if (tok.type === 'nl') {
      handleAttribute(statement, stack, facts);
      statement = [];
      continue;
    }
    if (tok.type === 'punct' && tok.value === '{') {
      stack.push(openBlock(statement, stack, scan));
      statement = [];
      continue;
    }
    if (tok.type === 'punct' && tok.value === '}') {
      handleAttribute(statement, stack, facts);
      statement = [];
      stack.pop();
      continue;
    }
    statement.push(tok);
  }
}

function openBlock(header: Token[], stack: Block[], scan: Scan): Block {
  const facts = scan.facts;
  const parent = stack[stack.length - 1];
  const [first, second] = header;
  if (stack.length === 0 && first?.type === 'ident') {
    const labels = header.slice(1).filter((t) => t.type === 'string').map((t) => t.value);
    if (header.slice(1).some((t) => t.type !== 'string')) return { kind: 'other' };
    if (first.value === 'resource' && labels.length === 2) {
      facts.push({ tool: 'terraform', kind: 'resource', type: labels[0], name: labels[1], line: first.line });
    } else if (first.value === 'provider' && labels.length === 1) {
      facts.push({ tool: 'terraform', kind: 'provider', type: labels[0], line: first.line });
      scan.configured.add(labels[0]);
    } else if (first.value === 'module' && labels.length === 1) {
      return { kind: 'module', name: labels[0], line: first.line };
    } else if (first.value === 'terraform' && labels.length === 0) {
      return { kind: 'terraform' };
    }
    return { kind: 'other' };
  }
  if (parent?.kind === 'terraform' && first?.type === 'ident' && first.value === 'required_providers' && header.length === 1) {
    return { kind: 'required_providers' };
  }
  if (parent?.kind === 'terraform' && stack.length === 1 && first?.type === 'ident' && (first.value === 'backend' || first.value === 'cloud')) {
    scan.root = true;
  }
  if (parent?.kind === 'required_providers' && first?.type === 'ident' && second?.value === '=' && header.length === 2) {
    return { kind: 'required_provider', name: first.value, line: first.line };
  }
  return { kind: 'other' };
}

function handleAttribute(statement: Token[], stack: Block[], facts: IacFact[]): void {
  const block = stack[stack.length - 1];
  if (!block || statement.length !== 3) return;
  const [key, eq, value] = statement;
  if (key.type !== 'ident' || eq.value !== '=' || value.type !== 'string') return;
  if (block.kind === 'module' && key.value === 'source' && stack.length === 1) {
    facts.push({ tool: 'terraform', kind: 'module', type: value.value, name: block.name, line: block.line });
  } else if (block.kind === 'required_provider' && key.value === 'source') {
    // "hashicorp/aws", "registry.terraform.io/hashicorp/aws": the last segment is the provider type
    const type = value.value.split('/').pop()?.toLowerCase();
    if (type) facts.push({ tool: 'terraform', kind: 'provider', type, line: block.line });
  } else if (block.kind === 'required_providers' && key.type === 'ident') {
    // legacy form: aws = "~> 3.0"
    facts.push({ tool: 'terraform', kind: 'provider', type: key.value, line: key.line });
  }
}

function readTfJson(path: string, text: string, scan: Scan): FileFacts['warnings'] {
  const facts = scan.facts;
  const { value, warnings } = parseJson(path, text);
  if (!isRecord(value)) return warnings;
  const asList = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isRecord) : isRecord(v) ? [v] : []);
  const at = (key: string) => lineOfText(text, new RegExp(`"${escapeRegExp(key)}"\\s*:`));
  for (const block of asList(value.resource)) {
    for (const [type, byName] of Object.entries(block)) {
      for (const name of isRecord(byName) ? Object.keys(byName) : []) facts.push({ tool: 'terraform', kind: 'resource', type, name, line: at(type) });
    }
  }
  for (const block of asList(value.provider)) {
    for (const type of Object.keys(block)) {
      facts.push({ tool: 'terraform', kind: 'provider', type, line: at(type) });
      scan.configured.add(type);
    }
  }
  for (const block of asList(value.module)) {
    for (const [name, def] of Object.entries(block)) {
      if (isRecord(def) && typeof def.source === 'string') facts.push({ tool: 'terraform', kind: 'module', type: def.source, name, line: at(name) });
    }
  }
  for (const tf of asList(value.terraform)) {
    if (tf.backend !== undefined || tf.cloud !== undefined) scan.root = true;
    for (const rp of asList(tf.required_providers)) {
      for (const [name, def] of Object.entries(rp)) {
        const source = isRecord(def) && typeof def.source === 'string' ? def.source.split('/').pop() : name;
        if (source) facts.push({ tool: 'terraform', kind: 'provider', type: source.toLowerCase(), line: at(name) });
      }
    }
  }
  return warnings;
}

/** envs/prod/main.tf, environments/staging/..., prod.tfvars, dev.auto.tfvars */
function environmentOf(path: string): string | undefined {
  const folder = /(^|\/)(envs|environments|env|stages|live|deployments)\/([^/]+)\//.exec(path);
  if (folder && isEnvironmentName(folder[3])) return folder[3];
  const vars = /^(?:terraform[.-])?([\w-]+?)(?:\.auto)?\.tfvars(\.json)?$/.exec(baseName(path));
  if (vars && isEnvironmentName(vars[1])) return vars[1];
  return undefined;
}

export const terraformReader: Reader = {
  id: 'terraform',
  extensions: ['.tf', '.tfvars'],
  patterns: [/\.tf\.json$/, /\.tfvars\.json$/],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const scan: Scan = { facts: [], configured: new Set(), root: false };
    const facts = scan.facts;
    let warnings: FileFacts['warnings'] = [];
    const isVars = /\.tfvars(\.json)?$/.test(path);
    if (!isVars) {
      if (path.endsWith('.json')) warnings = readTfJson(path, text, scan);
      else scanHcl(text, scan);
    }
    // one provider fact per type and file: the first place it is named
    const iac = facts.filter((f, i) => f.kind !== 'provider' || facts.findIndex((g) => g.kind === 'provider' && g.type === f.type) === i);
    const hosting: HostingFact[] = [];
    for (const f of iac) {
      const deployed = scan.root || scan.configured.has(f.type);
      const provider = f.kind === 'provider' && deployed ? lookup(TERRAFORM_HOSTING, f.type) : undefined;
      if (provider && !hosting.some((h) => h.provider === provider)) {
        hosting.push({ provider, via: 'terraform provider', ...(f.line ? { line: f.line } : {}) });
      }
    }
    const environments: EnvironmentFact[] = [];
    const env = environmentOf(path);
    if (env) environments.push({ name: env, via: isVars ? 'terraform variables file' : 'terraform environment folder', line: 1 });
    return compact({ iac, hosting, environments, warnings });
  },
};
