import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readWith, reader } from './read.js';

const FIX = 'infra-terraform-aws';

test('terraform: providers, resources and modules with lines; data sources ignored', () => {
  const facts = readWith('terraform', FIX, 'infra/main.tf');
  assert.deepEqual(facts.iac, [
    { tool: 'terraform', kind: 'provider', type: 'aws', line: 3 },
    { tool: 'terraform', kind: 'resource', type: 'aws_db_instance', name: 'main', line: 18 },
    { tool: 'terraform', kind: 'resource', type: 'aws_iam_policy', name: 'app', line: 25 },
    { tool: 'terraform', kind: 'resource', type: 'aws_s3_bucket', name: 'assets', line: 35 },
    { tool: 'terraform', kind: 'module', type: 'terraform-aws-modules/vpc/aws', name: 'vpc', line: 42 },
    { tool: 'terraform', kind: 'module', type: './modules/network', name: 'network', line: 48 },
  ]);
  assert.deepEqual(facts.hosting, [{ provider: 'AWS', via: 'terraform provider', line: 3 }]);
});

test('terraform: resources in comments, heredocs and strings are not read', () => {
  const types = readWith('terraform', FIX, 'infra/main.tf').iac!.map((f) => f.type);
  for (const t of ['aws_instance', 'aws_elasticache_cluster', 'aws_s3_bucket_fake', 'aws_sqs_queue', 'aws_lambda_function', 'aws_caller_identity']) {
    assert.ok(!types.includes(t), t);
  }
  assert.equal(types.filter((t) => t === 'aws_s3_bucket').length, 1, 'the heredoc bucket is not counted');
});

test('terraform: required_providers sources', () => {
  const facts = readWith('terraform', FIX, 'infra/versions.tf');
  assert.deepEqual(facts.iac, [
    { tool: 'terraform', kind: 'provider', type: 'aws', line: 5 },
    { tool: 'terraform', kind: 'provider', type: 'random', line: 9 },
  ]);
  assert.deepEqual(facts.hosting, [{ provider: 'AWS', via: 'terraform provider', line: 5 }]);
});

test('terraform: a reusable module that only requires a provider is not hosting', () => {
  const module = reader('terraform').read('versions.tf', 'terraform {\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n    }\n  }\n}\n');
  assert.deepEqual(module.iac, [{ tool: 'terraform', kind: 'provider', type: 'aws', line: 3 }]);
  assert.equal(module.hosting, undefined);
  const root = reader('terraform').read('versions.tf', 'terraform {\n  cloud {\n    organization = "acme"\n  }\n  required_providers {\n    google = {\n      source = "hashicorp/google"\n    }\n  }\n}\n');
  assert.deepEqual(root.hosting, [{ provider: 'Google Cloud', via: 'terraform provider', line: 6 }]);
});

test('terraform: *.tf.json resources', () => {
  assert.deepEqual(readWith('terraform', FIX, 'infra/queue.tf.json').iac, [
    { tool: 'terraform', kind: 'resource', type: 'aws_sqs_queue', name: 'orders', line: 3 },
  ]);
  const bad = reader('terraform').read('infra/broken.tf.json', '{"resource": ');
  assert.match(bad.warnings![0].message, /^infra\/broken\.tf\.json: /);
});

test('terraform: environments from tfvars names and env folders', () => {
  assert.deepEqual(readWith('terraform', FIX, 'infra/staging.tfvars').environments, [{ name: 'staging', via: 'terraform variables file', line: 1 }]);
  assert.equal(readWith('terraform', FIX, 'infra/common.tfvars').environments, undefined);
  assert.deepEqual(readWith('terraform', FIX, 'infra/envs/prod/main.tf').environments, [{ name: 'prod', via: 'terraform environment folder', line: 1 }]);
});

test('terraform: other clouds and unterminated input', () => {
  const r = reader('terraform');
  const facts = r.read('main.tf', 'provider "google" {}\nprovider "azurerm" {\n  features {}\n}\nterraform {\n  required_providers {\n    cloudflare = "~> 4.0"\n  }\n}\n');
  assert.deepEqual(facts.hosting!.map((h) => h.provider), ['Google Cloud', 'Azure'], 'cloudflare is only required, not configured');
  assert.deepEqual(facts.iac!.map((f) => f.type), ['google', 'azurerm', 'cloudflare']);
  assert.equal(r.read('odd.tf', 'provider "constructor" {}\n').hosting, undefined, 'inherited object keys are not providers');
  assert.doesNotThrow(() => r.read('x.tf', 'resource "aws_s3_bucket" "a" {\n  x = "unterminated\n  y = <<EOF\n'));
});
