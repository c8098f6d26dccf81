/**
 * Containers: the things that run or store. Source containers come from folders with a manifest or a
 * Dockerfile and from compose builds; runtime-only containers (a postgres image, a Kubernetes workload
 * whose code is elsewhere) from compose, Kubernetes and Helm. Each keeps the evidence that made it.
 */
import { buildToolOf } from '../detect/manifests/gradle.js';
import type { Ecosystem, FileFacts, ManifestFact, ServiceFact } from '../detect/facts.js';
import { stripImage } from '../detect/technologies.js';
import { matchTechnologies } from '../catalogue/match.js';
import type { Category, Technology } from '../catalogue/types.js';
import { type Evidence, evidence, mergeEvidence } from './evidence.js';
import { baseOf, dirOf, joinPath, nearestUp } from './graph/paths.js';
import { isToolConfigFile } from '../scan/classify.js';
import { aspireProjects } from './aspire.js';
import { type Context, nameKey, roleOfFolder, slug } from './context.js';
import type { Container, ContainerKind, Fact, Role } from './types.js';

export const DATASTORE_KINDS: Partial<Record<Category, ContainerKind>> = {
  'database-relational': 'datastore',
  'database-document': 'datastore',
  'database-key-value': 'datastore',
  'database-wide-column': 'datastore',
  'database-graph': 'datastore',
  'database-time-series': 'datastore',
  'database-vector': 'datastore',
  cache: 'cache',
  search: 'search',
  messaging: 'broker',
  'object-storage': 'storage',
};

/** A container under construction, before kinds and names are settled. */
export interface Draft {
  id: string;
  path?: string;
  names: Set<string>;
  manifests: { file: string; fact: ManifestFact }[];
  dockerfiles: string[];
  services: { file: string; fact: ServiceFact }[];
  image?: string;
  imageTech?: Technology;
  ports: Set<number>;
  role: Role;
  evidence: Evidence[];
  /** Deployable: something builds or runs it (Dockerfile, compose, Kubernetes, Procfile, serverless, PaaS). */
  deployable: boolean;
  /** Runs other projects rather than being one: a .NET Aspire AppHost. */
  orchestrator?: boolean;
  /** Folders of the programs its compose services build that are parts of their own (see programsOf): their mains are theirs. */
  programs?: string[];
  /** What a program's Dockerfile compiles it with, for a part that has no manifest of its own (cmd/proxy, `go build`). */
  compiles?: Ecosystem;
}

const ASPIRE_RUNS = 'Aspire AppHost runs this project';

/**
 * npm manifests of workspace roots that are no part (the repository's tooling, see buildDrafts): what they
 * install (express for the tests, turbo, prettier) is development tooling, whatever section lists it.
 */
export function workspaceToolingManifests(ctx: Context, drafts: Draft[]): Set<string> {
  const roots = workspaceRootFolders(ctx);
  const parts = new Set(drafts.map((d) => d.path));
  const files = new Set<string>();
  for (const [file, manifests] of ctx.each('manifests')) {
    if (manifests.some((m) => m.ecosystem === 'npm') && roots.has(dirOf(file)) && !parts.has(dirOf(file))) files.add(file);
  }
  return files;
}

/** Folders that declare a workspace (pnpm-workspace.yaml, package.json workspaces, turbo.json, go.work, a solution ...). */
export function workspaceRootFolders(ctx: Context): Set<string> {
  const roots = new Set<string>();
  for (const [file, manifests] of ctx.each('manifests')) if (manifests.some((m) => isAggregator(m, file))) roots.add(dirOf(file));
  return roots;
}

/** Manifests that only list members (a workspace root), not a project of their own. */
function isAggregator(fact: ManifestFact, file: string): boolean {
  const base = baseOf(file);
  if (['pnpm-workspace.yaml', 'go.work', 'lerna.json', 'nx.json', 'turbo.json', 'rush.json'].includes(base)) return true;
  if (/\.slnx?$|^settings\.gradle(\.kts)?$/.test(base)) return true;
  return Boolean(fact.workspaces?.length);
}

const SOURCE_TYPES = new Set(['programming']);
// infrastructure code (an SST app's infra/, a Pulumi program in infrastructure/) deploys the parts; it is none of them
// (nor is a tool's configuration, vitest.config.ts or vitest.workspace.ts: see isToolConfigFile)
const NOT_OWN_SOURCE = /(^|\/)(?:infra|infrastructure)\/|(^|\/)(Dockerfile|Makefile|Jenkinsfile|CMakeLists\.txt)$|\.(sh|bash|ps1|tf|tfvars|hcl|mk|cmake|nix|gradle|kts)$/;

export function buildDrafts(ctx: Context): Draft[] {
  const byPath = new Map<string, Draft>();
  const runtimeOnly: Draft[] = [];
  const aggregators = new Map<string, Evidence[]>();
  const aggregatorManifests: { folder: string; file: string; fact: ManifestFact }[] = [];

  const draftAt = (path: string): Draft => {
    let d = byPath.get(path);
    if (!d) {
      d = {
        id: `container:${path === '' ? 'root' : slug(path)}`,
        path,
        names: new Set(),
        manifests: [],
        dockerfiles: [],
        services: [],
        ports: new Set(),
        role: roleOfFolder(path),
        evidence: [],
        deployable: false,
      };
      byPath.set(path, d);
    }
    return d;
  };

  // a build.gradle beside a settings.gradle that includes projects is the multi-project build's root script: it
  // configures the projects (subprojects { }, buildscript classpath) as a parent pom does, and is one of them
  // only when code of its own sits beside it (the workspace-root rule below)
  const gradleBuilds = new Set<string>();
  for (const [file, manifests] of ctx.each('manifests')) {
    if (/^settings\.gradle(\.kts)?$/.test(baseOf(file)) && manifests.some((m) => m.workspaces?.length)) gradleBuilds.add(dirOf(file));
  }
  for (const [file, manifests] of ctx.each('manifests')) {
    for (const fact of manifests) {
      const folder = dirOf(file);
      if (isAggregator(fact, file) || (gradleBuilds.has(folder) && /^build\.gradle(\.kts)?$/.test(baseOf(file)))) {
        aggregators.set(folder, [...(aggregators.get(folder) ?? []), evidence(file, `${buildToolOf(fact.ecosystem, file)} workspace root`, fact.line)]);
        aggregatorManifests.push({ folder, file, fact });
        continue;
      }
      const d = draftAt(folder);
      d.manifests.push({ file, fact });
      d.evidence.push(evidence(file, `${buildToolOf(fact.ecosystem, file)} manifest`, fact.line));
    }
  }

  // a package.json that only pins development tools (prettier, husky, playwright for the e2e tests) beside a
  // project in another language, with no code of its own, is tooling, not a part of the system
  // (one with a deploy config of its own, a Worker's wrangler.json beside its one src/index.ts, is the part it
  // deploys, and so is a folder a config elsewhere deploys a function from)
  const functionFolders = new Set(ctx.list('services').filter(([, list]) => list.some((s) => s.kind === 'function')).map(([file]) => dirOf(file)));
  const toolingOnly = (d: Draft) =>
    d.manifests.length > 0 &&
    d.manifests.every((m) => m.fact.ecosystem === 'npm' && !m.fact.entryPoints?.length && !(ctx.input.facts.get(m.file)?.dependencies ?? []).some((dep) => dep.scope === 'runtime'));
  for (const [folder, d] of byPath) {
    if (toolingOnly(d) && !functionFolders.has(folder) && !deploysItself(ctx, folder) && ownSourceFiles(ctx, folder, [...byPath.keys()]) < 3) byPath.delete(folder);
  }

  // a package.json with no name and nothing to run, no code beside it, where a hosting config deploys the app
  // in a folder below (reactfire's root, holding the packages its hosting/ app imports), is that app's, no part
  const below = (path: string, folder: string) => path !== folder && path.startsWith(folder ? `${folder}/` : '');
  const deploysBelow = (folder: string) =>
    ctx.list('hosting').some(([file, list]) => dirOf(file) === folder && list.some((h) => [h.builds, h.publishes].some((p) => p !== undefined && below(p, folder) && byPath.has(p))));
  for (const [folder, d] of byPath) {
    const bare = d.manifests.every((m) => m.fact.ecosystem === 'npm' && !m.fact.name && !m.fact.entryPoints?.length);
    if (bare && deploysBelow(folder) && ownSourceFiles(ctx, folder, [...byPath.keys()]) === 0) byPath.delete(folder);
  }

  // a go.mod with no Go code of its own (openfaas/faas's root, whose code is all in gateway/, a module of its
  // own) builds nothing: no part of the system
  for (const [folder, d] of byPath) {
    if (d.manifests.length && d.manifests.every((m) => m.fact.ecosystem === 'go') && ownGoFiles(ctx, folder, d.role, [...byPath.keys()]) === 0) byPath.delete(folder);
  }

  // a project the scan marked as tooling by its surroundings (a CDK app beside its cdk.json) is not a part
  for (const [folder, d] of byPath) {
    if (d.manifests.length && d.manifests.every((m) => ctx.fileByPath.get(m.file)?.role === 'tooling') && d.role === 'main') byPath.delete(folder);
  }
  // a BOM or a parent pom pins versions and settings for the projects and builds no code: no part
  for (const [folder, d] of byPath) {
    if (d.manifests.length && d.manifests.every((m) => m.fact.platform) && !d.dockerfiles.length && ownSourceFiles(ctx, folder, [...byPath.keys()]) === 0) byPath.delete(folder);
  }
  // and one it marked as tests (a Gradle module that compiles only src/test) is the tests'
  for (const d of byPath.values()) {
    if (d.manifests.length && d.manifests.every((m) => ctx.fileByPath.get(m.file)?.role === 'test') && d.role === 'main') d.role = 'test';
  }

  // .NET Aspire: an AppHost runs the projects it references, as a compose file runs its services
  for (const d of byPath.values()) {
    if (d.role !== 'main') continue; // a test project that boots the app (Aspire.Hosting.Testing) runs nothing in production
    const appHost = d.manifests.find((m) => {
      if (m.fact.ecosystem !== 'nuget') return false;
      const deps = (ctx.input.facts.get(m.file)?.dependencies ?? []).map((dep) => dep.name);
      return deps.some((n) => /^Aspire\.Hosting\.AppHost$/i.test(n)) || (m.fact.kind === 'application' && deps.some((n) => /^Aspire\.Hosting\./i.test(n) && !/Testing/i.test(n)));
    });
    if (!appHost) continue;
    d.orchestrator = true;
    d.deployable = true;
    for (const local of appHost.fact.localDependencies ?? []) {
      const target = local.path !== undefined ? byPath.get(joinPath(dirOf(appHost.file), local.path) ?? '\0') : undefined;
      if (!target || target === d || local.notRun) continue;
      target.deployable = true;
      target.evidence.push(evidence(appHost.file, ASPIRE_RUNS, local.line));
    }
    // the name the app model gives a project ("basket-api") is the one its references and endpoints use
    for (const [name, project] of aspireProjects(ctx, d, [...byPath.values()])) project.names.add(name);
  }

  // a workspace root with its own code is a project too (a Cargo package that is also the workspace)
  for (const [folder, ev] of aggregators) {
    if (byPath.has(folder)) continue;
    const own = ownSourceFiles(ctx, folder, [...byPath.keys()]);
    // a solution or workspace file that names no package of its own (bitwarden-server.slnx) makes a project only
    // when the code outside its projects is a real share of the whole, not a few scripts under dev/ and util/
    const named = aggregatorManifests.some((m) => m.folder === folder && !/\.slnx?$/i.test(m.file) && (m.fact.name || m.fact.entryPoints?.length));
    const total = sourceCounts(ctx, roleOfFolder(folder)).get(folder) ?? 0;
    if (own >= 3 && (named || own >= total / 5)) {
      const d = draftAt(folder);
      d.evidence.push(...ev);
      // the workspace manifest is also this project's own (ripgrep's Cargo.toml is a package and the workspace),
      // and so is a Gradle build's root script, which applies the root project's plugins
      const ownManifest = (m: (typeof aggregatorManifests)[number]) => m.fact.name || m.fact.entryPoints?.length || /^build\.gradle(\.kts)?$/.test(baseOf(m.file));
      for (const m of aggregatorManifests) if (m.folder === folder && ownManifest(m)) d.manifests.push({ file: m.file, fact: m.fact });
    }
  }

  for (const [file, ports] of ctx.each('exposedPorts')) for (const p of ports) draftFor(dirOf(file))?.ports.add(p.port);
  for (const f of ctx.input.files) {
    if (f.language !== 'Dockerfile') continue;
    // Dockerfile.playwright, Dockerfile.test: an image that runs the tests does not deploy the project, and
    // .gitpod.Dockerfile or a dev container's image is a developer's workspace
    if (/^(?:Dockerfile[.-](?:tests?|e2e|playwright|cypress|ci)|(?:tests?|e2e|playwright|cypress)\.Dockerfile|\.gitpod\.Dockerfile)$/i.test(baseOf(f.path)) || f.path.startsWith('.devcontainer/')) continue;
    const folder = dirOf(f.path);
    const build = ctx.input.facts.get(f.path)?.dockerBuild;
    // an image that packages releases or generates code (extras/packaging/linux, genproto) deploys nothing
    if (build?.buildTool || /(?:^|\/)(?:genproto|codegen|packaging)(?:\/|$)/i.test(folder)) continue;
    let d = byPath.get(folder);
    // docker/Dockerfile that copies the whole context (COPY . /app) and docker/... by its full path is built from
    // an ancestor: the code beside it (a health-check script) is part of that image, not a project of its own
    const sources = build?.sources ?? [];
    const fromAncestor = folder !== '' && sources.some((src) => src.path === '.') && sources.some((src) => src.path === folder || src.path.startsWith(`${folder}/`));
    // a folder with no manifest whose Dockerfile packages a known product (FROM apache/kafka, envoyproxy/envoy,
    // mongo with seed scripts beside it) is that product, built here; one that starts from a language image
    // builds the project around it
    // (code beside a web server's image, a static site FROM nginx, is still a project of its own)
    const product = !d && folder !== '' ? productImage(ctx, f.path) : undefined;
    const packagesProduct = (store: boolean) => {
      if (d || !product || (store && !DATASTORE_KINDS[product.tech.category])) return;
      d = draftAt(folder);
      d.imageTech = product.tech;
      d.image = product.ref;
    };
    packagesProduct(true);
    if (!d && !fromAncestor && ownSourceFiles(ctx, folder, [...byPath.keys()]) > 0) d = draftAt(folder);
    // util/Attachments/Dockerfile, kept apart from the code it builds, names it: WORKDIR /source/util/Server
    if (!d && folder !== '') d = namedProject(build, byPath, folder) ?? copiedSubProject(build, byPath, folder);
    packagesProduct(false);
    // one that takes nothing from its context builds code kept elsewhere (git clone, go install): no project here
    if (!d && folder !== '' && !build?.sources.length) continue;
    // nor does one that takes only files of its own folder, no code among them (mysql/Dockerfile copying its
    // init script, an init container's shell scripts): it packages a tool or a product with its settings, and
    // builds nothing of the project above it
    const besideIt = (src: string) => {
      const path = joinPath(folder, src);
      return path !== undefined && path.startsWith(`${folder}/`) && (ctx.fileByPath.has(path) || ctx.folders.has(path));
    };
    const ownFolderOnly = folder !== '' && sources.every((src) => besideIt(src.path));
    if (!d && ownFolderOnly) continue;
    d ??= nearestUp(byPath, folder);
    // a Dockerfile in a fixture or an example never makes the project around it deployable
    if (!d || d.role !== roleOfFolder(folder)) continue;
    d.dockerfiles.push(f.path);
    d.deployable = true;
    d.evidence.push(evidence(f.path, 'Dockerfile'));
  }

  // a workspace root whose own code is only configuration and tooling (trpc's "root" beside pnpm-workspace.yaml,
  // langfuse's turbo scripts) is the repository's tooling, and so is a package.json of development tools only:
  // what it installs (express for the tests, turbo, prettier) and what its scripts start (turbo run start) are
  // its members' business, not a part's. Settled once every part is known (below), so that code only a
  // Dockerfile or a compose build made a part of (a C++ service with no manifest) is not counted as the root's,
  // and never for a root something builds or runs itself
  const toolingRoot = (folder: string, d: Draft) =>
    (aggregators.has(folder) || toolingOnly(d)) &&
    !d.dockerfiles.length &&
    !d.services.length &&
    !d.orchestrator &&
    !deploysItself(ctx, folder) &&
    ownSourceFiles(ctx, folder, [...byPath.keys()]) < 3;
  // nor does a service whose image is named like the project (langfuse/langfuse) run such a root
  const toolingRoots = new Set([...byPath].filter(([folder, d]) => toolingRoot(folder, d)).map(([, d]) => d));
  const runnable = () => [...byPath.values()].filter((d) => !toolingRoots.has(d));

  // compose, Kubernetes, Helm, Procfile, serverless: what runs
  // services built here first, so that an image-only workload finds the folder its image is built from
  const configMaps = configMapHosts(ctx);
  const allServices = [...ctx.each('services')].flatMap(([file, list]) => list.map((s) => [file, withConfigMaps(ctx, file, withEnvFile(ctx, file, s), configMaps)] as const));
  // then those that name an image, so a compose override without one joins the service it overrides
  const order = (s: ServiceFact) => (s.build !== undefined ? 0 : s.image ? 1 : 2);
  // and the system's own compose file before a service's own or a dev setup's: the image and ports it gives
  // a store (rabbitmq:3.8 at the root, not dispatch/'s 3.7; postgres:17, not dev/'s 13) are the ones that run
  allServices.sort(([fa, a], [fb, b]) => order(a) - order(b) || composeRank(fa, a) - composeRank(fb, b));
  for (const [file, s] of allServices) {
    // a service that runs the tests (a playwright or cypress container in the dev compose file), or a mail
    // catcher or database admin UI beside it, is not the system
    if (runsBesideTheSystem(s)) continue;
    // a compose file for tests (docker-compose.test.yml) describes a test setup, not the system
    const fileRole = ctx.roleOfFile(file);
    {
      // an SST route or function names its handler's file: the package that holds it serves
      if (s.source === 'sst') {
        const d = (s.build !== undefined ? nearestUp(byPath, s.build) : undefined) ?? nearestUp(byPath, dirOf(file));
        if (d && d.role === fileRole) attachService(d, file, s);
        continue;
      }
      if (s.build !== undefined) {
        let folder = joinPath('', s.build) ?? '';
        // a repository-wide build context (context: ., dockerfile: src/ad/Dockerfile) builds the folder of its
        // Dockerfile, or, when that is a variable, the folder named like the service
        if (folder === '' || !byPath.has(folder)) {
          const dockerfilePath = s.dockerfile && !s.dockerfile.includes('${') ? joinPath('', s.dockerfile) : undefined;
          const dockerfileDir = dockerfilePath !== undefined ? dirOf(dockerfilePath) : undefined;
          const build = dockerfilePath !== undefined ? ctx.input.facts.get(dockerfilePath)?.dockerBuild : undefined;
          const named = findByName([...byPath.values()].filter((d) => d.path !== '' && d.role === fileRole), s.name);
          const builds = dockerfileDir !== undefined ? namedProject(build, byPath, dockerfileDir) : undefined;
          if (dockerfileDir && byPath.has(dockerfileDir)) folder = dockerfileDir;
          else if (builds?.path !== undefined) folder = builds.path;
          // (a Dockerfile that copies the root's code beside a sub-project's builds the root, whatever it is called)
          else if (folder === '' && named?.path !== undefined && (dockerfilePath === undefined || !ctx.fileByPath.has(dockerfilePath))) folder = named.path;
          else if (dockerfileDir && dockerfilePath !== undefined && ctx.fileByPath.has(dockerfilePath) && !build?.sources.length && !s.mountsContext) {
            // the image builds code kept elsewhere (src/opamp-server/Dockerfile clones opamp-go): it is a part of
            // its own, in the Dockerfile's folder, not the project at the root of the build context
            folder = dockerfileDir;
            if (!byPath.has(folder)) draftAt(folder);
          }
        }
        // a context whose Dockerfile copies one sub-project in builds that sub-project
        if (!byPath.has(folder) && folder !== '') {
          const sub = copiedSubProject(ctx.input.facts.get(`${folder}/Dockerfile`)?.dockerBuild, byPath, folder);
          if (sub?.path !== undefined) folder = sub.path;
        }
        // a build context with no code of its own (docker/app holding a generic Dockerfile) is not a project
        const hasCode = byPath.has(folder) || ownSourceFiles(ctx, folder, [...byPath.keys()]) > 0;
        const d = byPath.get(folder) ?? (ctx.folders.has(folder) && hasCode ? draftAt(folder) : undefined);
        if (d && d.role === fileRole) {
          attachService(d, file, s);
          continue;
        }
        // Firebase deploys a function from its source folder alone: one missing here (firebase init writes
        // "functions" into firebase.json whether or not the folder is kept) runs nothing of this repository
        if (s.source === 'firebase') continue;
      }
      if (s.source === 'procfile' || s.source === 'serverless' || s.source === 'dotnet' || s.kind === 'function') {
        const d = byPath.get(dirOf(file)) ?? nearestUp(byPath, dirOf(file));
        if (d && d.role === roleOfFolder(dirOf(file))) {
          attachService(d, file, s);
          continue;
        }
      }
      const image = s.image ? stripImage(s.image) : undefined;
      // (the project's own published image, langfuse/langfuse in langfuse's compose file, is no product: the
      // service runs one of the project's parts, found by its image or service name below)
      const imageTech = image ? pickStoreTech(matchTechnologies('image', image).filter((t) => !ctx.isOwnProject(t))) : undefined;
      // a known product's image (mcr.microsoft.com/mssql/server) is that product, whatever project shares its name
      const product = imageTech !== undefined && (DATASTORE_KINDS[imageTech.category] !== undefined || imageTech.category === 'web-server' || imageTech.category === 'observability');
      // (a service named after the project and a part, langfuse-web, runs that part: web/)
      const unprefixed = withoutProjectName(ctx, s.name);
      const own = product
        ? undefined
        : ((image ? findByImage(runnable(), image, s.name) : findByName(runnable(), s.name)) ?? (unprefixed ? findByName(runnable(), unprefixed) : undefined));
      if (own && own.role === fileRole) {
        attachService(own, file, s);
        continue;
      }
      // Laravel Sail's laravel.test, built from vendor/ and mounting '.:/var/www/html', runs the project it mounts
      // (its queue and cron siblings too): a process of that project, not a service of its own
      const mounted = product ? undefined : s.mounts?.map((m) => byPath.get(m)).find((d) => d !== undefined && d.role === fileRole && d.manifests.length > 0);
      if (mounted) {
        attachService(mounted, file, s);
        continue;
      }
      // a Helm chart named after no project (onlineboutique) deploys the system's parts, each its own container
      if (s.source === 'helm' && [...byPath.values()].filter((d) => d.role === 'main' && d.deployable).length >= 2) continue;
      // a repository with one project whose manifests deploy an image that is no known product: that image is the project
      const single = [...byPath.values()].filter((d) => d.role === 'main' && d.path !== undefined);
      if (image && !imageTech && fileRole === 'main' && single.length === 1 && s.source === 'kubernetes') {
        attachService(single[0], file, s);
        continue;
      }
      // util/MsSql/Dockerfile FROM mcr.microsoft.com/mssql/server builds the database the compose file runs
      const builtHere = product ? [...byPath.values()].find((d) => d.role === fileRole && !d.manifests.length && d.imageTech?.id === imageTech!.id) : undefined;
      if (builtHere) {
        attachService(builtHere, file, s);
        continue;
      }
      // a "db" that one compose file runs as postgres:18 and another as mariadb:12 is two databases: a name
      // joins services only when they run the same product
      const sameProduct = (r: Draft) => imageTech === undefined || r.imageTech === undefined || r.imageTech.id === imageTech.id;
      // (two Kubernetes workloads of one product under different names, accounts-db and ledger-db, are two databases)
      // (in one set of manifests: argocd-redis in manifests/base and argocd-redis-ha-server in manifests/ha are one
      // Redis deployed two ways)
      const otherWorkload = (r: Draft) =>
        s.source === 'kubernetes' && r.services.some((o) => o.fact.source === 'kubernetes' && dirOf(o.file) === dirOf(file)) && !r.names.has(s.name) && ![...r.names].some((n) => instanceKey(n) === instanceKey(s.name));
      const existing = runtimeOnly.find(
        (r) => r.role === ctx.roleOfFile(file) && ((r.names.has(s.name) && sameProduct(r)) || (imageTech !== undefined && r.imageTech?.id === imageTech.id && !otherWorkload(r))),
      );
      const d: Draft = existing ?? {
        id: imageTech ? `datastore:${imageTech.id}` : `container:${slug(s.name)}`,
        names: new Set(),
        manifests: [],
        dockerfiles: [],
        services: [],
        image: s.image,
        imageTech,
        ports: new Set(),
        role: ctx.roleOfFile(file),
        evidence: [],
        deployable: true,
      };
      if (!existing) runtimeOnly.push(d);
      attachService(d, file, s);
    }
  }

  // one build context that compose builds with a different Dockerfile per service, each compiling a program
  // of its own (go-coffeeshop: context ., docker/Dockerfile-proxy builds ./cmd/proxy, Dockerfile-counter
  // ./cmd/counter), deploys that many programs: each is a part, in its program's folder, with its services
  for (const d of [...byPath.values()]) {
    // (a program folder that is a project of its own already, with its manifest, takes them too)
    for (const program of programsOf(ctx, d)) moveServices(ctx, d, byPath.get(program.path) ?? draftAt(program.path), program);
  }

  // the repository's tooling at a workspace root (see toolingRoot), now that every part is known
  for (const [folder, d] of byPath) if (toolingRoot(folder, d)) byPath.delete(folder);

  // a port only a dev setup publishes (the Vite dev server beside the app) is not one the part listens on
  // where the system's compose file says which ports it uses
  for (const d of [...byPath.values(), ...runtimeOnly]) {
    const dev = (f: string, s: ServiceFact) => s.source === 'compose' && isDevCompose(f);
    const main = d.services.filter((s) => !dev(s.file, s.fact)).flatMap((s) => s.fact.ports ?? []);
    if (!main.length) continue;
    const exposed = d.dockerfiles.flatMap((f) => (ctx.input.facts.get(f)?.exposedPorts ?? []).map((p) => p.port));
    for (const s of d.services) {
      if (!dev(s.file, s.fact)) continue;
      for (const p of s.fact.ports ?? []) if (!main.includes(p) && !exposed.includes(p)) d.ports.delete(p);
    }
  }

  // four compose services built from one mongodb/ folder (or running one image) are four databases, one each
  for (const [folder, d] of byPath) {
    const split = splitInstances(d);
    if (!split) continue;
    byPath.delete(folder);
    runtimeOnly.push(...split);
  }
  for (const d of [...runtimeOnly]) {
    const split = splitInstances(d);
    if (split) runtimeOnly.splice(runtimeOnly.indexOf(d), 1, ...split);
  }
  const drafts = [...byPath.values(), ...runtimeOnly];
  // ids must be unique: two runtime-only stores of one technology get their service names, and a third
  // of the same name (tika in the main, the test and the dev container's compose files) a number; the
  // system's own keep the plain ids
  const taken = new Set<string>();
  for (const d of [...drafts].sort((a, b) => Number(a.role !== 'main') - Number(b.role !== 'main'))) {
    let id = taken.has(d.id) ? `${d.id}-${slug([...d.names][0] ?? 'other')}` : d.id;
    for (let n = 2; taken.has(id); n++) id = `${d.id}-${slug([...d.names][0] ?? 'other')}-${n}`;
    taken.add(id);
    d.id = id;
  }
  return drafts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  function draftFor(folder: string): Draft | undefined {
    return byPath.get(folder);
  }
}

/** "langfuse-web" -> "web" in a project called langfuse; undefined for a name that does not start with the project's. */
function withoutProjectName(ctx: Context, name: string): string | undefined {
  const m = /^([^-_.]+)[-_.](.+)$/.exec(name);
  return m && ctx.ownNameKeys.has(nameKey(m[1])) ? m[2] : undefined;
}

/** A program one of a part's compose services builds with a Dockerfile of its own: its folder, its Dockerfile, its services. */
interface Program {
  path: string;
  dockerfile: string;
  line: number;
  ecosystem: Ecosystem;
  names: Set<string>;
}

/**
 * The programs a part's compose services build, when they build several: services built from one context with
 * different Dockerfiles, each of which compiles a different folder of that context. Services that share a
 * Dockerfile are one program (sentry's web, cron and consumers run one image); a Dockerfile that does not say
 * what it compiles leaves the services with the part, one build as far as anything here can tell.
 */
function programsOf(ctx: Context, d: Draft): Program[] {
  if (d.path === undefined || !d.manifests.length) return [];
  // each service's Dockerfile, as the system's own compose file names it (the services come in that order)
  const dockerfileOf = new Map<string, string>();
  for (const { fact } of d.services) {
    if (fact.source === 'compose' && fact.build !== undefined && fact.dockerfile && !dockerfileOf.has(fact.name)) dockerfileOf.set(fact.name, fact.dockerfile);
  }
  const byDockerfile = new Map<string, Program | undefined>();
  for (const [name, dockerfile] of dockerfileOf) {
    if (!byDockerfile.has(dockerfile)) {
      const context = d.services.find((s) => s.fact.name === name && s.fact.dockerfile === dockerfile)!.fact.build!;
      const mains = ctx.input.facts.get(dockerfile)?.dockerBuild?.mains ?? [];
      const folders = [...new Set(mains.map((m) => joinPath(context, m.path)))];
      const path = folders.length === 1 ? folders[0] : undefined;
      // (inside the part, and of its role: an example's main is not the system's program)
      const inside = path !== undefined && path !== d.path && (d.path === '' || path.startsWith(`${d.path}/`)) && ctx.folders.has(path) && roleOfFolder(path) === d.role;
      byDockerfile.set(dockerfile, inside ? { path, dockerfile, line: mains[0].line, ecosystem: mains[0].ecosystem, names: new Set() } : undefined);
    }
    byDockerfile.get(dockerfile)?.names.add(name);
  }
  const programs = [...byDockerfile.values()];
  // every Dockerfile names its program, and no two the same one
  if (programs.length < 2 || programs.some((p) => p === undefined)) return [];
  const found = programs as Program[];
  return new Set(found.map((p) => p.path)).size === found.length ? found : [];
}

/** Hands a program's services, Dockerfile and published ports from the part that builds the whole context to the program's own part. */
function moveServices(ctx: Context, from: Draft, to: Draft, program: Program): void {
  const moved = from.services.filter((s) => program.names.has(s.fact.name));
  from.services = from.services.filter((s) => !program.names.has(s.fact.name));
  from.dockerfiles = from.dockerfiles.filter((f) => f !== program.dockerfile);
  const rules = new Set(moved.map((s) => `${s.file}\0${s.fact.line ?? ''}\0${s.fact.source} ${s.fact.kind ?? 'service'} ${s.fact.name}`));
  from.evidence = from.evidence.filter((e) => !(e.file === program.dockerfile && e.rule === 'Dockerfile') && !rules.has(`${e.file}\0${e.line ?? ''}\0${e.rule}`));
  for (const n of program.names) from.names.delete(n);
  // a port stays the part's when a service it still runs publishes it, or a Dockerfile of its own folder exposes it
  const kept = new Set([...from.services.flatMap((s) => s.fact.ports ?? []), ...from.dockerfiles.filter((f) => dirOf(f) === from.path).flatMap((f) => (ctx.input.facts.get(f)?.exposedPorts ?? []).map((p) => p.port))]);
  for (const p of moved.flatMap((s) => s.fact.ports ?? [])) if (!kept.has(p)) from.ports.delete(p);
  from.deployable = Boolean(from.orchestrator) || from.services.length > 0 || from.dockerfiles.length > 0 || from.evidence.some((e) => e.rule === ASPIRE_RUNS);

  from.programs = [...(from.programs ?? []), program.path];
  to.compiles = program.ecosystem;
  to.dockerfiles.push(program.dockerfile);
  to.evidence.push(evidence(program.dockerfile, 'Dockerfile'), evidence(program.dockerfile, `Dockerfile builds ${program.path}`, program.line));
  for (const p of ctx.input.facts.get(program.dockerfile)?.exposedPorts ?? []) to.ports.add(p.port);
  for (const s of moved) attachService(to, s.file, s.fact);
}

/** "kafka1", "kafka-2" and "kafka_3" are replicas of one cluster; "auth-mongodb" and "account-mongodb" are not. */
const instanceKey = (name: string) => name.toLowerCase().replace(/[-_.]?\d+$/, '');

/**
 * A store that one compose file runs under several names (auth-mongodb, account-mongodb, both built from
 * ./mongodb) is that many stores: each its own data, each reached by its own clients. A project's code run
 * as several services stays one part; replicas of one cluster (kafka1, kafka2) stay one store.
 */
function splitInstances(d: Draft): Draft[] | undefined {
  const tech = d.imageTech;
  if (!tech || !DATASTORE_KINDS[tech.category] || d.manifests.length) return undefined;
  // the services that run the store: they build its folder or run its product's image, or share a name with
  // one that does; dynamodblocal-init, joined to dynamodblocal by its name, only fills it
  const direct = (s: Draft['services'][number]) =>
    (d.path !== undefined && s.fact.build === d.path) || (s.fact.image !== undefined && matchTechnologies('image', stripImage(s.fact.image)).some((t) => t.id === tech.id));
  const runners = new Set(d.services.filter(direct).map((s) => s.fact.name));
  const byFile = new Map<string, Set<string>>();
  for (const { file, fact } of d.services) if (runners.has(fact.name)) byFile.set(file, (byFile.get(file) ?? new Set()).add(instanceKey(fact.name)));
  if (![...byFile.values()].some((keys) => keys.size > 1)) return undefined;
  const groups = new Map<string, Draft['services']>();
  for (const s of d.services) if (runners.has(s.fact.name)) groups.set(instanceKey(s.fact.name), [...(groups.get(instanceKey(s.fact.name)) ?? []), s]);
  // one that only serves a store goes with the store it is named after (auth-mongodb-init) or waits for; one
  // that says neither is no store, and no part of any
  const keys = [...groups.keys()];
  for (const s of d.services) {
    if (runners.has(s.fact.name)) continue;
    const key =
      keys.filter((k) => instanceKey(s.fact.name).startsWith(`${k}-`)).sort((a, b) => b.length - a.length)[0] ??
      keys.find((k) => s.fact.dependsOn?.some((dep) => instanceKey(dep) === k));
    if (key !== undefined) groups.get(key)!.push(s);
  }
  const built = d.evidence.filter((e) => d.dockerfiles.includes(e.file));
  return [...groups].map(([key, services]) => {
    const part: Draft = {
      id: `datastore:${d.imageTech!.id}-${slug(key)}`,
      names: new Set(),
      manifests: [],
      dockerfiles: [...d.dockerfiles],
      services: [],
      image: d.path !== undefined ? d.image : services.find((s) => s.fact.image)?.fact.image ?? d.image,
      imageTech: d.imageTech,
      ports: new Set(),
      role: d.role,
      evidence: [...built],
      deployable: true,
    };
    for (const s of services) attachService(part, s.file, s.fact);
    // (the ports its image exposes, when no compose file says which it listens on)
    if (!part.ports.size) for (const p of d.ports) part.ports.add(p);
    return part;
  });
}

/** Each part's package ecosystems, from its manifests: which languages it builds (see codeOwnerOf). */
export function ecosystemsOf(drafts: Draft[]): Map<string, ReadonlySet<string>> {
  return new Map(drafts.map((d) => [d.id, new Set(d.manifests.map((m) => m.fact.ecosystem))]));
}

const DEV_COMPOSE = /(?:^|[.-])(?:dev|development|local|override|debug|test|tests|ci|e2e)(?:[.-]|$)/i;

/** A compose file for working on the code (docker-compose.dev.yml, dev/docker-compose.yml), not for running the system. */
export function isDevCompose(file: string): boolean {
  return DEV_COMPOSE.test(baseOf(file)) || /(?:^|\/)(?:dev|development)\//i.test(`${dirOf(file)}/`);
}

/** How far a file that runs services is from describing the system: the root's main compose file first. */
function composeRank(file: string, s: ServiceFact): number {
  return (s.source === 'compose' && isDevCompose(file) ? 100 : 0) + file.split('/').length;
}

const TEST_RUNNER_NAME = /^(?:e2e|tests?|playwright|cypress|selenium|integration[-_]?tests?|load[-_]?tests?|k6)(?:[-_][\w-]*)?$/i;
const TEST_RUNNER_IMAGE = /(?:^|\/)(?:playwright|cypress\/(?:included|base|browsers)|selenium\/[\w-]+|grafana\/k6)$/;

/**
 * Tools a developer runs beside the system: mail catchers that swallow what the app sends, and admin UIs
 * for its databases. They are not parts of the system, and the app never depends on them in production.
 */
const DEV_TOOL_IMAGE =
  /(?:^|\/)(?:mailhog|mailpit|maildev|mailcatcher|smtp4dev|greenmail\/standalone|adminer|phpmyadmin|pgadmin4?|redis-commander|redisinsight|mongo-express|kafka-ui|kafdrop|sonarqube)$/;
const DEV_TOOL_NAME = /^(?:mailhog|mailpit|maildev|mailcatcher|smtp4dev|adminer|phpmyadmin|pgadmin|redis-commander|mongo-express|kafka-ui|kafdrop|sonar|sonarqube)$/i;

function runsBesideTheSystem(s: ServiceFact): boolean {
  if (DEV_TOOL_NAME.test(s.name) || (s.image !== undefined && DEV_TOOL_IMAGE.test(stripImage(s.image)))) return true;
  return TEST_RUNNER_NAME.test(s.name) || (s.image !== undefined && TEST_RUNNER_IMAGE.test(stripImage(s.image)));
}

/** The final FROM of a Dockerfile when it is a known product that is not a language runtime or base OS. */
function productImage(ctx: Context, dockerfile: string): { tech: Technology; ref: string } | undefined {
  const bases = (ctx.input.facts.get(dockerfile)?.images ?? []).filter((i) => i.role === 'base');
  const last = bases.sort((a, b) => (b.line ?? 0) - (a.line ?? 0))[0];
  if (!last) return undefined;
  // only products that run as a service: stores, brokers, search engines, proxies, observability backends
  const tech = matchTechnologies('image', last.name).find((t) => DATASTORE_KINDS[t.category] || t.category === 'web-server' || t.category === 'observability');
  return tech ? { tech, ref: last.ref } : undefined;
}

function attachService(d: Draft, file: string, s: ServiceFact) {
  d.names.add(s.name);
  for (const a of s.aliases ?? []) d.names.add(a);
  d.services.push({ file, fact: s });
  for (const p of s.ports ?? []) d.ports.add(p);
  d.deployable = true;
  d.evidence.push(evidence(file, `${s.source} ${s.kind ?? 'service'} ${s.name}`, s.line));
}

/** Deploy configs that describe how the folder beside them is deployed, as a whole: a Worker, a Lambda stack, a PaaS app. */
const OWN_DEPLOY_SOURCES = new Set(['wrangler', 'serverless', 'sam', 'fly', 'render', 'procfile', 'kamal', 'app.yaml']);

/**
 * The folder has a deploy config of its own (wrangler.json, serverless.yml, a SAM template, a Procfile): something
 * deploys this very folder, so it is a part whatever its size. (A Dockerfile makes its folder a part on its own.)
 */
function deploysItself(ctx: Context, folder: string): boolean {
  const prefix = folder ? `${folder}/` : '';
  for (const [file, services] of ctx.each('services')) {
    if (dirOf(file) !== folder || ctx.roleOfFile(file) !== roleOfFolder(folder)) continue;
    if (services.some((s) => OWN_DEPLOY_SOURCES.has(s.source) && (s.build === undefined || s.build === folder || s.build.startsWith(prefix)))) return true;
  }
  return false;
}

/** Source files that belong to `folder` and to no deeper project. */
function ownSourceFiles(ctx: Context, folder: string, projects: string[]): number {
  const counts = sourceCounts(ctx, roleOfFolder(folder));
  const prefix = folder ? `${folder}/` : '';
  const deeper = projects.filter((p) => p !== folder && (folder === '' || p.startsWith(prefix)));
  // only the outermost deeper projects: a project inside another is already counted in it
  const outer = deeper.filter((p) => !deeper.some((q) => q !== p && p.startsWith(`${q}/`)));
  return (counts.get(folder) ?? 0) - outer.reduce((n, p) => n + (counts.get(p) ?? 0), 0);
}

/** Go files of `folder`'s own role below it that no deeper project holds. */
function ownGoFiles(ctx: Context, folder: string, role: string, projects: string[]): number {
  const prefix = folder ? `${folder}/` : '';
  const deeper = projects.filter((p) => p !== folder && (folder === '' || p.startsWith(prefix)));
  return ctx.input.files.filter((f) => f.path.endsWith('.go') && f.path.startsWith(prefix) && f.role === role && !deeper.some((p) => f.path.startsWith(`${p}/`))).length;
}

const countsCache = new WeakMap<Context, Map<string, Map<string, number>>>();

/** Source files under each folder (recursively), for one role; computed once per run. */
function sourceCounts(ctx: Context, role: string): Map<string, number> {
  let byRole = countsCache.get(ctx);
  if (!byRole) countsCache.set(ctx, (byRole = new Map()));
  let counts = byRole.get(role);
  if (counts) return counts;
  counts = new Map();
  for (const f of ctx.input.files) {
    // (a Dockerfile is no code of the folder it sits in, whatever its name: dev/app.Dockerfile, docker/Dockerfile.dev)
    // (nor is a shell script, with or without its .sh: .agents/setup starts with #!/usr/bin/env bash)
    if (!f.languageType || !SOURCE_TYPES.has(f.languageType) || f.language === 'Dockerfile' || f.language === 'Shell' || f.language === 'PowerShell' || f.generated || f.role !== role || NOT_OWN_SOURCE.test(f.path) || isToolConfigFile(f.path)) continue;
    for (let i = f.path.lastIndexOf('/'); ; i = f.path.lastIndexOf('/', i - 1)) {
      const dir = i < 0 ? '' : f.path.slice(0, i);
      counts.set(dir, (counts.get(dir) ?? 0) + 1);
      if (i < 0) break;
    }
  }
  byRole.set(role, counts);
  return counts;
}

/** The repository's own image: "acme/cartservice:v1" belongs to the folder or compose service named cartservice. */
function findByImage(drafts: Draft[], image: string, serviceName: string): Draft | undefined {
  const last = baseOf(image);
  return findByName(drafts, last) ?? findByName(drafts, serviceName);
}

/** A folder is named by its last segment, or by its parent's when the last is a generic src/app/server. */
function folderNames(path: string): string[] {
  const parts = path.split('/');
  const last = parts[parts.length - 1];
  return /^(src|app|server|service|api|main|cmd)$/i.test(last) && parts.length > 1 ? [last, parts[parts.length - 2]] : [last];
}

function findByName(drafts: Draft[], name: string): Draft | undefined {
  const exact =
    drafts.find((d) => d.path !== undefined && d.names.has(name)) ??
    drafts.find((d) => d.path !== undefined && d.path !== '' && d.role === 'main' && folderNames(d.path).includes(name)) ??
    drafts.find((d) => d.path !== undefined && d.path !== '' && folderNames(d.path).includes(name));
  if (exact) return exact;
  // an image named after a project's manifest ("maybe" for package.json "maybe", "jhipstersampleapplication" for
  // the artifact jhipster-sample-application) is that project's image
  const key = manifestKey(name);
  const byManifest = key.length >= 3 ? drafts.filter((d) => d.path !== undefined && d.manifests.some((m) => m.fact.name && manifestKeys(m.fact).includes(key))) : [];
  if (byManifest.length === 1) return byManifest[0];
  // listmonk's Go module and its frontend's package.json both say "listmonk": the image is the one a Dockerfile builds
  const built = byManifest.filter((d) => d.dockerfiles.length > 0);
  if (built.length === 1) return built[0];
  // "trainer-grpc" and "trainer-http" run the code in internal/trainer: a folder name and a suffix, when only one folder fits
  const prefixed = drafts.filter((d) => d.path !== undefined && d.path !== '' && folderNames(d.path).some((f) => f.length >= 3 && new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[-_][a-z0-9]+$`, 'i').test(name)));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/**
 * A name compared without case, scope, group, path or punctuation: "@acme/Web-App" and "webapp" meet, and so do
 * the Go module "github.com/navidrome/navidrome" and the image "deluan/navidrome".
 */
/**
 * A manifest's names for matching an image: a Go module that is only a domain (miniflux.app/v2, whose image is
 * miniflux/miniflux) is also called by the domain's name.
 */
function manifestKeys(fact: ManifestFact): string[] {
  const name = fact.name ?? '';
  const domain = fact.ecosystem === 'go' ? /^([a-z0-9-]+)\.[a-z]{2,}$/i.exec(name.replace(/\/v\d+$/, ''))?.[1] : undefined;
  return domain ? [manifestKey(name), manifestKey(domain)] : [manifestKey(name)];
}

function manifestKey(name: string): string {
  return name.replace(/^@[^/]+\//, '').replace(/^.*:/, '').replace(/\/v\d+$/, '').replace(/^.*\//, '').toLowerCase().replace(/[-_. ]/g, '');
}

/**
 * Compose fills `${POSTGRES_IMAGE}` and `dockerfile: ${X_DOCKERFILE}` from the .env file beside it: a service
 * whose image or Dockerfile is a variable is read with those values (the .env reader keeps only such values).
 */
const ENV_FILES = ['.env', '.env.example', '.env.sample', '.env.dist', '.env.docker', '.env.template'];

/** The hosts each Kubernetes ConfigMap's values name, by the ConfigMap's name: [file, hosts] for each definition. */
function configMapHosts(ctx: Context): Map<string, [string, NonNullable<ServiceFact['envHosts']>][]> {
  const out = new Map<string, [string, NonNullable<ServiceFact['envHosts']>][]>();
  for (const [file, objects] of ctx.each('k8sObjects')) {
    for (const o of objects) if (o.kind === 'ConfigMap' && o.envHosts?.length) out.set(o.name, [...(out.get(o.name) ?? []), [file, o.envHosts]]);
  }
  return out;
}

/**
 * A workload that takes its environment from a ConfigMap (envFrom: configMapRef: accounts-db-config) points where
 * that ConfigMap's values do (ACCOUNTS_DB_URI=postgresql://…@accounts-db:5432): the definition in its own folder,
 * else the ones of its role.
 */
function withConfigMaps(ctx: Context, file: string, s: ServiceFact, configMaps: ReturnType<typeof configMapHosts>): ServiceFact {
  const refs = (s.envFrom ?? []).filter((e) => e.kind === 'configMap');
  if (!refs.length || !configMaps.size) return s;
  const role = ctx.roleOfFile(file);
  const hosts: NonNullable<ServiceFact['envHosts']> = [];
  for (const ref of refs) {
    const defs = (configMaps.get(ref.name) ?? []).filter(([f]) => ctx.roleOfFile(f) === role);
    const near = defs.filter(([f]) => dirOf(f) === dirOf(file));
    for (const [f, list] of near.length ? near : defs) for (const h of list) hosts.push({ ...h, file: f });
  }
  return hosts.length ? { ...s, envHosts: [...(s.envHosts ?? []), ...hosts] } : s;
}

function withEnvFile(ctx: Context, file: string, s: ServiceFact): ServiceFact {
  if (s.source !== 'compose' || !(s.image?.includes('$') || s.dockerfile?.includes('$'))) return s;
  const folder = dirOf(file);
  const values = new Map<string, string>();
  // .env first; without it, the template a README says to copy to .env (.env.example, pixelfed's .env.docker)
  for (const name of ENV_FILES) {
    for (const e of ctx.input.facts.get(folder ? `${folder}/${name}` : name)?.env ?? []) if (e.value !== undefined && !values.has(e.name)) values.set(e.name, e.value);
  }
  // ${VAR}, ${VAR:-default}, ${VAR-default}, and ${VAR:?message} (required, no default); a value may name another variable
  const once = (text: string) =>
    text.replace(/\$\{([A-Za-z_]\w*)(?::?-([^}]*)|:?\?[^}]*)?\}|\$([A-Za-z_]\w*)/g, (m, braced: string | undefined, dflt: string | undefined, bare: string | undefined) => values.get(braced ?? bare!) ?? dflt ?? m);
  const fill = (text: string) => once(once(text));
  const filled: ServiceFact = { ...s };
  if (s.image?.includes('$')) filled.image = fill(s.image);
  if (s.dockerfile?.includes('$')) {
    const path = joinPath('', fill(s.dockerfile));
    if (path !== undefined) filled.dockerfile = path;
  }
  return filled;
}

/** The one project a Dockerfile names by its folder: COPY util/Server, COPY src/Api/Api.csproj src/Api/, WORKDIR /source/util/Server. */
function namedProject(build: FileFacts['dockerBuild'], byPath: Map<string, Draft>, folder: string): Draft | undefined {
  if (!build) return undefined;
  const projects = [...byPath.values()].filter((d) => d.path);
  const found = new Set<Draft>();
  for (const { path } of build.sources) {
    // the Dockerfile's own folder (an entrypoint script beside it) and the whole context say nothing
    if (path === '.' || path === folder || path.startsWith(`${folder}/`)) continue;
    const owner = projects.filter((d) => path === d.path || path.startsWith(`${d.path}/`));
    // a copied path no sub-project owns (mealie/ beside frontend/) is the root's: the image builds more than one
    if (!owner.length) return undefined;
    for (const d of owner) found.add(d);
  }
  // WORKDIR is a path inside the image, where the repository's folders sit under /source or /app; one
  // segment (WORKDIR /app, /src) is too common a name to tell
  for (const { path } of build.workdirs) {
    for (const d of projects) if (d.path!.includes('/') && (path.endsWith(`/${d.path}`) || path.includes(`/${d.path}/`))) found.add(d);
  }
  const deepest = [...found].filter((d) => ![...found].some((e) => e !== d && e.path!.startsWith(`${d.path}/`)));
  return deepest.length === 1 ? deepest[0] : undefined;
}

/**
 * A Dockerfile built with its own folder as the context that copies one sub-project's folder (robot-shop's
 * ratings/Dockerfile: COPY html/ /var/www/html, with ratings/html/composer.json) builds that sub-project.
 */
function copiedSubProject(build: FileFacts['dockerBuild'], byPath: Map<string, Draft>, folder: string): Draft | undefined {
  if (!build || folder === '') return undefined;
  const inside = [...byPath.values()].filter((d) => d.path && d.path.startsWith(`${folder}/`));
  const found = new Set<Draft>();
  for (const { path } of build.sources) {
    if (path === '.') continue;
    const full = `${folder}/${path.replace(/^\.\//, '').replace(/\/+$/, '')}`;
    for (const d of inside) if (full === d.path || full.startsWith(`${d.path}/`)) found.add(d);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

function pickStoreTech(techs: Technology[]): Technology | undefined {
  return techs.find((t) => DATASTORE_KINDS[t.category]) ?? techs.find((t) => t.category === 'web-server') ?? techs[0];
}

/**
 * A project's manifests, the one that declares what it is first: a package.json beside a pyproject that only
 * holds the end-to-end test harness (dispatch-e2e, with nothing but dev dependencies) speaks for it last.
 */
export function primaryManifests(d: Draft): Draft['manifests'] {
  // a package.json beside pyproject.toml, a Gemfile or a pom builds that project's frontend (redash-client in
  // redash): the other manifest names and describes the part, as its language decides the part's language
  const support = (m: Draft['manifests'][number]) => m.fact.ecosystem === 'npm' && d.manifests.some((o) => o.fact.ecosystem !== 'npm');
  return [...d.manifests].sort((a, b) => Number(support(a)) - Number(support(b)));
}

/** A description that says something: words left once badge and link markup is gone ("[![Build Status](...)](...)" says nothing). */
export function describes(text: string | undefined): text is string {
  if (!text) return false;
  // what a generator writes into every project it makes ("Description for Jhipster Sample Application",
  // Spring Initializr's "Demo project for Spring Boot") describes none of them
  if (/^(?:Description for\b|Demo project for Spring Boot$)/i.test(text)) return false;
  const words = text.replace(/!?\[[^\]]*\]\([^)]*\)/g, ' ').replace(/https?:\/\/\S+/g, ' ');
  return /\p{L}{2,}/u.test(words);
}

export function manifestDescription(d: Draft): Fact | undefined {
  for (const { file, fact } of d.manifests) {
    if (describes(fact.description?.trim())) {
      return { value: fact.description.trim(), evidence: [evidence(file, `${buildToolOf(fact.ecosystem, file)} manifest description`, fact.line)] };
    }
  }
  return undefined;
}

/** A draft's evidence, what a dev setup says after the rest: the system's own files are the ones to cite first. */
export function draftEvidence(d: Draft): Evidence[] {
  const merged = mergeEvidence(d.evidence);
  const dev = (e: Evidence) => Number(isDevCompose(e.file) && d.services.some((s) => s.file === e.file && s.fact.source === 'compose'));
  return merged.sort((a, b) => dev(a) - dev(b));
}

export type { Container };
