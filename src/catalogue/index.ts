/**
 * The technology catalogue: every entry is data (see ./types.ts); the files in ./data group them by area.
 * The order here is stable and is the order lookups return matches in, so output never depends on
 * file-system or map order. Look technologies up through ./match.ts.
 */
import type { Technology } from './types.js';
import { languages } from './data/languages.js';
import { frontend } from './data/frontend.js';
import { backendNode } from './data/backend-node.js';
import { backendPython } from './data/backend-python.js';
import { jvm } from './data/jvm.js';
import { dotnet } from './data/dotnet.js';
import { goEcosystem } from './data/go.js';
import { rust } from './data/rust.js';
import { ruby } from './data/ruby.js';
import { php } from './data/php.js';
import { elixir } from './data/elixir.js';
import { orm } from './data/orm.js';
import { databases } from './data/databases.js';
import { messaging } from './data/messaging.js';
import { api } from './data/api.js';
import { auth } from './data/auth.js';
import { cloudAws } from './data/cloud-aws.js';
import { cloudGcp } from './data/cloud-gcp.js';
import { cloudAzure } from './data/cloud-azure.js';
import { hosting } from './data/hosting.js';
import { devops } from './data/devops.js';
import { observability } from './data/observability.js';
import { testing } from './data/testing.js';
import { build } from './data/build.js';
import { ai } from './data/ai.js';
import { saas } from './data/saas.js';
import { apps } from './data/apps.js';
import { dataProcessing } from './data/data-processing.js';

export const technologies: Technology[] = [
  ...languages,
  ...frontend,
  ...backendNode,
  ...backendPython,
  ...jvm,
  ...dotnet,
  ...goEcosystem,
  ...rust,
  ...ruby,
  ...php,
  ...elixir,
  ...orm,
  ...databases,
  ...messaging,
  ...api,
  ...auth,
  ...cloudAws,
  ...cloudGcp,
  ...cloudAzure,
  ...hosting,
  ...devops,
  ...observability,
  ...testing,
  ...build,
  ...ai,
  ...saas,
  ...apps,
  ...dataProcessing,
];
