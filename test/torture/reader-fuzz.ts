/**
 * Child process for readers.test.ts: every reader, called directly, on hostile texts. A reader may return
 * nothing or a warning; it must not throw (extract.ts would hide that as "reader failed") and must not hang
 * (the parent kills this process after a timeout). Prints one JSON report on stdout.
 */
import { allReaders, readersFor } from '../../src/detect/readers.js';
import type { Reader } from '../../src/detect/facts.js';

/** One path per reader at least: file names as they are, an example for each extension and pattern. */
const PATTERN_PATHS = [
  'requirements.txt', 'requirements/dev.in', 'gradle/libs.versions.toml', 'Dockerfile.prod', 'api.Dockerfile', 'docker-compose.yml',
  'compose.prod.yaml', 'chart/values.yaml', 'skaffold.yaml', 'infra/main.tf.json', 'prod.tfvars.json', 'Pulumi.yaml', 'Pulumi.dev.yaml',
  'serverless.yml', 'fly.toml', 'cloudbuild.yaml', '.ebextensions/app.config', '.elasticbeanstalk/config.yml', '.env', '.env.production',
  'app.env', 'env.example', '.github/workflows/ci.yml', '.gitlab-ci.yml', 'ci/build.gitlab-ci.yml', 'Jenkinsfile', 'Jenkinsfile.release',
  '.circleci/config.yml', 'azure-pipelines.yml', '.azure-pipelines/build.yml', '.azdo/pipelines/azure-dev.yml', '.buildkite/pipeline.yml', 'README.md', 'readme.rst', 'README.adoc',
  'tsconfig.json', 'jsconfig.json', 'sst.config.ts', 'infra/api.ts', 'k8s/deploy.yaml', 'template.json', 'template.template', 'config/deploy.yml', 'src/main/docker/app.yml', 'deploy/docker-compose/quickstart.yaml',
];

function samplePaths(reader: Reader): string[] {
  return [...(reader.fileNames ?? []), ...(reader.extensions ?? []).map((ext) => `src/sample${ext}`), ...PATTERN_PATHS.filter((p) => readersFor(p).includes(reader))];
}

/** Deterministic bytes, so a failure can be reproduced. */
function noise(length: number, seed: number): string {
  let x = seed >>> 0 || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += String.fromCharCode((x >>> 0) % 0x3000);
  }
  return out;
}

const DEPTH = 3000;
const TEXTS: [string, string][] = [
  ['empty', ''],
  ['bom only', '\uFEFF'],
  ['nul bytes', '\0\0\0\0'],
  ['whitespace', ' \t\r\n'.repeat(1000)],
  ['noise', noise(20_000, 7)],
  ['json open', '{'],
  ['json array', '[1, 2, 3]'],
  ['json scalar', '"just a string"'],
  ['json null', 'null'],
  ['json wrong types', '{"name": 1, "dependencies": [1, null], "devDependencies": "x", "workspaces": {"packages": 3}, "scripts": null, "require": [], "services": 5, "jobs": "x", "steps": {"a": 1}}'],
  ['json deep arrays', `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`],
  ['json deep objects', `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`],
  ['json proto keys', '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"x": 1}}, "dependencies": {"__proto__": "1", "toString": "2"}}'],
  ['yaml deep flow', `a: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`],
  ['yaml deep block', Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' x\n'],
  ['yaml wrong types', 'services: 5\njobs: [1, 2]\nsteps: "x"\nspec: null\napiVersion: 1\nkind: [Deployment]\nmetadata: 3\non: {push: 1}\nstages: {a: 1}\nscript: {a: 1}\n'],
  ['yaml k8s wrong types', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: [x]\nspec:\n  selector: 1\n  template:\n    spec:\n      containers: [1, null, {image: [1]}, {ports: "x", env: 3}]\n'],
  ['yaml compose wrong types', 'services:\n  a: 1\n  b: [1]\n  c:\n    image: [x]\n    ports: 80\n    depends_on: 3\n    environment: [1, {a: b}]\n    build: [1]\n'],
  ['yaml tags', 'a: !Ref x\nb: !GetAtt [x, y]\nc: !!binary aGVsbG8=\nd: !!js/function "function(){}"\ne: !!python/object:os.system ["echo"]\n'],
  ['yaml unterminated', 'a: "x\nb: \'y\nc: [1,\nd: {'],
  ['toml deep arrays', `a = ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`],
  ['toml wrong types', 'package = 1\ndependencies = "x"\n[project]\ndependencies = {a = 1}\nname = [1]\n[tool.poetry]\ndependencies = [1]\n[workspace]\nmembers = 3\n'],
  ['xml deep', `${'<a>'.repeat(DEPTH)}${'</a>'.repeat(DEPTH)}`],
  ['xml wrong shapes', '<Project><ItemGroup><PackageReference/><PackageReference Include=""/><ProjectReference Include="../../../../etc/passwd"/></ItemGroup><dependencies>text</dependencies><modules><module/></modules></Project>'],
  ['xml entity bomb', `<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 8 }, (_, i) => `<!ENTITY a${i + 1} "${`&a${i || ''};`.repeat(10)}">`).join('')}]><Project><x>&a8;</x></Project>`],
  ['hcl deep braces', `resource "a" "b" ${'{ x = '.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`],
  ['hcl unterminated', 'resource "aws_s3_bucket" "b" {\n  x = <<EOT\nnever\n  y = "unterminated\n/* comment'],
  ['code deep parens', `x = ${'('.repeat(DEPTH)}1${')'.repeat(DEPTH)}`],
  ['code deep braces', `function f() ${'{'.repeat(DEPTH)}${'}'.repeat(DEPTH)}`],
  ['code unterminated', 'import "unterminated\nfrom x import (\n`template ${\n/* never closed\n"""never closed\nr#"raw\n<<<EOT\n'],
  ['long line', 'a'.repeat(200_000)],
  ['long spaces', `${' '.repeat(50_000)}x`],
  ['many lines', 'import x\n'.repeat(10_000)],
  ['many short lines', '\n'.repeat(50_000)],
  // line shapes that tempt backtracking regular expressions
  ['long keyword runs', ['FROM ', 'RUN ', 'gem ', 'import ', 'require(', 'from ', 'use ', 'using ', 'package ', '"dependencies": {', '- uses: ', 'image: ', 'url: ', 'ENV ', 'export ']
    .map((k) => `${k}${' '.repeat(5_000)}${'a'.repeat(5_000)}!`).join('\n')],
  ['repeated quotes', `${'"\\'.repeat(20_000)}`],
  ['repeated dots', `${'a.'.repeat(25_000)}`],
  ['repeated colons', `${'a:'.repeat(25_000)}`],
  ['repeated equals', `${'a='.repeat(25_000)}`],
  ['repeated slashes', `${'/'.repeat(200_000)}`],
  ['repeated commas', `${'a,'.repeat(25_000)}`],
  ['repeated brackets', `${'a['.repeat(25_000)}`],
  ['repeated comment openers', `${'/* '.repeat(20_000)}`],
  ['repeated triple quotes', `${"''' ".repeat(5_000)}${'""" '.repeat(5_000)}`],
  ['repeated tags', `${'<a '.repeat(20_000)}`],
  ['repeated interpolations', `${'${'.repeat(25_000)}`],
  ['repeated hashes', `${'# '.repeat(25_000)}`],
  ['crlf only', '\r\n'.repeat(25_000)],
  ['cr only', 'import os\rimport sys\r'.repeat(2_000)],
];

/**
 * Known, not yet fixed: oxc-parser overflows the native stack (SIGSEGV, the whole process dies) on long
 * chains that have no brackets to count (`a=a=a=...`, `a:a:a:...` labels, unclosed JSX `<a <a ...`). In the
 * CLI a one-line chain is skipped as minified; a multi-line one still crashes. Skipped here so the rest runs.
 */
const KNOWN_CRASHES = new Set(['imports/javascript|repeated colons', 'imports/javascript|repeated equals', 'imports/javascript|repeated tags']);

interface Failure {
  reader: string;
  path: string;
  text: string;
  error: string;
}

const failures: Failure[] = [];
const uncovered: string[] = [];
const slowest: { reader: string; path: string; text: string; ms: number }[] = [];

// FUZZ_READERS=prefix narrows the run when chasing one reader
const only = process.env.FUZZ_READERS;
for (const reader of allReaders) {
  if (only && !reader.id.startsWith(only)) continue;
  const paths = samplePaths(reader);
  if (paths.length === 0) {
    uncovered.push(reader.id);
    continue;
  }
  for (const path of paths.slice(0, 1)) {
    for (const [label, text] of TEXTS) {
      if (process.env.FUZZ_TEXT && label !== process.env.FUZZ_TEXT) continue;
      if (KNOWN_CRASHES.has(`${reader.id}|${label}`) && !process.env.FUZZ_KNOWN) continue;
      const start = performance.now();
      try {
        reader.sniff?.(text);
        reader.read(path, text);
      } catch (error) {
        failures.push({ reader: reader.id, path, text: label, error: error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error) });
      }
      const ms = performance.now() - start;
      if (ms > 200) slowest.push({ reader: reader.id, path, text: label, ms: Math.round(ms) });
      if (ms > 200 && process.env.FUZZ_VERBOSE) process.stderr.write(`${reader.id} ${path} ${label} ${Math.round(ms)} ms\n`);
    }
  }
}

slowest.sort((a, b) => b.ms - a.ms);
process.stdout.write(`${JSON.stringify({ readers: allReaders.length, texts: TEXTS.length, failures, uncovered, slowest: slowest.slice(0, 15) })}\n`);
