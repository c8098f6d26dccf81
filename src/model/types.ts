/**
 * The architecture model: what archmd knows about a repository, in C4 vocabulary.
 * A system holds containers (things that run or store: services, frontends, workers, datastores,
 * brokers, libraries and CLIs), containers hold components (modules), and relationships join them.
 * Versioned by `schemaVersion`; schema/architecture-model.schema.json describes it.
 */
import type { Evidence } from './evidence.js';
import type { Category } from '../catalogue/types.js';

export const SCHEMA_VERSION = 1 as const;

/** Kinds that run a server or a process of the system (not its pages, libraries or stores). */
/** Messages a part sends or reads: on a named queue or topic, or as a background task. */
export function isMessaging(style: string): boolean {
  return style === 'Queue' || style === 'Task';
}

export const SERVING_KINDS: ReadonlySet<string> = new Set(['service', 'worker', 'function', 'job']);

/** A Redis (or Valkey) broker: it carries background jobs (Sidekiq, Celery, BullMQ), not events between parts. */
export function isJobQueue(c: { id: string; image?: string }): boolean {
  return /^datastore:(?:redis|valkey)(?:-|$)/.test(c.id) || /redis|valkey/i.test(c.image ?? '');
}

/** A statement with where it was seen. */
export interface Fact<T = string> {
  value: T;
  evidence: Evidence[];
}

export type ContainerKind =
  | 'service'
  | 'frontend'
  | 'worker'
  | 'function'
  | 'job'
  | 'cli'
  | 'library'
  | 'application'
  | 'datastore'
  | 'broker'
  | 'cache'
  | 'search'
  | 'storage'
  | 'proxy'
  /** A product that collects or shows telemetry (an OpenTelemetry Collector, Jaeger, Grafana). */
  | 'monitoring'
  /** Where a cluster keeps its configuration and elects leaders (ZooKeeper, etcd): no step of a request. */
  | 'coordination'
  | 'external';

/** Where a folder sits in the repository's purpose: its own code, or tests, examples, docs, fixtures. */
export type Role = 'main' | 'test' | 'example' | 'docs' | 'fixture' | 'tooling';

export interface Container {
  id: string;
  name: string;
  kind: ContainerKind;
  role: Role;
  /** Folder relative to the root ("" is the root); absent for containers that only run from an image. */
  path?: string;
  description?: Fact;
  /** Main language by bytes in the container's folder. */
  language?: string;
  /** Technology ids used by this container. */
  technologies: string[];
  /** Image it runs when it has no source here ("postgres:16"). */
  image?: string;
  ports?: number[];
  entryPoints?: Fact[];
  /** Public surface: routes, RPC services, CLI commands, topics. */
  apis?: { style: string; name: string; role?: string; evidence: Evidence[] }[];
  /** A library that also installs a command (its manifest declares one). */
  hasCommand?: boolean;
  /** Reachable from outside: a LoadBalancer or NodePort Service, an Ingress or route backend. */
  exposedBy?: Evidence[];
  /** A frontend whose build another part's image copies in (a multi-stage Dockerfile): that part serves it. */
  servedBy?: { id: string; evidence: Evidence[] };
  evidence: Evidence[];
}

/** A module inside a container: the codemap ("where is the thing that does X"). */
export interface Component {
  id: string;
  containerId: string;
  name: string;
  path: string;
  language?: string;
  description?: Fact;
  evidence: Evidence[];
}

export interface Relationship {
  id: string;
  from: string;
  to: string;
  /** "import", "workspace", "depends_on", "SQL", "Redis", "HTTP", "gRPC", "AMQP" ... */
  technology: string;
  description: string;
  kind: 'import' | 'runtime' | 'data' | 'deploy';
  /** Number of file-level edges behind an import relationship; JSON only, never in the document. */
  weight?: number;
  evidence: Evidence[];
}

export interface TechnologyUse {
  id: string;
  name: string;
  category: Category;
  /** runtime: the system's own stack; dev/test/build: tooling; optional: a non-default alternative; example: only in examples, fixtures or docs. */
  scope: 'runtime' | 'dev' | 'optional' | 'example';
  /** Container ids where it was seen. */
  containers: string[];
  evidence: Evidence[];
}

export interface LanguageShare {
  name: string;
  files: number;
  bytes: number;
  /** Share of bytes among programming languages, 0..1. */
  share: number;
}

export interface Pipeline {
  system: string;
  name: string;
  stages: string[];
  deployTargets: string[];
  environments: string[];
  evidence: Evidence[];
}

export interface Deployment {
  hosting: Fact[];
  environments: Fact[];
  pipelines: Pipeline[];
  /** Container runtime and orchestration: "Docker", "Docker Compose", "Kubernetes", "Helm" ... */
  runtime: Fact[];
  iac: Fact[];
  /** Cloud services the infrastructure code provisions: "Amazon RDS", "Cloud Run". */
  managedServices: Fact[];
}

export interface ArchitectureModel {
  schemaVersion: typeof SCHEMA_VERSION;
  generator: { name: 'archmd'; version: string };
  system: {
    id: string;
    name: Fact;
    purpose?: Fact;
    features: Fact[];
    /** "Microservices", "Modular monolith", "Monolith", "Library", "CLI", "Serverless", "Monorepo", "Event-driven". */
    style: Fact[];
    layers: Fact[];
    communication: Fact[];
    /** The repository's own documents worth reading next: README, CONTRIBUTING, ADRs. */
    references: Fact[];
  };
  languages: LanguageShare[];
  technologies: TechnologyUse[];
  containers: Container[];
  components: Component[];
  relationships: Relationship[];
  /** Cycles among components or containers, each a list of ids. */
  cycles: { level: 'container' | 'component'; members: string[] }[];
  deployment: Deployment;
  /** Things the document suggests looking at: cycles, missing CI, missing tests. Each with evidence. */
  observations: Fact[];
  warnings: { file?: string; message: string }[];
  /** Counts belong here, never in the document. */
  stats: { files: number; bytes: number; analysedFiles: number; skippedFiles: number; cachedFiles: number };
}
