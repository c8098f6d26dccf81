/** Google Cloud and Firebase: client libraries per language, Terraform resources, GitHub Actions. */
import type { Matchers, Technology } from '../types.js';

interface GcpSlugs {
  /** @google-cloud/<slug> */
  js?: string[];
  /** google-cloud-<slug> (PyPI) */
  py?: string[];
  /** cloud.google.com/go/<slug> */
  go?: string[];
  /** com.google.cloud:google-cloud-<slug> */
  java?: string[];
  /** Google.Cloud.<Name> */
  dotnet?: string[];
  /** google-cloud-<slug> gem */
  ruby?: string[];
}

function gcp(slugs: GcpSlugs, extra: Matchers = {}): Matchers {
  const m: Matchers = { ...extra };
  const add = (kind: keyof Matchers, values: string[]) => {
    if (values.length) m[kind] = [...values, ...(m[kind] ?? [])];
  };
  add('npm', (slugs.js ?? []).map((s) => `@google-cloud/${s}`));
  add('pypi', (slugs.py ?? []).map((s) => `google-cloud-${s}`));
  add('go', (slugs.go ?? []).map((s) => `cloud.google.com/go/${s}`));
  add('maven', (slugs.java ?? []).map((s) => `com.google.cloud:google-cloud-${s}`));
  add('nuget', (slugs.dotnet ?? []).map((s) => `Google.Cloud.${s}`));
  add('gem', (slugs.ruby ?? []).map((s) => `google-cloud-${s}`));
  return m;
}

export const cloudGcp: Technology[] = [
  { id: 'gcp', name: 'Google Cloud', category: 'cloud', match: { terraformProvider: ['google', 'google-beta'], githubAction: ['google-github-actions/auth', 'google-github-actions/setup-gcloud'], file: ['cloudbuild.yaml', 'cloudbuild.yml'], env: ['GOOGLE_CLOUD_PROJECT', 'GCLOUD_PROJECT', 'GOOGLE_APPLICATION_CREDENTIALS'] }, url: 'https://cloud.google.com' },
  { id: 'google-cloud-sdk', name: 'Google Cloud client libraries', category: 'cloud', match: { npm: ['@google-cloud/*'], pypi: ['google-cloud-*'], go: ['cloud.google.com/go'], maven: ['com.google.cloud:*'], nuget: ['Google.Cloud.*'], gem: ['google-cloud-*'], composer: ['google/cloud', 'google/cloud-*'] } },
  { id: 'google-apis', name: 'Google APIs client', category: 'saas', match: { npm: ['googleapis'], pypi: ['google-api-python-client'], go: ['google.golang.org/api'], maven: ['com.google.api-client:google-api-client'], nuget: ['Google.Apis'], gem: ['google-apis-core'], composer: ['google/apiclient'] } },
  { id: 'google-cloud-storage', name: 'Google Cloud Storage', category: 'object-storage', match: gcp({ js: ['storage'], py: ['storage'], go: ['storage'], java: ['storage'], dotnet: ['Storage.V1'], ruby: ['storage'] }, { pypi: ['gcsfs'], composer: ['google/cloud-storage'], terraformResource: ['google_storage_bucket', 'google_storage_bucket_*'], urlScheme: ['gs'] }) },
  { id: 'cloud-sql', name: 'Cloud SQL', category: 'cloud-service', match: { npm: ['@google-cloud/cloud-sql-connector'], pypi: ['cloud-sql-python-connector'], go: ['cloud.google.com/go/cloudsqlconn'], maven: ['com.google.cloud.sql:postgres-socket-factory', 'com.google.cloud.sql:mysql-socket-factory-connector-j-8', 'com.google.cloud:spring-cloud-gcp-starter-sql-postgresql', 'com.google.cloud:spring-cloud-gcp-starter-sql-mysql'], terraformResource: ['google_sql_*'], image: ['cloudsql-docker/gce-proxy', 'cloud-sql-connectors/cloud-sql-proxy'] } },
  { id: 'alloydb', name: 'AlloyDB', category: 'cloud-service', match: { terraformResource: ['google_alloydb_*'] }, implies: ['postgresql'] },
  { id: 'cloud-spanner', name: 'Cloud Spanner', category: 'database-relational', match: gcp({ js: ['spanner'], py: ['spanner'], go: ['spanner'], java: ['spanner'], dotnet: ['Spanner.Data'], ruby: ['spanner'] }, { terraformResource: ['google_spanner_*'] }) },
  { id: 'memorystore', name: 'Memorystore', category: 'cache', match: { terraformResource: ['google_redis_instance', 'google_redis_cluster'] }, implies: ['redis'] },
  { id: 'memorystore-memcached', name: 'Memorystore for Memcached', category: 'cache', match: { terraformResource: ['google_memcache_instance'] }, implies: ['memcached'] },
  { id: 'cloud-run', name: 'Cloud Run', category: 'hosting', match: { terraformResource: ['google_cloud_run_service', 'google_cloud_run_v2_service', 'google_cloud_run_v2_job', 'google_cloud_run_service_iam_*', 'google_cloud_run_v2_service_iam_*', 'google_cloud_run_domain_mapping'], githubAction: ['google-github-actions/deploy-cloudrun'] }, implies: ['gcp'] },
  { id: 'cloud-functions', name: 'Cloud Functions', category: 'hosting', match: { npm: ['@google-cloud/functions-framework', 'firebase-functions'], pypi: ['functions-framework'], go: ['github.com/GoogleCloudPlatform/functions-framework-go'], maven: ['com.google.cloud.functions:functions-framework-api'], nuget: ['Google.Cloud.Functions.Framework', 'Google.Cloud.Functions.Hosting'], terraformResource: ['google_cloudfunctions_function', 'google_cloudfunctions2_function'], githubAction: ['google-github-actions/deploy-cloud-functions'] }, implies: ['gcp'] },
  { id: 'app-engine', name: 'App Engine', category: 'hosting', match: { terraformResource: ['google_app_engine_*'], githubAction: ['google-github-actions/deploy-appengine'] }, implies: ['gcp'] },
  { id: 'gke', name: 'Google Kubernetes Engine', category: 'orchestration', match: { terraformResource: ['google_container_cluster', 'google_container_node_pool'], githubAction: ['google-github-actions/get-gke-credentials'] }, implies: ['kubernetes', 'gcp'] },
  { id: 'compute-engine', name: 'Compute Engine', category: 'cloud-service', match: { terraformResource: ['google_compute_instance', 'google_compute_instance_template', 'google_compute_instance_group_manager', 'google_compute_region_instance_group_manager'] } },
  { id: 'cloud-load-balancing', name: 'Cloud Load Balancing', category: 'cloud-service', match: { terraformResource: ['google_compute_backend_service', 'google_compute_url_map', 'google_compute_global_forwarding_rule', 'google_compute_target_https_proxy'] } },
  { id: 'artifact-registry', name: 'Artifact Registry', category: 'container', match: { terraformResource: ['google_artifact_registry_*'] } },
  { id: 'cloud-build', name: 'Cloud Build', category: 'ci-cd', match: { file: ['cloudbuild.yaml', 'cloudbuild.yml', 'cloudbuild.json'], terraformResource: ['google_cloudbuild_*'] } },
  { id: 'pubsub', name: 'Google Cloud Pub/Sub', category: 'messaging', match: gcp({ js: ['pubsub'], py: ['pubsub'], go: ['pubsub'], java: ['pubsub'], dotnet: ['PubSub.V1'], ruby: ['pubsub'] }, { maven: ['com.google.cloud:spring-cloud-gcp-starter-pubsub'], composer: ['google/cloud-pubsub'], terraformResource: ['google_pubsub_*'] }) },
  { id: 'cloud-tasks', name: 'Cloud Tasks', category: 'messaging', match: gcp({ js: ['tasks'], py: ['tasks'], go: ['cloudtasks'], java: ['tasks'], dotnet: ['Tasks.V2'] }, { terraformResource: ['google_cloud_tasks_queue'] }) },
  { id: 'cloud-scheduler', name: 'Cloud Scheduler', category: 'scheduler', match: gcp({ js: ['scheduler'], py: ['scheduler'], go: ['scheduler'] }, { terraformResource: ['google_cloud_scheduler_job'] }) },
  { id: 'eventarc', name: 'Eventarc', category: 'messaging', match: { terraformResource: ['google_eventarc_*'] } },
  { id: 'cloud-workflows', name: 'Workflows', category: 'scheduler', match: { terraformResource: ['google_workflows_workflow'] } },
  { id: 'bigquery', name: 'BigQuery', category: 'database-relational', match: gcp({ js: ['bigquery'], py: ['bigquery', 'bigquery-storage'], go: ['bigquery'], java: ['bigquery', 'bigquerystorage'], dotnet: ['BigQuery.V2'], ruby: ['bigquery'] }, { pypi: ['pandas-gbq', 'sqlalchemy-bigquery', 'db-dtypes'], terraformResource: ['google_bigquery_*'] }) },
  { id: 'dataflow', name: 'Dataflow', category: 'data-processing', match: { terraformResource: ['google_dataflow_*'] }, implies: ['apache-beam'] },
  { id: 'dataproc', name: 'Dataproc', category: 'data-processing', match: { terraformResource: ['google_dataproc_*'] } },
  { id: 'cloud-composer', name: 'Cloud Composer', category: 'data-processing', match: { terraformResource: ['google_composer_environment'] }, implies: ['airflow'] },
  { id: 'datastore', name: 'Cloud Datastore', category: 'database-document', match: gcp({ js: ['datastore'], py: ['datastore', 'ndb'], go: ['datastore'], java: ['datastore'], dotnet: ['Datastore.V1'], ruby: ['datastore'] }) },
  { id: 'secret-manager', name: 'Secret Manager', category: 'security', match: gcp({ js: ['secret-manager'], py: ['secret-manager'], go: ['secretmanager'], java: ['secretmanager'], dotnet: ['SecretManager.V1'], ruby: ['secret_manager'] }, { terraformResource: ['google_secret_manager_*'] }) },
  { id: 'cloud-kms', name: 'Cloud KMS', category: 'security', match: gcp({ js: ['kms'], py: ['kms'], go: ['kms'], java: ['kms'], dotnet: ['Kms.V1'] }, { terraformResource: ['google_kms_*'] }) },
  { id: 'vertex-ai', name: 'Vertex AI', category: 'ai', match: gcp({ js: ['vertexai', 'aiplatform'], py: ['aiplatform'], go: ['vertexai', 'aiplatform'], java: ['vertexai', 'aiplatform'], dotnet: ['AIPlatform.V1'] }, { npm: ['@ai-sdk/google-vertex', '@langchain/google-vertexai'], pypi: ['vertexai', 'langchain-google-vertexai'], terraformResource: ['google_vertex_ai_*'] }) },
  { id: 'google-cloud-vision', name: 'Cloud Vision API', category: 'ai', match: gcp({ js: ['vision'], py: ['vision'], go: ['vision'], java: ['vision'], dotnet: ['Vision.V1'] }) },
  { id: 'google-cloud-speech', name: 'Speech-to-Text', category: 'ai', match: gcp({ js: ['speech'], py: ['speech'], go: ['speech'], java: ['speech'], dotnet: ['Speech.V1'] }) },
  { id: 'google-cloud-text-to-speech', name: 'Text-to-Speech', category: 'ai', match: gcp({ js: ['text-to-speech'], py: ['texttospeech'], go: ['texttospeech'], java: ['texttospeech'] }) },
  { id: 'google-cloud-translate', name: 'Cloud Translation', category: 'ai', match: gcp({ js: ['translate'], py: ['translate'], go: ['translate'], java: ['translate'], dotnet: ['Translation.V2'] }) },
  { id: 'document-ai', name: 'Document AI', category: 'ai', match: gcp({ js: ['documentai'], py: ['documentai'], go: ['documentai'], java: ['document-ai'] }) },
  { id: 'google-cloud-dns', name: 'Cloud DNS', category: 'cloud-service', match: { terraformResource: ['google_dns_*'] } },
  { id: 'cloud-cdn', name: 'Cloud CDN', category: 'hosting', match: { terraformResource: ['google_compute_backend_bucket'] } },
  { id: 'cloud-armor', name: 'Cloud Armor', category: 'security', match: { terraformResource: ['google_compute_security_policy'] } },
  { id: 'gcp-iam', name: 'Google Cloud IAM', category: 'security', match: { terraformResource: ['google_service_account', 'google_project_iam_*', 'google_service_account_*', 'google_iam_workload_identity_pool', 'google_iam_workload_identity_pool_provider'] } },
  { id: 'spring-cloud-gcp', name: 'Spring Cloud GCP', category: 'cloud', match: { maven: ['com.google.cloud:spring-cloud-gcp-starter', 'com.google.cloud:spring-cloud-gcp-dependencies'] }, implies: ['google-cloud-sdk'] },
  { id: 'firebase', name: 'Firebase', category: 'cloud', match: { npm: ['firebase', 'firebase-admin', 'firebase-functions', 'firebase-tools', '@angular/fire', 'reactfire', '@react-native-firebase/app', 'vuefire'], pypi: ['firebase-admin', 'pyrebase4'], go: ['firebase.google.com/go'], maven: ['com.google.firebase:firebase-admin'], nuget: ['FirebaseAdmin'], composer: ['kreait/firebase-php', 'kreait/laravel-firebase'], gem: ['firebase-admin-sdk'], file: ['firebase.json', '.firebaserc', 'firestore.rules'], githubAction: ['FirebaseExtended/action-hosting-deploy', 'w9jds/firebase-action'], terraformResource: ['google_firebase_*'] }, url: 'https://firebase.google.com' },
  {
    id: 'firebase-storage', name: 'Cloud Storage for Firebase', category: 'object-storage', url: 'https://firebase.google.com/docs/storage', implies: ['firebase'],
    match: {
      npm: ['firebase/storage', 'firebase/compat/storage', 'firebase-admin/storage', '@angular/fire/storage', '@angular/fire/compat/storage', '@react-native-firebase/storage', 'firebase-functions/storage', 'firebase-functions/v2/storage'],
      maven: ['com.google.firebase:firebase-storage', 'com.google.firebase:firebase-storage-ktx'], file: ['storage.rules'], terraformResource: ['google_firebase_storage_bucket'],
    },
  },
  { id: 'firebase-hosting', name: 'Firebase Hosting', category: 'hosting', match: { githubAction: ['FirebaseExtended/action-hosting-deploy'], terraformResource: ['google_firebase_hosting_*'] }, implies: ['firebase'] },
  { id: 'firebase-cloud-messaging', name: 'Firebase Cloud Messaging', category: 'saas', match: { npm: ['@react-native-firebase/messaging'] }, implies: ['firebase'] },
  { id: 'google-maps', name: 'Google Maps Platform', category: 'saas', match: { npm: ['@googlemaps/js-api-loader', '@react-google-maps/api', '@vis.gl/react-google-maps', '@googlemaps/google-maps-services-js', 'google-maps-react'], pypi: ['googlemaps'], maven: ['com.google.maps:google-maps-services'], env: ['GOOGLE_MAPS_API_KEY', 'NEXT_PUBLIC_GOOGLE_MAPS_API_KEY'] } },
  { id: 'google-analytics', name: 'Google Analytics', category: 'analytics', match: { npm: ['react-ga4', 'react-ga', 'vue-gtag', 'ga-4-react'], env: ['NEXT_PUBLIC_GA_MEASUREMENT_ID', 'GA_MEASUREMENT_ID', 'NEXT_PUBLIC_GA_ID', 'GA_TRACKING_ID'] } },
  { id: 'google-tag-manager', name: 'Google Tag Manager', category: 'analytics', match: { npm: ['react-gtm-module', '@analytics/google-tag-manager'], env: ['NEXT_PUBLIC_GTM_ID', 'GTM_ID'] } },
  { id: 'google-sheets', name: 'Google Sheets API', category: 'saas', match: { npm: ['google-spreadsheet'], pypi: ['gspread', 'pygsheets'] } },
];
