/**
 * Facts that one file yields on its own. Extraction is a pure function of (path, text), so it can run
 * in a worker thread and be cached by content hash; everything that needs several files at once
 * (resolving imports, matching services to folders) happens later, in the model stage.
 */
import type { Evidence } from '../model/evidence.js';

export type Ecosystem = 'npm' | 'pypi' | 'go' | 'maven' | 'nuget' | 'cargo' | 'gem' | 'composer' | 'hex';

/** How a dependency is used. Only `runtime` (and `optional`, reported as such) makes a stack claim. */
export type DependencyScope = 'runtime' | 'dev' | 'test' | 'peer' | 'optional' | 'build';

export interface DependencyFact {
  ecosystem: Ecosystem;
  /** Package coordinates as the ecosystem spells them: "express", "github.com/gin-gonic/gin", "org.springframework.boot:spring-boot-starter-web". */
  name: string;
  version?: string;
  scope: DependencyScope;
  /** True when the manifest marks it as only pulled in by another dependency (go.mod `// indirect`). */
  indirect?: boolean;
  line?: number;
  /**
   * Gradle version catalogs: in a catalog, the alias an entry is declared under ("ktor-server-core"); in a build
   * script, set on a reference to one (`implementation(libs.ktor.server.core)`, name "libs.ktor.server.core").
   */
  catalogAlias?: string;
  catalogRef?: true;
}

/** A project declared by a manifest: a package.json, a pyproject.toml, a go.mod, a pom.xml ... */
export interface ManifestFact {
  ecosystem: Ecosystem;
  /** Package name as declared ("@acme/web", "github.com/acme/api", "com.acme:orders"). */
  name?: string;
  description?: string;
  version?: string;
  /** Workspace member globs or paths declared by this manifest, relative to its folder. */
  workspaces?: string[];
  /** Entry points relative to the manifest's folder (bin, main, scripts.start, [project.scripts], main package ...). */
  entryPoints?: { name: string; target: string; line?: number }[];
  /** Local path dependencies (ProjectReference, path = "../x", "workspace:*", replace => ../x), relative to the manifest's folder. */
  /** dev: needed by the tests only (Cargo [dev-dependencies]), no dependency of the shipped code. */
  /** notRun: an orchestrator's reference it builds against but does not run (Aspire's IsAspireProjectResource="false"). */
  localDependencies?: { path?: string; name?: string; line?: number; dev?: true; notRun?: true }[];
  /**
   * The project builds no code, only a platform of versions or settings for others: a Gradle java-platform
   * (okhttp-bom) or a Maven pom-packaged project with no modules (a BOM, a parent pom).
   */
  platform?: true;
  /** True when the manifest marks itself private / not published (package.json "private"). */
  private?: boolean;
  /** What the project builds to, when the manifest says: "library", "application", "cli". */
  kind?: 'library' | 'application' | 'cli';
  /** Language or runtime versions the manifest requires: engines.node, requires-python, the go directive, composer "php", TargetFramework ... */
  runtimes?: { name: string; version: string; line?: number }[];
  line?: number;
}

/** A container image named by a Dockerfile FROM, a compose `image:`, a Kubernetes or Helm `image:`. */
export interface ImageFact {
  /** Image name without registry host and tag: "postgres", "bitnami/redis", "node". */
  name: string;
  /** As written, for display ("postgres:16-alpine"). */
  ref: string;
  line?: number;
  /** "base" for a Dockerfile FROM (build stages too), "runtime" for what a service runs. */
  role: 'base' | 'runtime';
  /** The image the final stage of a Dockerfile builds on, through the stages it names (FROM app AS app-plus). */
  final?: true;
}

/** Something that runs: a compose service, a Kubernetes workload, a serverless function, a Procfile process. */
export interface ServiceFact {
  name: string;
  /** "compose", "kubernetes", "helm", "serverless", "procfile", "fly", "render", "app.yaml", ... */
  source: string;
  kind?: 'service' | 'worker' | 'job' | 'cronjob' | 'function' | 'frontend' | 'datastore' | 'proxy';
  image?: string;
  /** Build context folder relative to the repository root's view of this file (already joined with the file's folder). */
  build?: string;
  /** Dockerfile the service is built from, repository-relative, when the config names one (compose build.dockerfile). */
  dockerfile?: string;
  /** A compose service that bind-mounts its build context (volumes: ./:/app) runs that code, whatever its image copies. */
  mountsContext?: boolean;
  /** The repository folders it bind-mounts ('.:/var/www/html'): code a runtime image runs without building it. */
  mounts?: string[];
  ports?: number[];
  /** Ports published on the host (compose `ports:`), which users outside the compose network reach. */
  published?: number[];
  dependsOn?: string[];
  /** Other names the network resolves to it (a compose hostname or network alias), which other services' URLs may use. */
  aliases?: string[];
  /** Names of environment variables only; values are never kept (secrets). */
  envNames?: string[];
  /** Hosts named inside environment values, e.g. "redis" from redis://redis:6379. */
  envHosts?: { variable: string; host: string; scheme?: string; port?: number; line?: number; /** Where the value is, when not in the service's own file (a ConfigMap it reads). */ file?: string }[];
  /** The file it starts from, repository-relative, when the config names it (a Worker's `main`). */
  entry?: string;
  /** What the config says makes it reachable over HTTP (a Worker's routes, static assets, workers.dev URL). */
  http?: { via: string; line?: number };
  /** Replicas, schedule, etc. when the config says. */
  schedule?: string;
  /** Where the environment comes from besides inline values: compose env_file (repo-relative path), Kubernetes envFrom. */
  envFrom?: { kind: 'file' | 'configMap' | 'secret'; name: string; line?: number }[];
  line?: number;
}

/** An environment variable seen in .env.example, compose, Kubernetes env or code. The value is never kept. */
export interface EnvFact {
  name: string;
  /** URL scheme of the value when it is a URL ("postgres", "redis", "amqp", "https"). */
  scheme?: string;
  host?: string;
  line?: number;
  /**
   * The value itself, kept only for what compose interpolates into a service's image or Dockerfile
   * (POSTGRES_IMAGE=postgres:18, OPAMP_SERVER_DOCKERFILE=./src/opamp-server/Dockerfile): never a secret.
   */
  value?: string;
}

export interface PipelineFact {
  /** "GitHub Actions", "GitLab CI", "Jenkins", "CircleCI", ... */
  system: string;
  name: string;
  /** What the pipeline does, inferred from its steps. */
  stages: ('test' | 'build' | 'lint' | 'deploy' | 'release' | 'publish' | 'security' | 'docs')[];
  /** Where it deploys, when the pipeline says: "AWS", "Google Cloud", "Vercel", "Kubernetes", "npm registry". */
  deployTargets?: string[];
  /** GitHub environments / GitLab environments named by jobs. */
  environments?: string[];
  /** Actions or orbs used, "actions/checkout", "docker/build-push-action". */
  uses?: { ref: string; line?: number }[];
  triggers?: string[];
  line?: number;
}

/** A place the system is deployed or hosted, from deployment configuration (never from an SDK). */
export interface HostingFact {
  /** Display name: "AWS", "Google Cloud", "Azure", "Vercel", "Netlify", "Fly.io", "Heroku", "Kubernetes". */
  provider: string;
  /** What shows it: "terraform provider", "vercel.json", "fly.toml", ... */
  via: string;
  line?: number;
  /** The folder it serves as static files, as they are, repository-relative (Firebase Hosting "public"). */
  publishes?: string;
  /** The app folder it builds with the app's own framework and deploys, repository-relative (Firebase Hosting "source"). */
  builds?: string;
}

export interface EnvironmentFact {
  name: string;
  via: string;
  line?: number;
}

/** Infrastructure as code: a provider or a resource type (Terraform, CloudFormation, Pulumi, CDK). */
export interface IacFact {
  tool: 'terraform' | 'cloudformation' | 'pulumi' | 'cdk' | 'bicep' | 'serverless' | 'sst';
  /** "project": the IaC project itself (Pulumi.yaml, cdk.json, serverless.yml), type naming its runtime or provider. */
  kind: 'provider' | 'resource' | 'module' | 'project';
  /** "aws", "aws_db_instance", "AWS::RDS::DBInstance". */
  type: string;
  name?: string;
  line?: number;
  /** An event rule that fires on a timer (ScheduleExpression) rather than on events: a scheduler, not a bus. */
  schedule?: true;
  /** Deployed only when a condition holds (Bicep `= if (...)`). */
  conditional?: true;
  /** A topic only alarms notify, a queue only failed messages land in: plumbing, not how the parts talk. */
  auxiliary?: true;
  /** The repository folder the resource packages as its code (a Lambda layer's ContentUri), repository-relative. */
  code?: string;
}

export interface ImportFact {
  /** As written: "./db", "@acme/shared", "github.com/acme/api/internal/store", "com.acme.orders.Order", "app.models". */
  specifier: string;
  line?: number;
  kind: 'static' | 'dynamic' | 'require' | 'reexport' | 'type' | 'use' | 'include';
  /** Names taken from the module, when they may be submodules themselves (Python `from a import b, c`). */
  names?: string[];
  /** The code runs without it: Python's `try: import x` / `except ImportError:` (a connector enabled when installed). */
  optional?: true;
}

/** tsconfig.json / jsconfig.json settings that decide what an import specifier means. Paths as written. */
export interface TsconfigFact {
  baseUrl?: string;
  paths?: Record<string, string[]>;
  references?: string[];
  extends?: string[];
}

/** package.json fields that decide which file an import of the package (or a `#` import inside it) means. */
export interface PackageEntryFact {
  name?: string;
  /** The `exports` and `imports` values as written (strings, arrays, condition objects). */
  exports?: unknown;
  imports?: unknown;
  main?: string;
  module?: string;
  types?: string;
  source?: string;
  /** Which of the scripts that start it as a program (start, dev, serve, preview) it has. */
  startScripts?: string[];
}

/** A route, an RPC service or a schema: the public surface of a component. */
export interface ApiFact {
  /** Web: routes that serve server-rendered pages and forms (Laravel's routes/web.php), not an API. */
  /**
   * Queue: a queue or topic by its name (orders.created); Task: a background task by the function's name (a
   * Celery or RQ task, `send_email.delay()`), which runs on whatever queue the worker reads.
   */
  style: 'REST' | 'Web' | 'GraphQL' | 'gRPC' | 'WebSocket' | 'tRPC' | 'SOAP' | 'OpenAPI' | 'CLI' | 'Queue' | 'Task';
  /** "GET /orders/:id", "CartService", "orders.created". */
  name: string;
  /** For queues: whether this file produces or consumes; for gRPC: serves (definition/server) or calls (client). */
  role?: 'serves' | 'calls' | 'produces' | 'consumes' | 'defines';
  line?: number;
  /** The function a deployment template routes it to (a SAM or Serverless function), by its name there. */
  service?: string;
  /** The view a route table sends it to, where the table names it (Django's `views.index`, `IndexView.as_view()`): "index", "IndexView". */
  handler?: string;
}

/** The README's title, first paragraph and features list. */
export interface IntroFact {
  title?: string;
  titleLine?: number;
  summary?: string;
  summaryLine?: number;
  features?: { text: string; line: number }[];
}

/** A Kubernetes object other readers and the model join on: Services select workloads, Ingresses route to Services. */
export interface K8sObjectFact {
  kind: string;
  name: string;
  namespace?: string;
  line?: number;
  /** Pod template labels of a workload (Deployment, StatefulSet ...). */
  labels?: Record<string, string>;
  /** A Service's type: "ClusterIP", "LoadBalancer", "NodePort", "ExternalName". */
  serviceType?: string;
  /** A Service's selector. */
  selector?: Record<string, string>;
  /** Service names an Ingress or HTTPRoute sends traffic to. */
  backends?: string[];
  /** Ports a Service exposes (port, not targetPort). */
  ports?: number[];
  /** Hosts a ConfigMap's values name (ACCOUNTS_DB_URI=postgresql://…@accounts-db:5432/…): what a workload reading it with envFrom points at. */
  envHosts?: NonNullable<ServiceFact['envHosts']>;
}

/** A managed service a platform config provisions by name: Heroku add-ons, Render databases, Cloudflare bindings, Firebase services. */
export interface AddonFact {
  /** As the platform names it ("heroku-postgresql", "postgresql" for a Render database, "redis", a wrangler binding key "d1_databases"), or a catalogue id ("firestore"). */
  name: string;
  /** What shows it: "app.json", "render.yaml", "wrangler.toml". */
  via: string;
  line?: number;
}

export interface Warning {
  file?: string;
  message: string;
}

/** A match that needs no further parsing, for catalogue rules of kind `file` or `import`. */
/** A resource a .NET Aspire AppHost declares: a project it runs, a container or a database (see infra/aspire). */
export interface AspireResourceFact {
  /** The resource's name in the app model ("basket-api", "redis", "catalogdb"). */
  name: string;
  /** The builder method: AddProject, AddRedis, AddPostgres, AddDatabase, AddRabbitMQ, AddYarp ... */
  method: string;
  /** For AddProject: the generated type's name, the project file's name with dots as underscores ("Basket_API"). */
  project?: string;
  /** The C# variable that holds it, which WithReference(...) of other resources names. */
  variable?: string;
  /** The variable of the resource it was added to (the PostgreSQL server of an AddDatabase). */
  parent?: string;
  /** WithExternalHttpEndpoints(): reachable from outside the app model. */
  external?: true;
  /** Variables of the resources it references (WithReference). */
  references?: string[];
  line: number;
}

export interface FileFacts {
  path: string;
  manifests?: ManifestFact[];
  dependencies?: DependencyFact[];
  images?: ImageFact[];
  services?: ServiceFact[];
  env?: EnvFact[];
  pipelines?: PipelineFact[];
  hosting?: HostingFact[];
  environments?: EnvironmentFact[];
  iac?: IacFact[];
  imports?: ImportFact[];
  /**
   * A module Worker's event handlers (Cloudflare): the methods of its default export, `fetch` for HTTP requests,
   * `scheduled`, `queue`, `email` and `tail` for events.
   */
  workerHandlers?: { name: string; line: number }[];
  /** A JVM source file that starts a program (a `main` method, a Spring Boot application class). */
  programEntry?: true;
  /** The package or namespace the source file declares: Java/Kotlin `package`, C# and PHP `namespace`. */
  namespace?: string;
  tsconfig?: TsconfigFact;
  packageEntry?: PackageEntryFact;
  /** composer.json autoload (and autoload-dev) PSR-4: namespace prefix -> folders relative to the composer.json folder. */
  psr4?: { prefix: string; dirs: string[] }[];
  apis?: ApiFact[];
  /** Django views this file defines, by name, and what each answers with: a rendered page, data (JSON), or a form's handling and redirect. */
  views?: { name: string; line: number; answers: 'page' | 'data' | 'form' }[];
  intro?: IntroFact;
  /** GitHub Actions `uses:` and similar references that the catalogue can match. */
  actions?: { ref: string; line?: number }[];
  /** The file says it was written by a code generator (`Code generated ... DO NOT EDIT`, `@generated`). */
  generated?: true;
  /** Ports a Dockerfile EXPOSEs. */
  exposedPorts?: { port: number; line: number }[];
  /**
   * What a Dockerfile takes from its build context: COPY and ADD sources (not from another stage or a URL),
   * and WORKDIR paths, which name the project a repository-wide context builds (WORKDIR /source/util/Server).
   */
  dockerBuild?: {
    sources: { path: string; line: number }[];
    workdirs: { path: string; line: number }[];
    /**
     * The program a RUN command compiles, as a path relative to the folder it runs in (`go build -o /bin/app
     * ./cmd/proxy` -> cmd/proxy): which of the context's mains the image holds, when one context builds several.
     */
    mains?: { path: string; line: number; ecosystem: Ecosystem }[];
    /** The image runs a build (PyInstaller, fpm, protoc) or the test suite and listens on nothing: a tool, not a part of the system. */
    buildTool?: true;
  };
  k8sObjects?: K8sObjectFact[];
  /** Charts a Helm Chart.yaml depends on ("postgresql" from https://charts.bitnami.com/bitnami). */
  helmDependencies?: { name: string; repository?: string; version?: string; line?: number }[];
  /** Files or folders this config pulls in, repository-relative (kustomize resources and bases). */
  includes?: { path: string; line?: number }[];
  addons?: AddonFact[];
  aspire?: AspireResourceFact[];
  /** The kind of database a framework's config selects (Prisma provider, Rails adapter, Django ENGINE, JDBC URL), as a URL scheme. */
  datastores?: { scheme: string; via: string; line?: number; /** The database on that server, where the URL names it (jdbc:postgresql://db/orders). */ database?: string }[];
  warnings?: Warning[];
}

/**
 * A reader: a small declarative object that claims some files and turns one into facts.
 * Readers must never throw for bad input: return a warning instead. They get text already
 * decoded and bounded in size by the scan stage.
 */
export interface Reader {
  id: string;
  /** Exact file names ("package.json"), matched against the base name. */
  fileNames?: string[];
  /** Base-name patterns, e.g. /^requirements.*\.txt$/, or path patterns such as /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/. */
  patterns?: RegExp[];
  /** Extensions with the dot: [".csproj"]. */
  extensions?: string[];
  /**
   * Decline a file by its path before it is read: a source reader wants the product's own code, not its tests,
   * docs and examples (isNonProductCode), and a file no reader wants is never read at all.
   */
  claims?: (path: string) => boolean;
  /** Decide on the content when the name is not enough (e.g. any *.yaml that is a Kubernetes manifest). Keep it cheap. */
  sniff?: (text: string) => boolean;
  read(path: string, text: string): Omit<FileFacts, 'path'>;
}

export type { Evidence };
