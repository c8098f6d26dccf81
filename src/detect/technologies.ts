/**
 * Matches the extracted facts against the catalogue: each hit is one technology seen in one place,
 * with the rule that matched. Only code and configuration count: the readers never turn prose into facts.
 */
import { buildToolOf } from './manifests/gradle.js';
import { matchAzureVerifiedModule, matchTechnologies, technologyById } from '../catalogue/match.js';
import type { MatcherKind, Technology } from '../catalogue/types.js';
import type { ScannedFile } from '../scan/index.js';
import type { DependencyScope, FileFacts } from './facts.js';

const CODE_EXTENSION = /\.(c|m)?[jt]sx?$|\.(py|rb|go|java|kt|kts|cs|rs|php|scala|groovy)$/;

export type HitScope = DependencyScope | 'config';

export interface TechnologyHit {
  tech: Technology;
  file: string;
  line?: number;
  rule: string;
  scope: HitScope;
}

/** Files whose mere presence says nothing about the stack when they sit in docs or examples. */
function add(hits: TechnologyHit[], kind: MatcherKind, value: string, file: string, rule: string, scope: HitScope, line?: number) {
  for (const tech of matchTechnologies(kind, value)) hits.push({ tech, file, line, rule, scope });
}

export function detectTechnologies(files: ScannedFile[], facts: Map<string, FileFacts>): TechnologyHit[] {
  const hits: TechnologyHit[] = [];
  // a config written in code (next.config.ts, serverless.ts) sits beside its manifest; elsewhere the same
  // name is just a source file (a reader module called serverless.ts is not the Serverless Framework)
  const projectFolders = new Set<string>(['']);
  for (const [path, f] of facts) if (f.manifests?.length) projectFolders.add(path.slice(0, Math.max(0, path.lastIndexOf('/'))));
  for (const file of files) {
    if (file.binary && !file.path.endsWith('.lockb')) continue;
    const slash = file.path.lastIndexOf('/');
    if (CODE_EXTENSION.test(file.path) && !projectFolders.has(slash < 0 ? '' : file.path.slice(0, slash))) continue;
    add(hits, 'file', file.path, file.path, `file ${file.path.slice(slash + 1)}`, 'config');
  }
  // a package this repository builds (gson's gson module, the spree gem) is the project, not a technology it uses
  const own = new Set<string>();
  for (const f of facts.values()) for (const m of f.manifests ?? []) if (m.name) own.add(`${m.ecosystem}\0${m.name}`);
  for (const [path, f] of facts) {
    for (const d of f.dependencies ?? []) {
      // a package pulled in only by other packages (go.mod "// indirect", pip-compile "# via x") is theirs, not ours
      if (d.indirect || own.has(`${d.ecosystem}\0${d.name}`)) continue;
      add(hits, d.ecosystem, d.name, path, `${buildToolOf(d.ecosystem, path)} dependency ${d.name}`, d.scope, d.line);
    }
    // in a multi-stage Dockerfile only the last FROM runs; the stages before it build
    const lastBase = Math.max(-1, ...(f.images ?? []).filter((i) => i.role === 'base').map((i) => i.line ?? 0));
    for (const image of f.images ?? []) {
      // the final stage's image, followed through the stages it builds on (FROM app AS app-plus), else the last FROM
      const final = (f.images ?? []).some((i) => i.final) ? image.final === true : (image.line ?? 0) === lastBase;
      const rule = image.role === 'runtime' ? `image ${image.ref}` : final ? `base image ${image.ref}` : `build stage image ${image.ref}`;
      add(hits, 'image', image.name, path, rule, image.role === 'base' ? 'build' : 'runtime', image.line);
    }
    for (const iac of f.iac ?? []) {
      if (iac.tool === 'terraform' && iac.kind === 'provider') add(hits, 'terraformProvider', iac.type, path, `terraform provider ${iac.type}`, 'runtime', iac.line);
      if (iac.tool === 'terraform' && iac.kind === 'resource') add(hits, 'terraformResource', iac.type, path, `terraform resource ${iac.type}`, 'runtime', iac.line);
      if (iac.tool === 'bicep') {
        // a resource deployed only on a condition is an option of the template (see provisioned())
        const [scope, when] = iac.conditional ? ['optional' as const, ' (conditional)'] : ['runtime' as const, ''];
        if (iac.kind === 'resource') add(hits, 'azureResource', iac.type, path, `Bicep resource ${iac.type.replace(/@.*$/, '')}${when}`, scope, iac.line);
        if (iac.kind === 'module') {
          for (const tech of matchAzureVerifiedModule(iac.type)) hits.push({ tech, file: path, line: iac.line, rule: `Bicep module ${iac.type}${when}`, scope });
        }
      }
      // (an alarm topic or a dead-letter queue is plumbing, not a way the parts talk)
      if ((iac.tool === 'cloudformation' || iac.tool === 'serverless' || iac.tool === 'sst') && iac.kind === 'resource' && iac.type.startsWith('AWS::') && !iac.auxiliary) {
        // a rule on a timer (keeping functions warm, a nightly job) schedules; it carries no messages
        const type = iac.schedule ? (iac.type === 'AWS::Events::Rule' ? 'AWS::Events::ScheduledRule' : 'AWS::Scheduler::Schedule') : iac.type;
        add(hits, 'cloudformation', type, path, `CloudFormation resource ${iac.type}${iac.schedule ? ' on a schedule' : ''}`, 'runtime', iac.line);
      }
    }
    for (const a of f.actions ?? []) add(hits, 'githubAction', a.ref.replace(/@.*$/, ''), path, `action ${a.ref.replace(/@.*$/, '')}`, 'build', a.line);
    for (const e of f.env ?? []) {
      add(hits, 'env', e.name, path, `environment variable ${e.name}`, 'runtime', e.line);
      if (e.scheme) add(hits, 'urlScheme', e.scheme, path, `${e.scheme}:// URL in ${e.name}`, 'runtime', e.line);
    }
    for (const s of f.services ?? []) {
      if (s.image) {
        // compose and Kubernetes images are already ImageFacts; services from PaaS configs may only name one
        if (!(f.images ?? []).some((i) => i.ref === s.image)) add(hits, 'image', stripImage(s.image), path, `image ${s.image}`, 'runtime', s.line);
      }
      for (const h of s.envHosts ?? []) if (h.scheme) add(hits, 'urlScheme', h.scheme, path, `${h.scheme}:// URL in ${h.variable}`, 'runtime', h.line ?? s.line);
    }
    for (const dep of f.helmDependencies ?? []) {
      const viaBitnami = dep.repository?.includes('bitnami');
      const found = matchTechnologies('image', viaBitnami ? `bitnami/${dep.name}` : dep.name);
      for (const tech of found.length ? found : matchTechnologies('image', dep.name)) {
        hits.push({ tech, file: path, line: dep.line, rule: `helm chart dependency ${dep.name}`, scope: 'runtime' });
      }
    }
    for (const ds of f.datastores ?? []) add(hits, 'urlScheme', ds.scheme, path, `${ds.via} ${ds.scheme}`, 'runtime', ds.line);
    for (const addon of f.addons ?? []) {
      const name = addon.name.replace(/^heroku-/, '').replace(/:.*$/, '');
      const byId = technologyById(name);
      // (a Cloudflare binding is named by its wrangler key, d1_databases: the catalogue says what it binds)
      const found = addon.via === 'wrangler binding' ? matchTechnologies('wranglerBinding', name) : [...matchTechnologies('urlScheme', name), ...matchTechnologies('image', name), ...(byId ? [byId] : [])];
      const unique = [...new Map(found.map((t) => [t.id, t])).values()];
      for (const tech of unique) hits.push({ tech, file: path, line: addon.line, rule: `${addon.via} provisions ${addon.name}`, scope: 'runtime' });
    }
  }
  // implied technologies carry the evidence of what implies them
  const implied: TechnologyHit[] = [];
  for (const hit of hits) {
    for (const id of hit.tech.implies ?? []) {
      const tech = technologyById(id);
      if (tech) implied.push({ ...hit, tech, rule: `${hit.rule} (implies ${tech.name})` });
    }
  }
  return hits.concat(implied);
}

/** "ghcr.io/acme/api:1.2" -> "acme/api"; "docker.io/library/postgres:16" -> "postgres". */
export function stripImage(ref: string): string {
  let name = ref.replace(/@sha256:[0-9a-f]+$/i, '');
  const slash = name.indexOf('/');
  const first = slash === -1 ? '' : name.slice(0, slash);
  if (first.includes('.') || first.includes(':') || first === 'localhost') name = name.slice(slash + 1);
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) name = name.slice(0, colon);
  return name.replace(/^library\//, '');
}
