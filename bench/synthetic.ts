/**
 * A deterministic synthetic polyglot monorepo for the benchmark: npm workspaces of TypeScript packages
 * that import each other and their own files (with classes, and JSX in .tsx), Python, Go and Java
 * services with manifests and Dockerfiles, compose, Kubernetes and CI files, and the docs, data, styles
 * and images that make up the rest of a real repository. Same size, same bytes, every time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Bump when the generator's output changes, so stale trees are rebuilt. */
const GENERATOR_VERSION = '3';

/** mulberry32: tiny, seeded, good enough to vary names and sizes reproducibly. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['order', 'cart', 'user', 'price', 'stock', 'invoice', 'payment', 'region', 'tax', 'promo', 'shipping', 'return', 'review', 'search', 'notify'];
const NPM_DEPS = ['zod', 'react', 'lodash', 'express', 'pg', 'ioredis', 'axios', 'date-fns'];

type Files = Map<string, string | Buffer>;

function pad(n: number, width = 4): string {
  return String(n).padStart(width, '0');
}

function tsModule(rand: () => number, pkg: string, index: number, siblings: number, otherPkgs: string[], tsx: boolean): string {
  const word = WORDS[index % WORDS.length];
  const Name = `${word[0].toUpperCase()}${word.slice(1)}${index}`;
  const lines: string[] = [`/** ${Name}: part of ${pkg}, generated for the archmd benchmark. */`];
  if (tsx) lines.push(`import { useState } from 'react';`);
  for (let k = 1; k <= 3 && index - k >= 0; k++) lines.push(`import { ${WORDS[(index - k) % WORDS.length]}Helper${index - k} } from './${WORDS[(index - k) % WORDS.length]}-${index - k}.js';`);
  if (otherPkgs.length) lines.push(`import type { Shared${index % 7} } from '${otherPkgs[index % otherPkgs.length]}';`);
  lines.push(`import { z } from '${NPM_DEPS[index % NPM_DEPS.length]}';`, `import { readFile } from 'node:fs/promises';`, '');
  lines.push(`export interface ${Name}Record {`, `  id: string;`, `  amount: number;`, `  tags: string[];`, `  createdAt: Date;`, `}`, '');
  lines.push(`export function ${word}Helper${index}(value: number): number {`, `  // keeps the arithmetic honest for the type checker`, `  return Math.round(value * ${(rand() * 10).toFixed(3)});`, `}`, '');
  lines.push(`export class ${Name}Service {`, `  private readonly cache = new Map<string, ${Name}Record>();`, '');
  const methods = 3 + Math.floor(rand() * 6);
  for (let m = 0; m < methods; m++) {
    lines.push(
      `  async load${m}(id: string): Promise<${Name}Record | undefined> {`,
      `    const hit = this.cache.get(id);`,
      `    if (hit) return hit;`,
      `    const raw = JSON.parse(await readFile(\`./data/\${id}.json\`, 'utf8')) as ${Name}Record;`,
      `    this.cache.set(id, raw);`,
      `    return raw;`,
      `  }`,
      '',
    );
  }
  lines.push(`}`, '');
  if (tsx) {
    lines.push(
      `export function ${Name}View(props: { items: ${Name}Record[] }) {`,
      `  const [open, setOpen] = useState(false);`,
      `  return (`,
      `    <section className="${word}">`,
      `      <button onClick={() => setOpen(!open)}>{open ? 'Hide' : 'Show'} ${word}</button>`,
      `      {open && props.items.map((item) => <p key={item.id}>{item.amount}</p>)}`,
      `    </section>`,
      `  );`,
      `}`,
    );
  }
  if (index + 1 < siblings && rand() < 0.2) lines.push(`export const lazy${index} = () => import('./${WORDS[(index + 1) % WORDS.length]}-${index + 1}.js');`);
  return `${lines.join('\n')}\n`;
}

function tsPackage(files: Files, rand: () => number, n: number, budget: number, allPkgs: string[]): void {
  const dir = n % 5 === 4 ? `apps/app-${pad(n)}` : `packages/pkg-${pad(n)}`;
  const name = `@bench/${dir.split('/')[1]}`;
  const deps = allPkgs.filter((p) => p < name).slice(-3);
  files.set(
    `${dir}/package.json`,
    `${JSON.stringify(
      {
        name,
        version: '1.0.0',
        type: 'module',
        main: 'dist/index.js',
        dependencies: Object.fromEntries([...deps.map((d) => [d, 'workspace:*']), [NPM_DEPS[n % NPM_DEPS.length], '^1.0.0']]),
        devDependencies: { typescript: '^5.0.0', vitest: '^1.0.0' },
      },
      null,
      2,
    )}\n`,
  );
  files.set(`${dir}/tsconfig.json`, `{\n  "extends": "../../tsconfig.base.json",\n  "compilerOptions": { "outDir": "dist" },\n  "include": ["src"]\n}\n`);
  files.set(`${dir}/README.md`, `# ${name}\n\nGenerated package ${n} of the archmd benchmark.\n`);
  const sources = Math.max(1, Math.round(budget * 0.55));
  const tsx = dir.startsWith('apps/');
  for (let i = 0; i < sources; i++) {
    const file = `${dir}/src/${WORDS[i % WORDS.length]}-${i}.${tsx && i % 2 === 1 ? 'tsx' : 'ts'}`;
    files.set(file, tsModule(rand, name, i, sources, deps, tsx && i % 2 === 1));
  }
  // tsx imports of "./x-1.js" refer to .tsx files in apps: fine for a benchmark, resolvers try both
  files.set(`${dir}/src/index.ts`, `${Array.from({ length: Math.min(sources, 20) }, (_, i) => `export * from './${WORDS[i % WORDS.length]}-${i}.js';`).join('\n')}\n`);
  let left = budget - sources - 4;
  const extra: [string, () => string | Buffer][] = [
    ['test', () => `import { describe, it, expect } from 'vitest';\nimport { orderHelper0 } from '../src/order-0.js';\n\ndescribe('helper', () => {\n  it('rounds', () => expect(orderHelper0(1)).toBeGreaterThan(-1));\n});\n`],
    ['md', () => `# Notes ${Math.floor(rand() * 1e6)}\n\n${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(8)}\n`],
    ['json', () => `${JSON.stringify({ id: Math.floor(rand() * 1e6), items: Array.from({ length: 20 }, (_, k) => ({ k, v: rand().toFixed(4) })) })}\n`],
    ['css', () => `.x${Math.floor(rand() * 1e4)} {\n  display: flex;\n  gap: 4px;\n  color: #333;\n}\n`],
    ['svg', () => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 2L2 7l10 5 10-5-10-5z"/></svg>\n`],
    ['png', () => Buffer.from(Array.from({ length: 600 }, (_, k) => (k < 8 ? [137, 80, 78, 71, 13, 10, 26, 10][k] : Math.floor(rand() * 256))))],
  ];
  for (let i = 0; left > 0; i++, left--) {
    const [kind, make] = extra[i % extra.length];
    const path =
      kind === 'test' ? `${dir}/test/case-${i}.test.ts` : kind === 'md' ? `${dir}/docs/page-${i}.md` : kind === 'json' ? `${dir}/fixtures/data-${i}.json` : `${dir}/assets/asset-${i}.${kind}`;
    files.set(path, make());
  }
}

function serviceKind(n: number): string {
  return ['python', 'go', 'java'][Math.floor(n / 10) % 3];
}

function service(files: Files, rand: () => number, n: number, budget: number): void {
  const kind = serviceKind(n);
  const dir = `services/${kind}-${pad(n)}`;
  const port = 8000 + n;
  if (kind === 'python') {
    files.set(`${dir}/pyproject.toml`, `[project]\nname = "svc-${n}"\nversion = "0.1.0"\nrequires-python = ">=3.11"\ndependencies = ["fastapi>=0.110", "sqlalchemy>=2", "redis>=5"]\n`);
    files.set(`${dir}/Dockerfile`, `FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install .\nEXPOSE ${port}\nCMD ["uvicorn", "app.main:app", "--port", "${port}"]\n`);
    files.set(`${dir}/app/__init__.py`, '');
    files.set(`${dir}/app/main.py`, `from fastapi import FastAPI\nfrom app.models import Item\n\napp = FastAPI()\n\n\n@app.get("/items/{item_id}")\ndef read_item(item_id: int) -> Item:\n    return Item(id=item_id)\n`);
    for (let i = 0; i < budget - 4; i++) {
      files.set(`${dir}/app/mod_${i}.py`, `"""Module ${i}."""\nimport os\nfrom sqlalchemy import select\nfrom app import main\n\n\nclass Thing${i}:\n    def __init__(self, n: int) -> None:\n        self.n = n * ${Math.floor(rand() * 100)}\n\n    def run(self) -> int:\n        return self.n + len(os.environ)\n`);
    }
  } else if (kind === 'go') {
    files.set(`${dir}/go.mod`, `module github.com/bench/svc-${n}\n\ngo 1.22\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.9.1\n\tgithub.com/jackc/pgx/v5 v5.5.0\n)\n`);
    files.set(`${dir}/Dockerfile`, `FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /svc .\nFROM gcr.io/distroless/base\nCOPY --from=build /svc /svc\nEXPOSE ${port}\nENTRYPOINT ["/svc"]\n`);
    files.set(`${dir}/main.go`, `package main\n\nimport (\n\t"github.com/gin-gonic/gin"\n\t"github.com/bench/svc-${n}/internal/store"\n)\n\nfunc main() {\n\tr := gin.Default()\n\tr.GET("/health", func(c *gin.Context) { c.String(200, store.Name()) })\n\tr.Run(":${port}")\n}\n`);
    for (let i = 0; i < budget - 3; i++) {
      files.set(`${dir}/internal/store/store_${i}.go`, `package store\n\nimport (\n\t"context"\n\t"github.com/jackc/pgx/v5"\n)\n\n// Name${i} names the store.\nfunc Name${i}(ctx context.Context, c *pgx.Conn) string {\n\t_ = c.Ping(ctx)\n\treturn "store-${Math.floor(rand() * 1000)}"\n}\n`);
    }
  } else {
    files.set(
      `${dir}/pom.xml`,
      `<?xml version="1.0" encoding="UTF-8"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.bench</groupId>\n  <artifactId>svc-${n}</artifactId>\n  <version>1.0.0</version>\n  <dependencies>\n    <dependency>\n      <groupId>org.springframework.boot</groupId>\n      <artifactId>spring-boot-starter-web</artifactId>\n      <version>3.2.0</version>\n    </dependency>\n  </dependencies>\n</project>\n`,
    );
    files.set(`${dir}/Dockerfile`, `FROM eclipse-temurin:21-jre\nCOPY target/app.jar /app.jar\nEXPOSE ${port}\nENTRYPOINT ["java", "-jar", "/app.jar"]\n`);
    for (let i = 0; i < budget - 2; i++) {
      files.set(
        `${dir}/src/main/java/com/bench/svc${n}/Handler${i}.java`,
        `package com.bench.svc${n};\n\nimport java.util.List;\nimport org.springframework.web.bind.annotation.GetMapping;\nimport org.springframework.web.bind.annotation.RestController;\n\n@RestController\npublic class Handler${i} {\n  @GetMapping("/h${i}")\n  public List<String> get() {\n    return List.of("${Math.floor(rand() * 1000)}");\n  }\n}\n`,
      );
    }
  }
}

/** The repository's files, path -> content; exactly `size` of them when size >= 50. */
export function syntheticFiles(size: number): Files {
  const rand = rng(size);
  const files: Files = new Map();
  const unit = 100;
  const units = Math.max(1, Math.floor((size - 20) / unit));
  const pkgNames: string[] = [];
  for (let n = 0; n < units; n++) if (n % 10 !== 3) pkgNames.push(`@bench/${n % 5 === 4 ? 'app' : 'pkg'}-${pad(n)}`);
  const composeServices: string[] = [];
  for (let n = 0; n < units; n++) {
    const budget = n === units - 1 ? size - 20 - unit * (units - 1) : unit;
    if (n % 10 === 3) {
      service(files, rand, n, Math.min(budget, 40));
      composeServices.push(`${serviceKind(n)}-${pad(n)}`);
      // the rest of a service unit's budget: docs, as real services carry
      for (let i = 0; i < budget - Math.min(budget, 40); i++) files.set(`docs/services/${pad(n)}/page-${i}.md`, `# Service ${n} page ${i}\n\nRunbook text.\n`);
    } else {
      tsPackage(files, rand, n, budget, pkgNames);
    }
  }
  files.set('package.json', `${JSON.stringify({ name: 'bench-monorepo', private: true, workspaces: ['packages/*', 'apps/*'], devDependencies: { typescript: '^5.0.0' } }, null, 2)}\n`);
  files.set('tsconfig.base.json', `{\n  "compilerOptions": { "strict": true, "module": "NodeNext", "moduleResolution": "NodeNext", "jsx": "react-jsx" }\n}\n`);
  files.set('README.md', `# Bench monorepo\n\nA synthetic repository of ${size} files for archmd's benchmark.\n`);
  files.set('.gitignore', 'node_modules/\ndist/\n');
  const compose = ['services:', '  postgres:', '    image: postgres:16', '    ports: ["5432:5432"]', '  redis:', '    image: redis:7'];
  for (const s of composeServices.slice(0, 30)) compose.push(`  ${s}:`, `    build: ./services/${s}`, '    depends_on: [postgres, redis]', '    environment:', '      DATABASE_URL: postgres://postgres:5432/app');
  files.set('docker-compose.yml', `${compose.join('\n')}\n`);
  files.set('.github/workflows/ci.yml', `name: CI\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n      - run: npm ci && npm test\n`);
  for (let k = 0; k < 12 && files.size < size; k++) {
    const s = composeServices[k % Math.max(1, composeServices.length)] ?? `svc-${k}`;
    files.set(
      `deploy/k8s/${s}-${k}.yaml`,
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${s}-${k}\nspec:\n  replicas: 2\n  selector:\n    matchLabels: { app: ${s}-${k} }\n  template:\n    metadata:\n      labels: { app: ${s}-${k} }\n    spec:\n      containers:\n        - name: app\n          image: ghcr.io/bench/${s}:1.0.0\n          ports: [{ containerPort: 8080 }]\n`,
    );
  }
  for (let k = 0; files.size < size; k++) files.set(`docs/extra-${k}.md`, `# Extra ${k}\n`);
  return files;
}

/**
 * The tree of `size` files under os.tmpdir()/archmd-bench/<size>, written and committed to git once and
 * reused while its marker matches. Returns its path.
 */
export function ensureSyntheticRepo(size: number, base = join(tmpdir(), 'archmd-bench')): string {
  const dir = join(base, String(size));
  const marker = join(dir, '.git', 'archmd-bench-complete'); // inside .git: not a file of the tree
  if (existsSync(marker) && readFileSync(marker, 'utf8') === GENERATOR_VERSION) return dir;
  rmSync(dir, { recursive: true, force: true });
  writeTree(dir, syntheticFiles(size));
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.email=bench@archmd.invalid', '-c', 'user.name=archmd bench', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'synthetic tree');
  writeFileSync(marker, GENERATOR_VERSION);
  return dir;
}

export function writeTree(dir: string, files: Files): void {
  const made = new Set<string>();
  for (const [path, content] of files) {
    const folder = dirname(join(dir, path));
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(join(dir, path), content);
  }
}
