/**
 * archmd reads, never runs: config files that would act if executed stay inert; secrets in .env never reach
 * the output; the output names no absolute path of the machine and no user.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeJson, commitAll, expectRun, repo, tempDir } from './harness.js';

describe('security', () => {
  const markerDir = tempDir('marker');
  const marker = join(markerDir, 'EXECUTED');
  const payload = `require("fs").writeFileSync(${JSON.stringify(marker)}, "ran");\n`;
  const esmPayload = `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(marker)}, "ran");\n`;
  const dir = repo('security', {
    'package.json': JSON.stringify({ name: 'web', scripts: { postinstall: `node -e '${payload.trim()}'`, build: 'next build' }, dependencies: { next: '^14.2.0', react: '^18', pg: '^8.11.0' } }, null, 2),
    'next.config.js': `${payload}module.exports = { reactStrictMode: true };\n`,
    'vite.config.ts': `${esmPayload}export default {};\n`,
    'webpack.config.js': payload,
    'setup.py': `import os\nos.system("touch ${marker}")\nfrom setuptools import setup\nsetup(name="x", install_requires=["flask"])\n`,
    'build.gradle': `task x { doLast { new File("${marker}").text = "ran" } }\n`,
    'Makefile': `all:\n\ttouch ${marker}\n`,
    '.env': 'DATABASE_URL=postgres://admin:S3cr3tP4ss@db/x\nSTRIPE_API_KEY=sk_live_51HxT0pS3cr3tK3yV4lu3\nexport AWS_SECRET_ACCESS_KEY="wJalrXUtnFEMI/K7MDENG/bPxRfiCYzS3cr3t"\n',
    'docker-compose.yml': 'services:\n  web:\n    build: .\n    environment:\n      DATABASE_URL: postgres://admin:S3cr3tP4ss@db/x\n      API_TOKEN: ghp_S3cr3tT0k3nV4lu3xxxxxxxxxxxxxxxxxxxxx\n  db:\n    image: postgres:16\n',
    'pages/index.js': 'export default function Home() { return null; }\n',
  });
  commitAll(dir);
  const SECRETS = ['S3cr3tP4ss', 'sk_live_51HxT0pS3cr3tK3yV4lu3', 'wJalrXUtnFEMI', 'ghp_S3cr3tT0k3nV4lu3'];

  test('config files that would write a marker if executed are never executed', () => {
    analyzeJson(dir);
    expectRun(['generate', '--no-cache', dir], 0);
    expectRun(['check', dir], 0);
    assert.equal(existsSync(marker), false, 'a config file was executed');
  });

  test('secrets from .env and compose appear in no output', () => {
    const outputs = [
      expectRun(['analyze', '--json', '--no-cache', dir], 0),
      expectRun(['analyze', dir], 0),
      expectRun(['generate', '--stdout', dir], 0),
      expectRun(['generate', '--dry-run', dir], 0),
    ];
    expectRun(['generate', dir], 0);
    const texts = [...outputs.flatMap((r) => [r.stdout, r.stderr]), readFileSync(join(dir, 'ARCHITECTURE.md'), 'utf8')];
    for (const secret of SECRETS) for (const text of texts) assert.ok(!text.includes(secret), `secret ${secret} leaked`);
    // the facts around the secret are still used: PostgreSQL is there
    assert.match(outputs[0].stdout, /PostgreSQL/);
  });

  test('no absolute path of the machine and no user name in the document or analyze --json', () => {
    const json = expectRun(['analyze', '--json', '--no-cache', dir], 0).stdout;
    expectRun(['generate', '--no-cache', dir], 0);
    const doc = readFileSync(join(dir, 'ARCHITECTURE.md'), 'utf8');
    for (const text of [json, doc]) {
      assert.ok(!text.includes(dir), 'the absolute path of the repository appears');
      assert.ok(!text.includes(markerDir), 'an absolute temp path appears');
      assert.doesNotMatch(text, /HOMETOKEN7Q|torturetester/, 'the home folder or user name appears');
      assert.doesNotMatch(text, /\/tmp\/|\/home\/|\/root\/|\/Users\//, 'an absolute path appears');
    }
  });
});
