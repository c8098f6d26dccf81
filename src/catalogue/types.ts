/**
 * A technology is data, not code: an id, a display name, a category and the matchers that reveal it.
 * Matchers are exact names unless noted; a trailing "*" makes a prefix match ("@aws-sdk/*", "aws_db_*").
 */
export const CATEGORIES = [
  'language',
  'runtime',
  'frontend-framework',
  'ui-library',
  'css',
  'state-management',
  'backend-framework',
  'orm',
  'database-relational',
  'database-document',
  'database-key-value',
  'database-wide-column',
  'database-graph',
  'database-time-series',
  'database-vector',
  'database-embedded',
  'cache',
  'search',
  'messaging',
  'object-storage',
  'auth',
  'api-style',
  'cloud',
  'cloud-service',
  'hosting',
  'container',
  'orchestration',
  'service-mesh',
  /** Where a cluster keeps its configuration and leaders (ZooKeeper, etcd): not where an application keeps data. */
  'coordination',
  'iac',
  'ci-cd',
  'observability',
  'error-tracking',
  'testing',
  'build-tool',
  'package-manager',
  'linter',
  'ai',
  'payments',
  'saas',
  'email',
  'mobile',
  'desktop',
  'validation',
  'http-client',
  'realtime',
  'scheduler',
  'cms',
  'analytics',
  'feature-flags',
  'documentation',
  'web-server',
  'security',
  'data-processing',
  'tool',
] as const;

export type Category = (typeof CATEGORIES)[number];

export interface Matchers {
  /** Package names, or a part of a package as code imports it ("firebase/firestore"): no manifest lists those. */
  npm?: string[];
  pypi?: string[];
  /** Go module paths; a module matches when it equals the entry or starts with entry + "/". */
  go?: string[];
  /** "group:artifact"; "group:*" for any artifact of a group. */
  maven?: string[];
  nuget?: string[];
  cargo?: string[];
  gem?: string[];
  composer?: string[];
  /** Hex packages, as mix.exs names them (`:phoenix` is "phoenix"). */
  hex?: string[];
  /** Container image names without registry and tag: "postgres", "bitnami/postgresql". */
  image?: string[];
  /**
   * File names or repository-relative paths; "*" is a wildcard within a path segment, "**" across segments,
   * "{a,b}" is a choice. A pattern without "/" matches the base name anywhere; one with "/" matches the whole
   * path from the repository root, unless it starts with "**\/" (see match.ts).
   */
  file?: string[];
  terraformProvider?: string[];
  terraformResource?: string[];
  /** Azure resource types as Bicep and ARM templates name them, without the API version: "Microsoft.DBforPostgreSQL/flexibleServers". */
  azureResource?: string[];
  /** CloudFormation / SAM resource types, "AWS::RDS::DBInstance", "AWS::Lambda::*". */
  cloudformation?: string[];
  /** GitHub Actions `uses:` without the version, "aws-actions/configure-aws-credentials". */
  githubAction?: string[];
  /** Environment variable names, exact: "DATABASE_URL" alone proves nothing, so prefer specific names. */
  env?: string[];
  /** URL schemes seen in configuration values: "postgres", "postgresql", "redis", "amqp", "mongodb+srv". */
  urlScheme?: string[];
  /** Cloudflare Workers binding keys of a wrangler config: "d1_databases", "kv_namespaces", "r2_buckets". */
  wranglerBinding?: string[];
}

export interface Technology {
  id: string;
  name: string;
  category: Category;
  match: Matchers;
  /** Technologies this one brings with it, by id (Next.js implies React). */
  implies?: string[];
  /** Homepage or docs, for the reader of the document. */
  url?: string;
}

export type MatcherKind = keyof Matchers;
