/** Containers, orchestration, IaC and PaaS configuration: Dockerfile, compose, Kubernetes, Helm, Terraform, serverless ... */
import type { Reader } from '../facts.js';
import { appEngineReader } from './appengine.js';
import { aspireAppHostReader } from './aspire.js';
import { azdReader } from './azd.js';
import { bicepReader } from './bicep.js';
import { cdkReader } from './cdk.js';
import { cloudBuildReader } from './cloudbuild.js';
import { cloudformationReader } from './cloudformation.js';
import { composeReader, composeInDockerFolderReader } from './compose.js';
import { datastoreConfigReader } from './datastore-config.js';
import { dockerfileReader } from './dockerfile.js';
import { dotenvReader } from './dotenv.js';
import { firebaseReader } from './firebase.js';
import { flyReader } from './fly.js';
import { kamalReader } from './kamal.js';
import { helmChartReader, helmRequirementsReader, helmValuesReader } from './helm.js';
import { herokuAppJsonReader, herokuYmlReader } from './heroku.js';
import { kubernetesReader } from './kubernetes.js';
import { kustomizeReader } from './kustomize.js';
import { netlifyReader } from './netlify.js';
import {
  amplifyReader, appRunnerReader, appSpecReader, dockerrunReader, elasticBeanstalkReader, railwayReader, vercelReader,
} from './paas.js';
import { procfileReader } from './procfile.js';
import { pulumiReader } from './pulumi.js';
import { sstReader } from './sst.js';
import { renderReader } from './render.js';
import { serverlessReader } from './serverless.js';
import { skaffoldReader } from './skaffold.js';
import { terraformReader } from './terraform.js';
import { wranglerReader } from './wrangler.js';

export const infraReaders: Reader[] = [
  datastoreConfigReader,
  dockerfileReader,
  composeReader,
  composeInDockerFolderReader,
  kubernetesReader,
  kustomizeReader,
  helmChartReader,
  helmValuesReader,
  helmRequirementsReader,
  skaffoldReader,
  terraformReader,
  cloudformationReader,
  bicepReader,
  cdkReader,
  pulumiReader,
  sstReader,
  serverlessReader,
  vercelReader,
  netlifyReader,
  flyReader,
  renderReader,
  railwayReader,
  procfileReader,
  kamalReader,
  herokuAppJsonReader,
  herokuYmlReader,
  appEngineReader,
  cloudBuildReader,
  azdReader,
  aspireAppHostReader,
  dockerrunReader,
  elasticBeanstalkReader,
  wranglerReader,
  firebaseReader,
  amplifyReader,
  appRunnerReader,
  appSpecReader,
  dotenvReader,
];
