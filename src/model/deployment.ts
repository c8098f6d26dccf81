/**
 * Deployment Architecture: where the system runs (from deployment configuration only: an SDK is never
 * a hosting claim), its environments, its pipelines, container runtime and infrastructure as code.
 */
import type { Context } from './context.js';
import { type Evidence, evidence, mergeEvidence, provisioned } from './evidence.js';
import { baseOf } from './graph/paths.js';
import type { Deployment, Fact, Pipeline, TechnologyUse } from './types.js';

class FactSet {
  private map = new Map<string, Evidence[]>();
  add(value: string, ev: Evidence) {
    const key = value.trim();
    if (!key) return;
    const list = this.map.get(key);
    if (list) list.push(ev);
    else this.map.set(key, [ev]);
  }
  /** Configuration that declares a fact shows before a pipeline step that merely acts on it. */
  facts(): Fact[] {
    const fromPipeline = (e: Evidence) => (/pipeline|deploy step|environment$/.test(e.rule) ? 1 : 0);
    return [...this.map.entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'en'))
      .map(([value, ev]) => ({ value, evidence: mergeEvidence(ev).sort((a, b) => fromPipeline(a) - fromPipeline(b)) }));
  }
}

/** Files that describe the real system, not a tutorial: docs, examples and fixtures don't deploy anything. */
function counts(ctx: Context, path: string): boolean {
  const role = ctx.roleOfFile(path);
  return role === 'main' || role === 'tooling';
}

const ENV_NAME: Record<string, string> = {
  dev: 'development', develop: 'development', development: 'development', local: 'local', test: 'test', testing: 'test',
  qa: 'QA', uat: 'UAT', stage: 'staging', staging: 'staging', stg: 'staging', preprod: 'pre-production', 'pre-production': 'pre-production',
  prod: 'production', production: 'production', prd: 'production', live: 'production', sandbox: 'sandbox', demo: 'demo', preview: 'preview',
};

/** Names environments the way teams say them; an unknown name is kept as written. */
/** GitHub environments used to publish a package or docs are not where the system runs. */
const NOT_AN_ENVIRONMENT = /^(publish|publishing|release|releases|pypi|testpypi|npm|crates(-io)?|rubygems|nuget|maven|github-pages|pages|docs|documentation|copilot|deploy)$/i;

export function isRuntimeEnvironment(name: string): boolean {
  return !NOT_AN_ENVIRONMENT.test(name.trim());
}

export function environmentName(raw: string): string {
  const key = raw.trim().toLowerCase();
  return ENV_NAME[key] ?? raw.trim();
}

const ENVIRONMENT_WORD = /(?:^|[-_ .])(?:prod|production|stag|stage|staging|dev|develop|development|test|testing|qa|uat|preview|sandbox|demo|canary|beta|live|local|integration|perf)(?:$|[-_ .\d])/i;

// [file pattern, rule, whether any name goes: a Spring profile also selects a database (application-mysql)
// or a runtime (application-docker); only one named like an environment is one]
const ENVIRONMENT_FILES: [RegExp, string, boolean][] = [
  [/(?:^|\/)config\/environments\/([\w-]+)\.rb$/, 'Rails environment configuration', true],
  [/(?:^|\/)appsettings\.([A-Za-z][\w-]*)\.json$/, '.NET environment settings', false],
  [/(?:^|\/)application-([A-Za-z][\w-]*)\.(?:ya?ml|properties)$/, 'Spring profile configuration', false],
];

/** Folders azd deploys as code, not as an image: a Functions app or a Static Web App (azure.yaml `host:`). */
function codeHostedFolders(ctx: Context): string[] {
  const out: string[] = [];
  for (const [, services] of ctx.each('services')) {
    for (const s of services) if (s.source === 'azd' && (s.kind === 'function' || s.kind === 'frontend') && s.build) out.push(s.build.replace(/\/+$/, ''));
  }
  return out;
}

export function buildDeployment(ctx: Context, techs: TechnologyUse[]): Deployment {
  const hosting = new FactSet();
  const environments = new FactSet();
  const runtime = new FactSet();
  const iac = new FactSet();
  const managed = new FactSet();
  const pipelines: Pipeline[] = [];

  for (const [file, list] of ctx.each('hosting')) {
    if (!counts(ctx, file)) continue;
    for (const h of list) hosting.add(h.provider, evidence(file, h.via, h.line));
  }
  for (const [file, list] of ctx.each('environments')) {
    if (!counts(ctx, file)) continue;
    for (const e of list) if (isRuntimeEnvironment(e.name)) environments.add(environmentName(e.name), evidence(file, e.via, e.line));
  }
  // configuration kept per environment names the environments by its file names
  for (const f of ctx.input.files) {
    if (!counts(ctx, f.path)) continue;
    for (const [pattern, rule, anyName] of ENVIRONMENT_FILES) {
      const name = pattern.exec(f.path)?.[1];
      if (name && isRuntimeEnvironment(name) && (anyName || ENVIRONMENT_WORD.test(name))) environments.add(environmentName(name), evidence(f.path, rule));
    }
  }
  for (const [file, list] of ctx.each('pipelines')) {
    if (!counts(ctx, file)) continue;
    for (const p of list) {
      const ev = evidence(file, `${p.system} pipeline`, p.line);
      pipelines.push({
        system: p.system,
        name: p.name,
        stages: [...new Set(p.stages)].sort(),
        deployTargets: [...new Set(p.deployTargets ?? [])].sort(),
        environments: [...new Set((p.environments ?? []).map(environmentName))].sort(),
        evidence: [ev],
      });
      for (const target of p.deployTargets ?? []) if (isPlace(target)) hosting.add(target, evidence(file, `${p.system} deploy step`, p.line));
      // a CI environment also scopes secrets ("Translations", "discord-notifier"): it names a place the system
      // runs only when its pipeline deploys or its name says so
      for (const env of p.environments ?? []) {
        if (isRuntimeEnvironment(env) && (p.stages.includes('deploy') || ENVIRONMENT_WORD.test(env))) environments.add(environmentName(env), evidence(file, `${p.system} environment`, p.line));
      }
    }
  }
  pipelines.sort((a, b) => a.system.localeCompare(b.system, 'en') || a.name.localeCompare(b.name, 'en') || (a.evidence[0].file < b.evidence[0].file ? -1 : 1));

  const codeHosted = codeHostedFolders(ctx);
  for (const f of ctx.input.files) {
    if (!counts(ctx, f.path)) continue;
    // an image that packages a release or runs the tests is a build bench, not where the system runs; nor is
    // one beside code azd deploys as code (to Functions or Static Web Apps), there for running it locally
    if (f.language !== 'Dockerfile' || f.path.startsWith('.devcontainer/') || f.path.endsWith('.gitpod.Dockerfile') || ctx.input.facts.get(f.path)?.dockerBuild?.buildTool) continue;
    if (codeHosted.some((folder) => f.path.startsWith(`${folder}/`))) continue;
    runtime.add('Docker', evidence(f.path, 'Dockerfile'));
  }
  for (const [file, services] of ctx.each('services')) {
    if (!counts(ctx, file)) continue;
    for (const s of services) {
      const label = s.source === 'compose' ? 'Docker Compose' : s.source === 'kubernetes' ? 'Kubernetes' : s.source === 'helm' ? 'Helm' : undefined;
      if (label) runtime.add(label, evidence(file, `${s.source} ${s.kind ?? 'service'} ${s.name}`, s.line));
    }
  }
  for (const [file, objects] of ctx.each('k8sObjects')) {
    if (!counts(ctx, file)) continue;
    for (const o of objects.slice(0, 1)) runtime.add('Kubernetes', evidence(file, `Kubernetes ${o.kind} ${o.name}`, o.line));
  }
  for (const f of ctx.input.files) {
    if (!counts(ctx, f.path)) continue;
    const base = baseOf(f.path);
    if (base === 'kustomization.yaml' || base === 'kustomization.yml') runtime.add('Kustomize', evidence(f.path, 'kustomization file'));
    if (base === 'Chart.yaml') runtime.add('Helm', evidence(f.path, 'Helm chart'));
    if (base === 'skaffold.yaml') runtime.add('Skaffold', evidence(f.path, 'skaffold config'));
  }

  const toolName: Record<string, string> = { terraform: 'Terraform', cloudformation: 'AWS CloudFormation', pulumi: 'Pulumi', cdk: 'AWS CDK', bicep: 'Bicep', serverless: 'Serverless Framework', sst: 'SST' };
  for (const [file, list] of ctx.each('iac')) {
    if (!counts(ctx, file)) continue;
    for (const i of list) iac.add(toolName[i.tool] ?? i.tool, evidence(file, `${i.tool} ${i.kind} ${i.type}`, i.line));
  }
  // managed services the IaC provisions, by name, with the catalogue's evidence
  const notAService = new Set(['cloud', 'orchestration', 'container', 'iac', 'ci-cd', 'tool', 'hosting', 'language', 'runtime']);
  for (const t of techs) {
    if (t.scope !== 'runtime' || notAService.has(t.category)) continue;
    const ev = t.evidence.filter((e) => provisioned(e) && counts(ctx, e.file));
    for (const e of ev) managed.add(t.name, e);
  }

  // "Azure Container Apps" says "Azure" already, and says more
  const hosted = hosting.facts();
  const covered = (h: Fact) => hosted.some((o) => o.value.startsWith(`${h.value} `));
  return { hosting: hosted.filter((h) => !covered(h)), environments: environments.facts(), pipelines, runtime: runtime.facts(), iac: iac.facts(), managedServices: managed.facts() };
}

/** A deploy target that names a place the system runs, not a registry it publishes to. */
function isPlace(target: string): boolean {
  return !/registry|npm|pypi|crates\.io|rubygems|maven central|nuget|packagist|docker hub|ghcr|\becr\b|artifact registry|gcr|acr|container registry|github releases|github pages|homebrew|\bquay\b/i.test(target);
}
