/**
 * Settles each draft container: its name, kind, language, technologies and description, from the
 * evidence gathered for it.
 */
import { buildToolOf } from '../detect/manifests/gradle.js';
import type { Ecosystem } from '../detect/facts.js';
import { matchTechnologies } from '../catalogue/match.js';
import type { TechnologyUse } from './types.js';
import type { Context } from './context.js';
import { DATASTORE_KINDS, type Draft, draftEvidence, manifestDescription, primaryManifests } from './containers.js';
import { evidence, mergeEvidence } from './evidence.js';
import { baseOf, dirOf } from './graph/paths.js';
import type { Container, ContainerKind, Fact } from './types.js';

const CLI_TECH = new Set(['commander', 'yargs', 'oclif', 'cac', 'clipanion', 'meow', 'click', 'typer', 'argparse', 'cobra', 'urfave-cli', 'clap', 'thor', 'picocli', 'clikt', 'kotlinx-cli', 'jcommander', 'symfony-console', 'system-commandline', 'kingpin']);
const BROKER_NAME = /(?:^|[-_])(?:broker|queue|celery|sidekiq|bull|jobs?)(?:[-_]|$)/i;
const WORKER_NAME = /(^|[-_.])(worker|workers|consumer|consumers|jobs?|queue|processor|scheduler|cron|sidekiq|celery)([-_.]|$)/i;

/** The languages a build manifest compiles: a pom.xml's module is Java or Kotlin whatever else it holds. */
const ECOSYSTEM_LANGUAGES: Partial<Record<Ecosystem, string[]>> = {
  maven: ['Java', 'Kotlin', 'Scala', 'Groovy'],
  cargo: ['Rust'],
  go: ['Go'],
  pypi: ['Python'],
  nuget: ['C#', 'F#', 'Visual Basic .NET'],
  gem: ['Ruby'],
  composer: ['PHP'],
  hex: ['Elixir', 'Erlang'],
};

const NPM_LANGUAGES = ['TypeScript', 'JavaScript', 'Vue', 'Svelte', 'Astro', 'CoffeeScript'];

export function finalizeContainer(ctx: Context, d: Draft, techs: TechnologyUse[], languageOf: (path: string, prefer?: ReadonlySet<string>) => string | undefined): Container {
  // an example's technologies describe the example; they never make the project around it a service
  const mine = techs.filter((t) => t.containers.includes(d.id) && (t.scope === 'runtime' || t.scope === 'optional' || (t.scope === 'example' && d.role !== 'main')));
  const categories = new Set(mine.map((t) => t.category));
  const name = containerName(ctx, d);
  const kind = containerKind(ctx, d, mine, categories);
  const entryPoints: Fact[] = [];
  // a package.json beside a Maven, Gradle, Python, Ruby or PHP build holds the frontend's tooling: its `start`
  // runs a dev server (JHipster's ng serve, redash's webpack-dev-server), not the service the other build starts
  const npmBesideOther = d.manifests.some((m) => m.fact.ecosystem !== 'npm') && d.manifests.some((m) => m.fact.ecosystem === 'npm');
  for (const { file, fact } of d.manifests) {
    if (npmBesideOther && fact.ecosystem === 'npm') continue;
    for (const e of fact.entryPoints ?? []) if (fact.ecosystem !== 'npm' || e.name !== 'main' || mainFileExists(ctx, file, e.target)) entryPoints.push({ value: `${e.name}: ${e.target}`, evidence: [evidence(file, `${buildToolOf(fact.ecosystem, file)} entry point`, e.line ?? fact.line)] });
  }
  for (const { file, fact } of d.services) {
    if (fact.source === 'procfile' && runsAProduct(fact.name)) continue;
    if (fact.source === 'procfile' || fact.kind === 'function' || fact.kind === 'cronjob') {
      entryPoints.push({ value: `${fact.kind ?? 'process'} ${fact.name}${fact.schedule ? ` (${fact.schedule})` : ''}`, evidence: [evidence(file, `${fact.source} ${fact.kind ?? 'process'}`, fact.line)] });
    }
  }
  const container: Container = {
    id: d.id,
    name,
    kind,
    role: d.role,
    technologies: mine.map((t) => t.id).sort(),
    evidence: draftEvidence(d),
  };
  if (d.path !== undefined) container.path = d.path;
  const description = manifestDescription({ ...d, manifests: primaryManifests(d) }) ?? readmeDescription(ctx, d);
  if (description) container.description = description;
  if (d.path !== undefined) {
    // npm manifests say nothing here: a Spring app's frontend build is not its language
    // (a Gemfile that only installs CocoaPods or fastlane for a mobile build does not make a project Ruby)
    const buildsCode = (m: Draft['manifests'][number]) =>
      m.fact.ecosystem !== 'gem' || !(ctx.input.facts.get(m.file)?.dependencies ?? []).every((dep) => /^(?:cocoapods|fastlane|xcodeproj|activesupport|concurrent-ruby|bigdecimal|logger|benchmark|mutex_m|nkf|cfpropertylist)$/.test(dep.name));
    const prefer = new Set(d.manifests.filter(buildsCode).flatMap((m) => ECOSYSTEM_LANGUAGES[m.fact.ecosystem] ?? []));
    // a package with only package.json is written in the languages npm builds, whatever a src-tauri folder inside holds
    if (!prefer.size && d.manifests.length && d.manifests.every((m) => m.fact.ecosystem === 'npm')) for (const l of NPM_LANGUAGES) prefer.add(l);
    // a program with no manifest is in the language its Dockerfile compiles (cmd/web: go build, beside its pages' scripts)
    if (!prefer.size && d.compiles) for (const l of ECOSYSTEM_LANGUAGES[d.compiles] ?? []) prefer.add(l);
    const lang = languageOf(d.path, prefer.size ? prefer : undefined);
    if (lang) container.language = lang;
  }
  if (d.image) container.image = d.image;
  if (d.ports.size) container.ports = [...d.ports].sort((a, b) => a - b);
  if (entryPoints.length) container.entryPoints = entryPoints;
  if (kind === 'library' && (d.manifests.some((m) => m.fact.kind === 'cli') || (goModule(d) && hasGoCommand(ctx, d)))) container.hasCommand = true;
  return container;
}

function containerName(ctx: Context, d: Draft): string {
  // a compose or Kubernetes name is what operators call it; a package name is what developers import
  const serviceNames = d.services.filter((s) => s.fact.source === 'compose' || s.fact.source === 'kubernetes').map((s) => s.fact.name);
  if (d.path === undefined) return [...d.names][0] ?? d.id;
  const manifestName = primaryManifests(d).map((m) => m.fact.name).find((n) => n && !n.includes('${'));
  if (d.path === '') return manifestName ? shortName(manifestName) : ctx.input.rootName;
  // one build that compose runs as many services (sentry's web, cron and two dozen consumers) is named by its folder
  if (new Set(serviceNames).size > 1) return folderName(d.path);
  if (serviceNames.length) return serviceNames.sort()[0];
  return manifestName ? shortName(manifestName) : folderName(d.path);
}

/** Folders that say where code sits, not what it is: `shared/libs/src` is the libs. */
const GENERIC_FOLDER = /^(?:src|source|sources|code|app|lib|python|package|pkg|function|functions|handler|handlers)$/i;

function folderName(path: string): string {
  const parts = path.split('/');
  while (parts.length > 1 && GENERIC_FOLDER.test(parts[parts.length - 1])) parts.pop();
  return parts[parts.length - 1];
}

/** "github.com/acme/shop/api" -> "api"; "github.com/acme/glow/v2" -> "glow"; "com.acme:orders" -> "orders"; "@acme/web" stays. */
function shortName(name: string): string {
  // a Go module's major version suffix is part of its import path, not of its name
  if (name.includes('/') && !name.startsWith('@')) return baseOf(name.replace(/\/v\d+$/, ''));
  if (name.includes(':')) return name.slice(name.lastIndexOf(':') + 1);
  return name;
}

function containerKind(ctx: Context, d: Draft, techs: TechnologyUse[], categories: Set<string>): ContainerKind {
  if (d.path === undefined) {
    const product = productKind(d);
    if (product) return product;
    const kinds = d.services.map((s) => s.fact.kind);
    if (kinds.includes('function')) return 'function';
    if (kinds.includes('cronjob') || kinds.includes('job')) return 'job';
    if (kinds.includes('worker') || [...d.names].some((n) => WORKER_NAME.test(n))) return 'worker';
    return 'service';
  }
  if (d.orchestrator) return 'application';
  // a folder that only packages a product (FROM apache/kafka) is that product
  if (!d.manifests.length) {
    const product = productKind(d);
    if (product) return product;
  }
  const serviceKinds = d.services.map((s) => s.fact.kind);
  if (serviceKinds.includes('function')) return 'function';
  // the code a template packages as a Lambda layer is a library the functions share, whatever its manifest says
  if (!d.deployable && lambdaLayer(ctx, d)) return 'library';
  // the pages a web host serves (Firebase Hosting "public": "./", or ./public that webpack fills) with their
  // index.html make the project that holds them a web app, whatever its package.json, often there only for
  // the linters or the bundler, says
  if (servedAsWebApp(ctx, d) && !categories.has('backend-framework')) return 'frontend';
  // a project that says it is a library and that nothing deploys is one, whatever framework it references
  // Cargo builds src/main.rs as a binary without a [[bin]] table: such a crate is not a library only
  const cargoMain = cargoCrate(d) && ctx.fileByPath.has(`${d.path ? `${d.path}/` : ''}src/main.rs`);
  const declared = d.manifests.map((m) => (cargoMain && m.fact.ecosystem === 'cargo' && m.fact.kind === 'library' ? undefined : m.fact.kind));
  // a serverless stack's folder (its template deploys the functions in its subfolders) is the application
  // they make up, whatever its own manifest, often only there for tests and tooling, declares
  // (an Angular app whose firebase.json also deploys ./functions stays the frontend it is)
  if (!d.deployable && deploysFunctionsBelow(ctx, d) && !categories.has('frontend-framework')) return 'application';
  // a CDK app's package.json `bin` is the script `cdk synth` runs, not a command for users
  if (!d.deployable && ctx.fileByPath.has(`${d.path ? `${d.path}/` : ''}cdk.json`)) return 'application';
  // (a Yew or Leptos crate with a page to open, lldap's app built by wasm-pack, is the browser's app, not a library)
  const wasmApp = cargoCrate(d) && categories.has('frontend-framework') && hasAppEntry(ctx, d);
  if (!d.deployable && !wasmApp && declared.includes('library') && !declared.includes('application') && !declared.includes('cli')) return 'library';
  // a Go module with no main package is imported, never run, whatever router it uses
  const goLibrary = goModule(d) && !d.deployable && !hasMainPackage(ctx, d);
  if (goLibrary) return 'library';
  // a Maven or Gradle module with no main class (mall-common, a shared Spring Security module) is a
  // library for the applications beside it, whatever web starter it pulls in, and so is one with no code at
  // all that nothing deploys (ftgo-common-jpa: a build file and a shared orm.xml)
  const jvmLibrary =
    d.manifests.length > 0 &&
    d.manifests.every((m) => m.fact.ecosystem === 'maven' && m.fact.kind !== 'application') &&
    !d.deployable &&
    !ctx.fileByPath.has(`${d.path ? `${d.path}/` : ''}src/main/AndroidManifest.xml`) &&
    !hasJvmMain(ctx, d);
  if (jvmLibrary) return 'library';
  // a published package with an import entry point is a library even when it builds on Express
  if (!d.deployable && libraryMarkers(ctx, d) && !d.manifests.some((m) => m.fact.private) && !d.manifests.some((m) => m.fact.kind === 'application')) {
    return commandFirst(ctx, d) ? 'cli' : 'library';
  }
  // the native half of a desktop app (a Tauri src-tauri crate) serves its own window, even over an embedded Axum
  if (!d.deployable && !d.ports.size && categories.has('desktop') && !categories.has('frontend-framework')) return 'application';
  const hasBackend = categories.has('backend-framework');
  // React used to write email templates (react-email, mjml) renders mail at build time, not a page
  // (an app with a router or a component library that also renders a few emails with mjml stays an app)
  const appSignals = techs.some((t) => /router/.test(t.id) || t.category === 'ui-library' || t.category === 'state-management');
  const emailTemplates = !d.deployable && !appSignals && techs.some((t) => t.id === 'react-email' || t.id === 'mjml');
  if (emailTemplates && !hasBackend) return 'library';
  const hasFrontend = categories.has('frontend-framework');
  // a Next.js or Nuxt app that holds its own database connection (umami: Prisma, PostgreSQL) is the whole
  // web application, server included, not a frontend of something else
  const metaFramework = techs.some((t) => ['nextjs', 'nuxt', 'remix', 'sveltekit', 'astro'].includes(t.id));
  const fullStack = metaFramework && techs.some((t) => t.scope === 'runtime' && (t.category === 'orm' || /^database-(?!embedded)/.test(t.category)));
  // a package others import (exports, types) that leaves React to its host (a peer dependency), or that has no
  // page to open (no index.html, no app framework config), is a UI library: @plane/ui, @plane/hooks
  if (hasFrontend && !d.deployable && libraryMarkers(ctx, d) && (frameworksOnlyAsPeers(ctx, d, techs) || !hasAppEntry(ctx, d))) return 'library';
  if (hasFrontend && !hasBackend && !fullStack) return 'frontend';
  if (hasFrontend && metaFramework) return fullStack ? 'service' : 'frontend';
  const names = [...d.names, d.path ? baseOf(d.path) : ''];
  // a web process beside the workers (Procfile "web" and "worker") makes an app that serves, with background jobs
  // (and so does a compose service called web or api beside the consumers that run the same image)
  const webProcess = d.services.some((s) => (s.fact.source === 'procfile' && s.fact.kind === 'service') || (s.fact.source === 'compose' && /^(?:web|api|server|app)$/i.test(s.fact.name)));
  const workerLike = (names.some((n) => WORKER_NAME.test(n)) || serviceKinds.includes('worker')) && !webProcess;
  if (d.deployable && workerLike && !d.ports.size) return 'worker';
  if (hasBackend || d.ports.size) return 'service';
  const kinds = d.manifests.map((m) => m.fact.kind);
  const commandLine = kinds.includes('cli') || techs.some((t) => CLI_TECH.has(t.id));
  // an image that packages a command (ENTRYPOINT ["glow"]) with no port, which nothing here runs, ships a tool
  if (d.deployable && commandLine && !workerLike && !d.services.length && !d.orchestrator && !libraryMarkers(ctx, d)) return 'cli';
  // an image built from a folder no manifest describes, that listens on nothing and that nothing here runs
  // (jq's FROM scratch with ENTRYPOINT ["/jq"]), runs a program: nothing says it serves
  const exposes = d.dockerfiles.some((f) => ctx.input.facts.get(f)?.exposedPorts?.length);
  if (d.deployable && !d.manifests.length && !d.services.length && !d.orchestrator && !workerLike && !exposes) return 'application';
  if (d.deployable) return workerLike ? 'worker' : 'service';
  // a package that others import and that also installs a command (flask, vite) is a library first
  if (kinds.includes('cli') && libraryMarkers(ctx, d)) return 'library';
  // so is a Go module the repository's other modules import (Argo CD's gitops-engine): a main package in it
  // (its agent) is one more program built on the library
  if (goModule(d) && importedFromOutside(ctx, d)) return 'library';
  if (kinds.includes('cli') || techs.some((t) => CLI_TECH.has(t.id))) return 'cli';
  // a crate is what its files make it: src/lib.rs without src/main.rs or src/bin is a library, published or not
  const cargo = d.manifests.find((m) => m.fact.ecosystem === 'cargo');
  if (cargo && !cargo.fact.entryPoints?.length && !d.deployable) {
    const prefix = d.path ? `${d.path}/` : '';
    const binaries = ctx.fileByPath.has(`${prefix}src/main.rs`) || [...ctx.fileByPath.keys()].some((p) => p.startsWith(`${prefix}src/bin/`) && p.endsWith('.rs'));
    if (!binaries && ctx.fileByPath.has(`${prefix}src/lib.rs`)) return 'library';
  }
  // a Rust or Go binary that serves nothing and that nothing deploys is run from a shell
  const compiled = d.manifests.some((m) => m.fact.ecosystem === 'cargo' || m.fact.ecosystem === 'go');
  const goBinary = d.manifests.some((m) => m.fact.ecosystem === 'go') && hasGoCommand(ctx, d);
  // (a crate with src/main.rs builds a binary whether or not it has a [[bin]] table or a CLI framework)
  const binary = goBinary || cargoMain || kinds.includes('application') || d.manifests.some((m) => m.fact.private || (m.fact.ecosystem === 'cargo' && m.fact.entryPoints?.length));
  if (compiled && binary && !declared.includes('library') && !hasBackend && !hasFrontend && !d.ports.size) {
    // net/http needs no framework: a Go program that registers its own routes serves them
    return goBinary && servesRoutes(ctx, d) ? 'service' : 'cli';
  }
  // a JVM module with a main class that serves its own routes (apollo-adminservice, its web starter pulled in
  // through a shared module) is a service, whatever its packaging says
  if (hasJvmMain(ctx, d) && servesRoutes(ctx, d)) return 'service';
  // the scripts and styles a server-side app bundles for its pages (a Phoenix app's assets/, esbuild over Leaflet
  // and Bulma) are that app's browser half, not a package anyone imports
  if (browserBundleOfServerApp(ctx, d)) return 'frontend';
  if (kinds.includes('application')) return 'application';
  if (kinds.includes('library')) return 'library';
  // a private workspace package with an import entry (exports, types) is imported by its siblings, not run
  if (d.manifests.some((m) => m.fact.private)) return libraryMarkers(ctx, d) ? 'library' : 'application';
  // Terraform with no provider block of its own is a module others call (terraform-aws-eks): its callers
  // configure the providers, and it deploys nothing by itself
  if (!d.manifests.length && !d.deployable && terraformModule(ctx, d)) return 'library';
  // a requirements.txt, Pipfile or Gemfile pins what a checkout runs with; a package others install declares
  // itself (pyproject, setup.py, a gemspec), so a folder with only such lists is no library
  if (d.manifests.length && d.manifests.every((m) => DEPENDENCY_LIST.test(baseOf(m.file)))) return 'application';
  return d.manifests.length ? 'library' : 'application';
}

const DEPENDENCY_LIST = /^(?:[\w.-]*requirements[\w.-]*\.(?:txt|in)|Pipfile|Gemfile|gems\.rb)$/i;

/** What a product image runs (a database, a proxy, a telemetry backend), or undefined for anything else. */
function productKind(d: Draft): ContainerKind | undefined {
  const category = d.imageTech?.category;
  if (!category) return undefined;
  const store = DATASTORE_KINDS[category];
  // a Redis or Valkey the compose file calls "broker" carries Celery's or Sidekiq's jobs: a broker, not a database
  if (store && category === 'database-key-value' && [...d.names].some((n) => BROKER_NAME.test(n))) return 'broker';
  if (store) return store;
  if (category === 'web-server') return 'proxy';
  if (category === 'observability') return 'monitoring';
  if (category === 'coordination') return 'coordination';
  return undefined;
}

/**
 * A web host serves or builds this project's folder with its index.html, or, configured in this folder, a folder
 * below it that no other project holds (./public, which the project's bundler fills).
 */
function servedAsWebApp(ctx: Context, d: Draft): boolean {
  const path = d.path;
  if (path === undefined) return false;
  const within = (folder: string, parent: string) => folder === parent || folder.startsWith(parent ? `${parent}/` : '');
  for (const [file, list] of ctx.list('hosting')) {
    if (ctx.roleOfFile(file) !== d.role) continue;
    for (const folder of list.flatMap((h) => [h.publishes, h.builds])) {
      if (folder === undefined || !ctx.fileByPath.has(folder ? `${folder}/index.html` : 'index.html')) continue;
      if (folder === path) return true;
      const other = ctx.list('manifests').some(([m]) => dirOf(m) !== path && within(dirOf(m), path) && within(folder, dirOf(m)));
      if (dirOf(file) === path && within(folder, path) && !other) return true;
    }
  }
  return false;
}

/**
 * npm init writes "main": "index.js" into every package.json: a main file that is not in the repository,
 * nor built from a source beside it (dist/, a .ts of the same name), is no entry point.
 * A main that names the folder itself (".", "./") means its index.js, as Node reads it.
 */
function mainFileExists(ctx: Context, manifest: string, target: string): boolean {
  // "main": "expo-router/entry" names a module of a dependency (Expo's app entry), no file of the package
  const pkg = /^(@[^/]+\/[^/]+|[^./][^/]*)/.exec(target)?.[1];
  if (pkg && ctx.input.facts.get(manifest)?.dependencies?.some((dep) => dep.name === pkg)) return false;
  const dir = manifest.includes('/') ? manifest.slice(0, manifest.lastIndexOf('/') + 1) : '';
  const path = `${dir}${/^\.?\/?$/.test(target) ? 'index.js' : target.replace(/^\.\//, '')}`;
  if (ctx.fileByPath.has(path) || /(?:^|\/)(?:dist|build|lib|out|es|esm|cjs|umd|\.output)\//.test(path)) return true;
  const stem = path.replace(/\.[cm]?js$/, '');
  return stem === path || ['.ts', '.tsx', '.mts', '.cts', '.jsx'].some((ext) => ctx.fileByPath.has(`${stem}${ext}`)) || ctx.folders.has(stem);
}

const LAYER_TYPES = new Set(['AWS::Serverless::LayerVersion', 'AWS::Lambda::LayerVersion']);

/** The folder, or a folder inside it, is a Lambda layer's code (a SAM ContentUri, a serverless.yml layer path). */
function lambdaLayer(ctx: Context, d: Draft): boolean {
  if (!d.path) return false;
  for (const [file, list] of ctx.list('iac')) {
    if (ctx.roleOfFile(file) !== d.role) continue;
    // (a layer of the whole repository, ContentUri: ./, says nothing of any one folder)
    if (list.some((i) => LAYER_TYPES.has(i.type) && i.code && (d.path === i.code || d.path!.startsWith(`${i.code}/`)))) return true;
  }
  return false;
}

function deploysFunctionsBelow(ctx: Context, d: Draft): boolean {
  if (!d.path) return false;
  const prefix = `${d.path}/`;
  for (const [path, services] of ctx.list('services')) {
    if (!path.startsWith(prefix) || path.indexOf('/', prefix.length) !== -1) continue;
    // (firebase.json names ./functions whether or not the folder is kept)
    if (services.some((s) => s.kind === 'function' && s.build?.startsWith(prefix) && ctx.folders.has(s.build))) return true;
  }
  return false;
}

/**
 * An npm package that installs a command and whose only import entry is a bare `main` (no exports, module or
 * types for a caller to lean on) ships the command: @hoppscotch/cli, http-server.
 */
function commandFirst(ctx: Context, d: Draft): boolean {
  const npm = d.manifests.filter((m) => m.fact.ecosystem === 'npm');
  if (!npm.length || !npm.some((m) => m.fact.kind === 'cli')) return false;
  return npm.every((m) => {
    const entry = ctx.input.facts.get(m.file)?.packageEntry;
    if (entry?.module || entry?.types) return false;
    if (!entry?.exports) return true;
    // `"exports": "./dist/index.mjs"` beside `"bin": {"karakeep": "dist/index.mjs"}` exports the command itself
    const bins = new Set((m.fact.entryPoints ?? []).filter((e) => !['main', 'exports', 'start'].includes(e.name)).map((e) => withoutDotSlash(e.target)));
    const exported = typeof entry.exports === 'string' ? entry.exports : (entry.exports as Record<string, unknown>)['.'];
    return typeof exported === 'string' && bins.has(withoutDotSlash(exported));
  });
}

const withoutDotSlash = (path: string) => path.replace(/^\.\//, '');

/** A page to open or an app framework's config: what a web app has and a component library does not. */
function hasAppEntry(ctx: Context, d: Draft): boolean {
  const prefix = d.path ? `${d.path}/` : '';
  return APP_ENTRIES.some((f) => ctx.fileByPath.has(prefix + f));
}

const APP_ENTRIES = [
  'index.html',
  'public/index.html',
  'src/index.html',
  'angular.json',
  // an Expo or React Native app's manifest and bundler config (its package.json `main` names expo-router's entry)
  'app.json',
  ...['next.config', 'nuxt.config', 'remix.config', 'astro.config', 'quasar.config', 'app.config', 'gatsby-config', 'react-router.config', 'metro.config'].flatMap((stem) =>
    ['js', 'cjs', 'mjs', 'ts', 'cts', 'mts'].map((ext) => `${stem}.${ext}`),
  ),
];

/** Its frontend frameworks come from peerDependencies only: the app that installs it brings them. */
function frameworksOnlyAsPeers(ctx: Context, d: Draft, techs: TechnologyUse[]): boolean {
  const peer = new Set<string>();
  const own = new Set<string>();
  for (const m of d.manifests) {
    for (const dep of ctx.input.facts.get(m.file)?.dependencies ?? []) {
      if (dep.scope === 'dev') continue;
      for (const t of matchTechnologies(dep.ecosystem, dep.name)) (dep.scope === 'peer' ? peer : own).add(t.id);
    }
  }
  const frameworks = techs.filter((t) => t.category === 'frontend-framework').map((t) => t.id);
  return frameworks.length > 0 && frameworks.every((id) => peer.has(id) && !own.has(id));
}

/** Signs that a package is meant to be imported: npm main/exports/types, a typed Python package (py.typed). */
function libraryMarkers(ctx: Context, d: Draft): boolean {
  const marks = (m: Draft['manifests'][number], e: { name: string; target: string }) =>
    ['exports', 'module', 'types'].includes(e.name) || (e.name === 'main' && mainFileExists(ctx, m.file, e.target));
  if (d.manifests.some((m) => m.fact.ecosystem === 'npm' && m.fact.entryPoints?.some((e) => marks(m, e)))) return true;
  const prefix = d.path ? `${d.path}/` : '';
  for (const path of ctx.fileByPath.keys()) {
    if (path.startsWith(prefix) && path.endsWith('/py.typed') && ctx.roleOfFile(path) === 'main') return true;
  }
  return false;
}

const BUNDLER = /^(?:esbuild|webpack|vite|rollup|parcel|@rspack\/core|laravel-mix|@symfony\/webpack-encore)$/;
const SERVER_MANIFEST = ['mix.exs', 'Gemfile', 'pyproject.toml', 'requirements.txt', 'composer.json', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'go.mod', 'Cargo.toml'];

/** An npm package with no entry for importers or a command, that only bundles, inside the folder of a project in another language. */
function browserBundleOfServerApp(ctx: Context, d: Draft): boolean {
  if (!d.path || !d.manifests.length || !d.manifests.every((m) => m.fact.ecosystem === 'npm')) return false;
  if (libraryMarkers(ctx, d) || d.manifests.some((m) => m.fact.entryPoints?.some((e) => e.name !== 'main'))) return false;
  const bundles = d.manifests.some((m) => (ctx.input.facts.get(m.file)?.dependencies ?? []).some((dep) => BUNDLER.test(dep.name)));
  if (!bundles) return false;
  for (let at = d.path.lastIndexOf('/'); at !== -1; at = d.path.lastIndexOf('/', at - 1)) {
    const folder = d.path.slice(0, at);
    if (SERVER_MANIFEST.some((name) => ctx.fileByPath.has(`${folder}/${name}`))) return true;
  }
  return SERVER_MANIFEST.some((name) => ctx.fileByPath.has(name));
}

function cargoCrate(d: Draft): boolean {
  return d.manifests.some((m) => m.fact.ecosystem === 'cargo');
}

/** The folder's own code is Terraform (a variables.tf beside its .tf files) that configures no provider and no backend. */
function terraformModule(ctx: Context, d: Draft): boolean {
  const prefix = d.path ? `${d.path}/` : '';
  if (!ctx.fileByPath.has(`${prefix}variables.tf`)) return false;
  let tf = 0;
  for (const f of ctx.input.files) {
    if (!f.path.startsWith(prefix) || f.path.indexOf('/', prefix.length) !== -1 || f.languageType !== 'programming') continue;
    if (f.language !== 'HCL') return false;
    if (f.path.endsWith('.tf')) tf++;
    // (the reader states hosting only for a provider block or a backend: a root configuration that deploys)
    if (ctx.input.facts.get(f.path)?.hosting?.some((h) => h.via === 'terraform provider')) return false;
  }
  return tf > 0;
}

/** A main package of the module's own, not one kept under internal/ or a generator's folder (pocketbase's plugins/jsvm/internal/types). */
function hasMainPackage(ctx: Context, d: Draft): boolean {
  const prefix = d.path ? `${d.path}/` : '';
  // (the mains of programs that are parts of their own, cmd/proxy built by its own Dockerfile, are theirs)
  const programs = (d.programs ?? []).map((p) => `${p}/`);
  for (const [path, namespace] of ctx.list('namespace')) {
    if (!path.startsWith(prefix) || !path.endsWith('.go') || path.endsWith('_test.go') || namespace !== 'main' || ctx.roleOfFile(path) !== 'main') continue;
    if (programs.some((p) => path.startsWith(p))) continue;
    if (dirOf(path.slice(prefix.length)).split('/').some((segment) => /^(?:internal|gen|generate|generator|codegen)$/i.test(segment))) continue;
    return true;
  }
  return false;
}

/**
 * A Go module builds a program when its root, a `cmd/<name>` folder or a folder right below the root
 * (remark42's backend/app) is a main package. A main package deeper down (a code generator in
 * internal/gen) or named like a helper (gen, tools) serves a library, and a folder mixing main with another
 * package holds `//go:build ignore` scripts.
 */
const GO_HELPER_DIR = /^(?:gen|generate|generator|codegen|tools?|scripts?|hack|internal|examples?|_examples?|docs?|bench(?:mark)?s?|testdata|migrations?|build|ci)$/i;

function hasGoCommand(ctx: Context, d: Draft): boolean {
  const prefix = d.path ? `${d.path}/` : '';
  const packages = new Map<string, Set<string>>();
  for (const [path, namespace] of ctx.list('namespace')) {
    if (!path.startsWith(prefix) || !path.endsWith('.go') || path.endsWith('_test.go') || ctx.roleOfFile(path) !== 'main') continue;
    const dir = dirOf(path.slice(prefix.length));
    if (dir !== '' && dir !== 'cmd' && !/^cmd\/[^/]+$/.test(dir) && (dir.includes('/') || GO_HELPER_DIR.test(dir))) continue;
    let names = packages.get(dir);
    if (!names) packages.set(dir, (names = new Set()));
    names.add(namespace);
  }
  return [...packages.values()].some((names) => names.size === 1 && names.has('main'));
}

/**
 * A Procfile process named after a store, broker, proxy or monitor (argo-cd's `redis: hack/start-redis.sh`)
 * starts that product for development, not the project's own code.
 */
function runsAProduct(name: string): boolean {
  return matchTechnologies('image', name).some((t) => DATASTORE_KINDS[t.category] !== undefined || ['web-server', 'observability', 'coordination', 'auth'].includes(t.category));
}

function goModule(d: Draft): boolean {
  return d.manifests.length > 0 && d.manifests.every((m) => m.fact.ecosystem === 'go');
}

/** The product's code outside the part imports the part's code. */
function importedFromOutside(ctx: Context, d: Draft): boolean {
  if (!d.path) return false;
  const prefix = `${d.path}/`;
  return ctx.input.fileEdges.some((e) => e.to.startsWith(prefix) && !e.from.startsWith(prefix) && ctx.roleOfFile(e.from) === 'main');
}

/**
 * Routes the part's own code serves (REST, web pages, GraphQL), as the route readers found them, or a gRPC
 * service it registers on its own server (temporal's grpc-proxy: grpc.NewServer, RegisterWorkflowServiceServer).
 */
function servesRoutes(ctx: Context, d: Draft): boolean {
  const prefix = d.path ? `${d.path}/` : '';
  for (const [path, apis] of ctx.list('apis')) {
    if (!path.startsWith(prefix) || ctx.roleOfFile(path) !== 'main') continue;
    if (apis.some((a) => ((a.style === 'REST' || a.style === 'Web' || a.style === 'GraphQL') && a.role !== 'calls') || (a.style === 'gRPC' && a.role === 'serves'))) return true;
  }
  return false;
}

function hasJvmMain(ctx: Context, d: Draft): boolean {
  const prefix = d.path ? `${d.path}/` : '';
  for (const [path] of ctx.list('programEntry')) if (path.startsWith(prefix) && ctx.roleOfFile(path) === 'main') return true;
  return false;
}

/** The first paragraph of the README in a project's own folder (never the repository's, which describes the whole). */
function readmeDescription(ctx: Context, d: Draft): Fact | undefined {
  if (!d.path) return undefined;
  for (const name of ['README.md', 'readme.md', 'Readme.md', 'README.rst', 'README']) {
    const file = `${d.path}/${name}`;
    const intro = ctx.input.facts.get(file)?.intro;
    if (intro?.summary) return { value: intro.summary, evidence: [evidence(file, 'README first paragraph', intro.summaryLine)] };
  }
  return undefined;
}
