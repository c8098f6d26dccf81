import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAll, readWith, reader } from './read.js';

const FIX = 'infra-k8s-kustomize';

test('kubernetes: a multi-document file yields the Deployment and its Service', () => {
  const facts = readWith('kubernetes', FIX, 'deploy/base/orders.yaml');
  assert.equal(facts.services!.length, 1);
  const orders = facts.services![0];
  assert.equal(orders.name, 'orders');
  assert.equal(orders.kind, 'service');
  assert.equal(orders.line, 3);
  assert.equal(orders.image, 'ghcr.io/acme/orders:1.0.0');
  assert.deepEqual(orders.ports, [8080]);
  assert.deepEqual(orders.envNames, ['REDIS_ADDR', 'PAYMENTS_URL', 'DB_PASSWORD', 'LOG_FORMAT']);
  assert.deepEqual(facts.k8sObjects, [
    { kind: 'Deployment', name: 'orders', line: 3, labels: { app: 'orders' } },
    { kind: 'Service', name: 'orders', line: 45, selector: { app: 'orders' }, ports: [80] },
  ]);
  assert.deepEqual(facts.hosting, [{ provider: 'Kubernetes', via: 'kubernetes manifest', line: 3 }]);
});

test('kubernetes: env values naming services, cluster DNS names reduced to the Service', () => {
  const orders = readWith('kubernetes', FIX, 'deploy/base/orders.yaml').services![0];
  assert.deepEqual(orders.envHosts, [
    { variable: 'REDIS_ADDR', host: 'redis-cart', port: 6379, line: 27 },
    { variable: 'PAYMENTS_URL', host: 'payments', scheme: 'http', port: 9000, line: 29 },
  ]);
  assert.deepEqual(orders.envFrom, [
    { kind: 'configMap', name: 'orders-config', line: 39 },
    { kind: 'secret', name: 'orders-secrets', line: 41 },
  ]);
});

test('kubernetes: init container images are not runtime images', () => {
  const facts = readWith('kubernetes', FIX, 'deploy/base/orders.yaml');
  assert.deepEqual(facts.images, [{ name: 'acme/orders', ref: 'ghcr.io/acme/orders:1.0.0', line: 23, role: 'runtime' }]);
});

test('kubernetes: StatefulSet, CronJob with schedule, Ingress backends', () => {
  const redis = readWith('kubernetes', FIX, 'deploy/base/redis.yaml').services![0];
  assert.equal(redis.name, 'redis-cart');
  assert.equal(redis.image, 'redis:7-alpine');
  const cron = readWith('kubernetes', FIX, 'deploy/base/report-cronjob.yaml').services![0];
  assert.deepEqual([cron.name, cron.kind, cron.schedule, cron.line], ['nightly-report', 'cronjob', '0 2 * * *', 2]);
  const ingress = readWith('kubernetes', FIX, 'deploy/base/ingress.yaml');
  assert.deepEqual(ingress.k8sObjects, [{ kind: 'Ingress', name: 'public', line: 2, backends: ['orders'] }]);
  assert.equal(ingress.services, undefined);
});

test('kubernetes: a kustomize patch is not a workload; kustomization and workflows are not manifests', () => {
  assert.deepEqual(readWith('kubernetes', FIX, 'deploy/overlays/staging/replicas.yaml'), {});
  assert.deepEqual(Object.keys(readAll(FIX, 'deploy/base/kustomization.yaml')), ['kustomize']);
  assert.deepEqual(Object.keys(readAll(FIX, '.github/workflows/deploy.yml')), []);
});

test('kubernetes: Helm templates are skipped, not warned about', () => {
  const all = readAll('infra-helm', 'charts/shop/templates/deployment.yaml');
  assert.deepEqual(all, {});
});

test('kubernetes: a manifest whose ConfigMap data holds {{ }} templates is still read', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: alert-rules\ndata:\n  rules.yaml: |\n    summary: "{{ $labels.instance }} down"\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: alertmanager\nspec:\n  selector:\n    matchLabels: {app: am}\n  template:\n    spec:\n      containers:\n        - name: am\n          image: prom/alertmanager:v0.27.0\n';
  const facts = reader('kubernetes').read('monitoring/alerting.yaml', text);
  assert.deepEqual(facts.services!.map((s) => s.name), ['alertmanager']);
  assert.equal(facts.warnings, undefined);
  const unquoted = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n';
  assert.deepEqual(reader('kubernetes').read('chart/svc.yaml', unquoted), {}, 'a template outside templates/ is still skipped');
});

test('kubernetes: List items, and non-cluster kinds (Backstage, kind, kubeconfig) are ignored', () => {
  const r = reader('kubernetes');
  const list = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: batch/v1\n    kind: Job\n    metadata:\n      name: migrate\n    spec:\n      template:\n        spec:\n          containers:\n            - name: m\n              image: flyway/flyway:10\n';
  const facts = r.read('k8s/list.yaml', list);
  assert.deepEqual(facts.services, [{ name: 'migrate', source: 'kubernetes', kind: 'job', line: 5, image: 'flyway/flyway:10' }]);
  assert.deepEqual(r.read('catalog/component.yaml', 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: shop\n'), {});
  assert.deepEqual(r.read('kind.yaml', 'apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnodes: []\n'), {});
  assert.deepEqual(r.read('kubeconfig.yaml', 'apiVersion: v1\nkind: Config\nclusters: []\n'), {});
});

test('kubernetes: a malformed manifest warns with the file name; other documents still count', () => {
  const r = reader('kubernetes');
  const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: ok\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: [broken\n';
  const facts = r.read('k8s/mixed.yaml', text);
  assert.deepEqual(facts.k8sObjects, [{ kind: 'Service', name: 'ok', line: 2 }]);
  assert.equal(facts.warnings!.length, 1);
  assert.match(facts.warnings![0].message, /^k8s\/mixed\.yaml: /);
});

test('kubernetes: Cloud Run (Knative) service YAML', () => {
  const r = reader('kubernetes');
  const text = 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: admin\n  annotations:\n    run.googleapis.com/launch-stage: BETA\nspec:\n  template:\n    spec:\n      containers:\n        - image: gcr.io/acme/admin\n';
  const facts = r.read('service.yaml', text);
  assert.equal(facts.services![0].source, 'knative');
  assert.deepEqual(facts.hosting, [{ provider: 'Google Cloud', via: 'Cloud Run service manifest', line: 2 }]);
});
