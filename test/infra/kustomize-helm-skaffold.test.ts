import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readWith, reader } from './read.js';

test('kustomize: resources resolved, remote ones dropped; overlays name environments', () => {
  const base = readWith('kustomize', 'infra-k8s-kustomize', 'deploy/base/kustomization.yaml');
  assert.deepEqual(base.includes![0], { path: 'deploy/base/orders.yaml', line: 4 });
  assert.equal(base.environments, undefined);
  const prod = readWith('kustomize', 'infra-k8s-kustomize', 'deploy/overlays/production/kustomization.yaml');
  assert.deepEqual(prod.includes, [{ path: 'deploy/base', line: 4 }]);
  assert.deepEqual(prod.environments, [{ name: 'production', via: 'kustomize overlay', line: 1 }]);
  const staging = readWith('kustomize', 'infra-k8s-kustomize', 'deploy/overlays/staging/kustomization.yaml');
  assert.deepEqual(staging.environments, [{ name: 'staging', via: 'kustomize overlay', line: 1 }]);
});

test('helm: Chart.yaml gives the chart and its dependencies', () => {
  const facts = readWith('helm-chart', 'infra-helm', 'charts/shop/Chart.yaml');
  assert.deepEqual(facts.services, [{ name: 'shop', source: 'helm', line: 2 }]);
  assert.deepEqual(facts.helmDependencies, [
    { name: 'postgresql', repository: 'https://charts.bitnami.com/bitnami', version: '13.2.24', line: 8 },
    { name: 'redis', repository: 'oci://registry-1.docker.io/bitnamicharts', version: '18.x.x', line: 12 },
  ]);
  assert.equal(facts.hosting![0].provider, 'Kubernetes');
});

test('helm: requirements.yaml of a Helm 2 chart', () => {
  const facts = reader('helm-requirements').read('chart/requirements.yaml', 'dependencies:\n  - name: mongodb\n    version: 7.8.10\n    repository: https://charts.bitnami.com/bitnami\n');
  assert.deepEqual(facts.helmDependencies, [{ name: 'mongodb', repository: 'https://charts.bitnami.com/bitnami', version: '7.8.10', line: 2 }]);
});

test('helm: values images in map and string form; values-<env>.yaml names an environment', () => {
  const facts = readWith('helm-values', 'infra-helm', 'charts/shop/values.yaml');
  assert.deepEqual(facts.images, [
    { name: 'acme/shop-api', ref: 'ghcr.io/acme/shop-api:1.4.0', line: 5, role: 'runtime' },
    { name: 'acme/shop-web', ref: 'ghcr.io/acme/shop-web:1.4.0', line: 12, role: 'runtime' },
    { name: 'bitnami/redis-exporter', ref: 'docker.io/bitnami/redis-exporter:1.55.0', line: 18, role: 'runtime' },
  ]);
  const prod = readWith('helm-values', 'infra-helm', 'charts/shop/values-production.yaml');
  assert.deepEqual(prod.environments, [{ name: 'production', via: 'helm values', line: 1 }]);
  assert.equal(readWith('helm-values', 'infra-helm', 'charts/shop/values-ci.yaml').environments, undefined);
});

test('skaffold: artifacts with build folders; only environment-named profiles', () => {
  const text = 'apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n    - image: cartservice\n      context: src/cartservice/src\n    - image: frontend\n      context: .\n      docker:\n        dockerfile: src/frontend/Dockerfile\nprofiles:\n  - name: debug\n  - name: production\n';
  const facts = reader('skaffold').read('deploy/skaffold.yaml', text);
  assert.deepEqual(facts.services, [
    { name: 'cartservice', source: 'skaffold', image: 'cartservice', build: 'deploy/src/cartservice/src', line: 5 },
    { name: 'frontend', source: 'skaffold', image: 'frontend', build: 'deploy', dockerfile: 'deploy/src/frontend/Dockerfile', line: 7 },
  ]);
  assert.deepEqual(facts.environments, [{ name: 'production', via: 'skaffold profile', line: 13 }]);
  assert.deepEqual(facts.hosting, [{ provider: 'Kubernetes', via: 'skaffold.yaml', line: 1 }]);
});
