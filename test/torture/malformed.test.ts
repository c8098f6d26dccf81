/**
 * Malformed and hostile configuration files beside a healthy service: every bad file costs a warning naming it,
 * never the run, and the healthy service still shows in the document.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { analyzeJson, assertEvidence, expectRun, repo, technologyNames, warningFor, type ModelJson } from './harness.js';

/** A service that must survive whatever sits beside it. */
const HEALTHY: Record<string, string> = {
  'healthy/package.json': JSON.stringify({ name: 'healthy-api', version: '1.0.0', dependencies: { express: '^4.19.0', pg: '^8.11.0' } }, null, 2),
  'healthy/Dockerfile': 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "index.js"]\n',
  'healthy/index.js': 'import express from "express";\nimport pg from "pg";\nconst app = express();\napp.get("/health", (req, res) => res.send("ok"));\napp.listen(3000);\n',
};

/** Nine levels of nine aliases: 9^9 nodes if anything expands it naively. */
function yamlAliasBomb(): string {
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  let previous = 'a';
  for (const name of 'bcdefghi') {
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    previous = name;
  }
  return `${lines.join('\n')}\n`;
}

/** The classic XML "billion laughs" plus an external entity that must never be resolved. */
function xmlEntityBomb(root: string): string {
  const entities = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${Array(10).fill(`&lol${i === 1 ? '' : i - 1};`).join('')}">`);
  entities.push('<!ENTITY xxe SYSTEM "file:///etc/passwd">');
  return `<?xml version="1.0"?>\n<!DOCTYPE ${root} [\n ${entities.join('\n ')}\n]>\n`;
}

const K8S_MULTI = `apiVersion: apps/v1
kind: Deployment
metadata: &meta
  name: orders
  labels: &labels
    app: orders
spec:
  selector:
    matchLabels:
      <<: *labels
  template:
    metadata:
      labels:
        <<: *labels
    spec:
      containers:
        - name: orders
          image: ghcr.io/acme/orders:1.4.2
          ports:
            - containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: [unclosed
spec: {
---
apiVersion: v1
kind: Service
metadata:
  <<: *undefined_alias
  name: broken-merge
`;

const WORKFLOW_ANCHORS = `on: push
x-defaults: &defaults
  runs-on: ubuntu-latest
  timeout-minutes: 10
jobs:
  test:
    <<: *defaults
    steps:
      - uses: actions/checkout@v4
      - run: npm test
  lint:
    <<: *defaults
    steps:
      - uses: actions/checkout@v4
      - run: npm run lint
`;

describe('malformed and hostile manifests', () => {
  const dir = repo('malformed', {
    ...HEALTHY,
    'broken-npm/package.json': '{"name": "broken", "dependencies": {"express": ',
    'trailing-comma/package.json': '{\n  "name": "tc",\n  "dependencies": { "koa": "^2", },\n}\n',
    'not-object/package.json': '[1, 2, 3]\n',
    'docker-compose.yml': 'services:\n  web:\n    image: "nginx\n   ports: [80\n\t- bad\n',
    'docker-compose.override.yml': `${yamlAliasBomb()}services:\n  web:\n    image: nginx\n    environment: *i\n`,
    'k8s/multi.yaml': K8S_MULTI,
    'k8s/bomb.yaml': `${yamlAliasBomb()}apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: bomb\nspec:\n  x: *i\n`,
    '.github/workflows/broken.yml': 'on: [push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n  - uses: actions/checkout@v4\n',
    '.github/workflows/bomb.yml': `${yamlAliasBomb()}on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: *i\n    env: *i\n`,
    '.github/workflows/anchors.yml': WORKFLOW_ANCHORS,
    '.gitlab-ci.yml': `${yamlAliasBomb()}stages: *i\nbuild:\n  script: *i\n`,
    'pnpm-workspace.yaml': `${yamlAliasBomb()}packages: *i\n`,
    'py/pyproject.toml': '[project\nname = "x"\ndependencies = ["django>=4",\n[tool.poetry]\nname = 1 = 2\n',
    'rs/Cargo.toml': '[package]\nname = "rs"\n[dependencies]\ntokio = { version = "1", features = ["full"\n',
    'pom.xml': '<project><modelVersion>4.0.0</modelVersion><dependencies><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency>',
    'bomb/pom.xml': `${xmlEntityBomb('project')}<project><artifactId>&lol9;</artifactId><groupId>&xxe;</groupId></project>\n`,
    'api/Api.csproj': `${xmlEntityBomb('Project')}<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup><TargetFramework>net8.0</TargetFramework><Description>&lol9;</Description></PropertyGroup>\n  <ItemGroup><PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="8.0.0" /></ItemGroup>\n</Project>\n`,
    'legacy/Legacy.csproj': '<Project><ItemGroup><PackageReference Include="Serilog" Version="3"></ItemGroup>',
    'infra/broken.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "x\n  tags = {\n    a = <<EOT\nnever closed\n',
    'infra/braces.tf': '}}}}{{{{\n"unterminated\n/* never closed comment\n',
    'infra/ok.tf': 'provider "google" {\n  project = "p"\n}\nresource "google_cloud_run_v2_service" "api" {\n  name = "${var.x}-${lookup({a = "}"}, "a")}"\n}\n',
    'go.mod': 'module\n\nrequire (\n\tgithub.com/lib/pq v1.10.9\n',
    'requirements.txt': '-r requirements.txt\n--index-url \nflask==\n==1.0\n[extras]\n',
    'Gemfile': 'gem "rails", \ngem\nsource ',
    'composer.json': '{"require": "not an object"}',
    'tagged/pnpm-workspace.yaml': 'packages: !custom [a]\n',
    'cfn/template.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !GetAtt [R, Arn]\n      Code: !Ref X\n      Y: !!js/function "f"\n',
    'k8s/configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: !!python/object:os.system ["x"]\n',
  });

  let model: ModelJson;
  before(() => {
    model = analyzeJson(dir).model;
  });

  test('analyze --json exits 0 and names every bad file in a warning', () => {
    for (const file of ['broken-npm/package.json', 'docker-compose.yml', 'k8s/multi.yaml', '.github/workflows/broken.yml', 'py/pyproject.toml', 'rs/Cargo.toml', 'pom.xml', 'legacy/Legacy.csproj']) {
      warningFor(model, file);
    }
    // alias and entity bombs are refused, with a warning, not expanded
    warningFor(model, 'docker-compose.override.yml');
    warningFor(model, 'k8s/bomb.yaml');
    warningFor(model, 'api/Api.csproj');
    warningFor(model, 'bomb/pom.xml');
    // a reader that throws is a bug, even though extract.ts turns it into a warning
    const crashed = model.warnings.filter((w) => /reader failed/.test(w.message));
    assert.deepEqual(crashed, [], 'a reader threw on hostile input');
  });

  test('the healthy service and the healthy parts of bad files survive', () => {
    const names = technologyNames(model);
    for (const expected of ['Express', 'PostgreSQL', 'Docker']) assert.ok(names.includes(expected), `${expected} missing from ${names.join(', ')}`);
    assert.ok(model.containers.some((c) => c.path === 'healthy'), 'the healthy service is a container');
    // the good first document of a multi-document file is kept when later ones are broken
    assertEvidence(model, 'k8s/multi.yaml', 2);
    // anchors and merge keys: the pipeline is read
    assertEvidence(model, '.github/workflows/anchors.yml', undefined, /GitHub Actions pipeline/);
  });

  test('nothing from an entity or alias bomb leaks into the model', () => {
    const json = JSON.stringify(model);
    assert.doesNotMatch(json, /lollollol/, 'an entity or alias was expanded');
    assert.doesNotMatch(json, /root:x:0:0/, 'an external entity was resolved');
  });

  test('generate writes a document that describes the healthy service', () => {
    const run = expectRun(['generate', '--no-cache', dir], 0);
    assert.match(run.stderr, /warning: broken-npm\/package\.json: /);
    const doc = readFileSync(join(dir, 'ARCHITECTURE.md'), 'utf8');
    assert.match(doc, /healthy-api/);
    assert.match(doc, /PostgreSQL/);
    assert.match(doc, /Express/);
    assert.doesNotMatch(doc, /lollollol|root:x:0:0/);
  });
});

describe('hostile code and CI files', () => {
  const bomb = yamlAliasBomb();
  const keys = ['script', 'stages', 'commands', 'command', 'install', 'before_script', 'steps', 'run', 'needs', 'environment', 'image', 'variables', 'trigger'];
  const jobKeys = (indent: string) => keys.map((k) => `${indent}${k}: *i`).join('\n');
  const deepParens = Array.from({ length: 50 }, () => '('.repeat(100)).join('\n');
  const dir = repo('hostile-code', {
    ...HEALTHY,
    'healthy/deep.js': `import fs from "node:fs";\nexport const x = ${deepParens}1${')'.repeat(5000)};\n`,
    'healthy/elseif.js': `import path from "node:path";\nexport function f(a) {\n  if (a === -1) return -1;\n${Array.from({ length: 5000 }, (_, i) => `  else if (a === ${i}) return ${i};`).join('\n')}\n}\n`,
    '.github/workflows/bomb.yml': `${bomb}on: *i\njobs:\n  build:\n${jobKeys('    ')}\n`,
    '.gitlab-ci.yml': `${bomb}build:\n${jobKeys('  ')}\n`,
    '.circleci/config.yml': `${bomb}version: 2.1\njobs:\n  build:\n${jobKeys('    ')}\n`,
    'bitbucket-pipelines.yml': `${bomb}pipelines:\n  default:\n    - step:\n${jobKeys('        ')}\n`,
    'azure-pipelines.yml': `${bomb}${jobKeys('')}\n`,
    '.travis.yml': `${bomb}${jobKeys('')}\n`,
    '.buildkite/pipeline.yml': `${bomb}steps:\n  - label: x\n${jobKeys('    ')}\n`,
    '.drone.yml': `${bomb}kind: pipeline\nsteps:\n  - name: x\n${jobKeys('    ')}\n`,
  });

  test('deeply nested JS and alias bombs in every CI format: exit 0, no crash, the service survives', () => {
    const { model } = analyzeJson(dir);
    assert.deepEqual(model.warnings.filter((w) => /reader failed/.test(w.message)), []);
    assert.ok(technologyNames(model).includes('Express'));
    const run = expectRun(['generate', '--no-cache', dir], 0);
    assert.doesNotMatch(run.stderr, /lollollol/);
    assert.doesNotMatch(readFileSync(join(dir, 'ARCHITECTURE.md'), 'utf8'), /lol, lol|lollol/);
  });
});

describe('templated YAML whose keys are collections', () => {
  // `name: {{service}}` parses as a map key that is itself a map; the yaml package warns about it on
  // process.stderr unless told not to, which would land in the user's terminal or CI log
  const dir = repo('collection-keys', {
    ...HEALTHY,
    'k8s/charts/values.template.yaml': 'name: {{service}}\nimage: ghcr.io/acme/{{service}}:1.0\n',
    '.github/workflows/ci.yml': 'on: push\njobs:\n  build:\n    runs-on: {{runner}}\n    steps:\n      - run: npm test\n',
  });

  test('say nothing on stderr', () => {
    const run = expectRun(['analyze', '--json', '--no-cache', dir], 0);
    assert.equal(run.stderr, '');
  });
});
