import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCi } from './read-fixture.js';

test('a CI workflow yields lint and test stages, triggers and actions without versions', () => {
  const facts = readCi('ci-node-service', '.github/workflows/ci.yml');
  const [p] = facts.pipelines ?? [];
  assert.equal(p.system, 'GitHub Actions');
  assert.equal(p.name, 'CI');
  assert.deepEqual(p.stages, ['lint', 'test']);
  assert.deepEqual(p.triggers, ['pull_request', 'push']);
  assert.equal(p.deployTargets, undefined, 'a commented-out npm publish is no deploy target');
  assert.deepEqual(facts.actions?.[0], { ref: 'actions/checkout', line: 12 });
  assert.ok(facts.actions?.some((a) => a.ref === 'actions/setup-node' && a.line === 13));
});

test('a deploy workflow names its registry, cloud and environments', () => {
  const [p] = readCi('ci-node-service', '.github/workflows/deploy.yml').pipelines ?? [];
  assert.deepEqual(p.stages, ['publish', 'deploy']);
  assert.deepEqual(p.deployTargets, ['GitHub Container Registry', 'Google Cloud']);
  assert.deepEqual(p.environments, ['production', 'staging']);
  assert.deepEqual(p.triggers, ['push', 'workflow_dispatch']);
  assert.ok(p.uses?.some((u) => u.ref === 'google-github-actions/deploy-cloudrun' && u.line === 36));
});

test('kubectl apply against a kind cluster is a test, not a Kubernetes deployment', () => {
  const [p] = readCi('ci-node-service', '.github/workflows/e2e.yml').pipelines ?? [];
  assert.equal(p.deployTargets, undefined);
  assert.ok(!p.stages.includes('deploy'));
  assert.deepEqual(p.triggers, ['pull_request']);
});

test('release-please under google-github-actions/ is a release, not Google Cloud', () => {
  const [p] = readCi('ci-node-service', '.github/workflows/release.yml').pipelines ?? [];
  assert.deepEqual(p.stages, ['release']);
  assert.equal(p.deployTargets, undefined);
});

test('malformed workflow YAML gives a warning naming the file and no pipeline', () => {
  const facts = readCi('ci-node-service', '.github/workflows/broken.yml');
  assert.equal(facts.pipelines, undefined);
  assert.equal(facts.warnings?.[0].file, '.github/workflows/broken.yml');
  assert.match(facts.warnings?.[0].message ?? '', /YAML/);
});

test('azure/CLI is judged by its inline script, and uploading SARIF is not CodeQL', async () => {
  const { githubActionsReader } = await import('../../src/detect/ci/github-actions.js');
  const { matchTechnologies } = await import('../../src/catalogue/match.js');
  const scan = [
    'name: Bicep Scan',
    'on: [push]',
    'jobs:',
    '  lint:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: azure/CLI@v2',
    '        with:',
    '          inlineScript: az bicep build -f infra/main.bicep --stdout',
    '      - uses: github/codeql-action/upload-sarif@v3',
    '        with:',
    '          sarif_file: lint.sarif',
    '',
  ].join('\n');
  const [p] = githubActionsReader.read('.github/workflows/scan.yml', scan).pipelines ?? [];
  assert.ok(!p.stages.includes('deploy'), `stages: ${p.stages.join(', ')}`);
  assert.ok(!p.stages.includes('security'), 'a SARIF upload alone is no security scan');
  assert.equal(p.deployTargets, undefined);
  assert.deepEqual(matchTechnologies('githubAction', 'github/codeql-action/upload-sarif').map((t) => t.id), []);
  assert.deepEqual(matchTechnologies('githubAction', 'github/codeql-action/analyze').map((t) => t.id), ['codeql']);
  const deploy = scan.replace('az bicep build -f infra/main.bicep --stdout', 'az deployment group create -g rg -f infra/main.bicep');
  const [d] = githubActionsReader.read('.github/workflows/deploy.yml', deploy).pipelines ?? [];
  assert.ok(d.stages.includes('deploy'));
  assert.deepEqual(d.deployTargets, ['Azure']);
});

test('fastapi deploy ships to FastAPI Cloud', async () => {
  const { githubActionsReader } = await import('../../src/detect/ci/github-actions.js');
  const text = 'name: Deploy\non:\n  push:\n    branches: [master]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: uv run fastapi deploy\n';
  const [p] = githubActionsReader.read('.github/workflows/deploy.yml', text).pipelines ?? [];
  assert.deepEqual(p.deployTargets, ['FastAPI Cloud']);
});

test("a job's name says its stage only when its steps do not: a job called test that builds, one called build that lints", async () => {
  const { githubActionsReader } = await import('../../src/detect/ci/github-actions.js');
  const stages = (text: string) => githubActionsReader.read('.github/workflows/ci.yml', text).pipelines?.[0]?.stages;
  const composeBuild = 'name: Push\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Build images\n        run: docker compose build\n';
  assert.deepEqual(stages(composeBuild), ['build']);
  const lint = 'name: lint-php\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Run formatting check\n        run: composer lint\n';
  assert.deepEqual(stages(lint), ['lint']);
  const script = 'name: Deploy\non: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Ship it\n        run: ./scripts/ship.sh\n';
  assert.deepEqual(stages(script), ['deploy'], 'a job whose steps say nothing is named by its job');
  const stepName = 'name: CI\non: push\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Run unit tests\n        run: ./ci.sh\n';
  assert.deepEqual(stages(stepName), ['test'], "a step's name speaks for a command that says nothing");
  const composeDeploy = 'name: Deploy with Docker Compose\non: workflow_dispatch\njobs:\n  deploy:\n    runs-on: self-hosted\n    steps:\n      - uses: actions/checkout@v4\n      - name: Build\n        run: docker compose -f compose.yml -f compose.deploy.yml build\n      - name: Start application\n        run: docker compose -f compose.yml -f compose.deploy.yml up -d\n';
  assert.deepEqual(stages(composeDeploy), ['build', 'deploy'], 'a command no rule reads may be what the job is named for');
  const lintWithInstall = 'name: analyse-php\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Get Composer Cache Directory\n        run: echo "dir=$(composer config cache-files-dir)" >> $GITHUB_OUTPUT\n      - name: Install composer dependencies\n        run: composer install --prefer-dist --no-interaction\n      - name: Run static analysis check\n        run: composer check-static\n';
  assert.deepEqual(stages(lintWithInstall), ['lint'], 'installing dependencies is no stage of its own');
});

test("Depot's build-push-action with push: true publishes an image, like Docker's", async () => {
  const { githubActionsReader } = await import('../../src/detect/ci/github-actions.js');
  const text = 'name: Build Containers\non: workflow_call\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/login-action@v3\n        with:\n          registry: ghcr.io\n      - uses: depot/setup-action@v1\n      - name: Build and push Docker image, via Depot.dev\n        uses: depot/build-push-action@v1\n        with:\n          push: true\n          tags: ghcr.io/acme/app:nightly\n';
  const [p] = githubActionsReader.read('.github/workflows/build.yml', text).pipelines ?? [];
  assert.deepEqual(p.stages, ['build', 'publish']);
  assert.deepEqual(p.deployTargets, ['GitHub Container Registry']);
});

test("a job that reads its signing keys from AWS Secrets Manager deploys nothing to AWS", async () => {
  const { githubActionsReader } = await import('../../src/detect/ci/github-actions.js');
  const text = 'name: Release\non: push\njobs:\n  sign:\n    runs-on: macos-latest\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n      - uses: aws-actions/aws-secretsmanager-get-secrets@v2\n        with:\n          secret-ids: APPLE_CERT\n      - name: Build desktop app\n        run: npm run build\n';
  const [p] = githubActionsReader.read('.github/workflows/release.yml', text).pipelines ?? [];
  assert.deepEqual(p.stages, ['build']);
  assert.equal(p.deployTargets, undefined);
});

test('publishing to Test PyPI rehearses a release: no PyPI deploy target', async () => {
  const { githubActionsReader } = await import('../../src/detect/ci/github-actions.js');
  const text = 'name: Build and publish Python package\non: push\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    environment: testpypi\n    steps:\n      - name: Build\n        run: python -m build\n      - uses: pypa/gh-action-pypi-publish@release/v1\n        with:\n          repository-url: https://test.pypi.org/legacy/\n';
  const [p] = githubActionsReader.read('.github/workflows/release.yml', text).pipelines ?? [];
  assert.equal(p.deployTargets, undefined, JSON.stringify(p));
  assert.deepEqual(p.stages, ['build']);
});

test('docker/login-action with no registry logs in to Docker Hub, and every registry an image goes to is a target', async () => {
  const { githubActionsReader } = await import('../../src/detect/ci/github-actions.js');
  const text = [
    'name: Docker',
    'on: { push: { tags: ["*"] } }',
    'jobs:',
    '  docker-images:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: docker/login-action@v3',
    '        with:',
    '          username: ${{ secrets.DOCKERHUB_USERNAME }}',
    '          password: ${{ secrets.DOCKERHUB_TOKEN }}',
    '      - uses: docker/login-action@v3',
    '        with:',
    '          registry: ghcr.io',
    '          username: ${{ github.repository_owner }}',
    '      - uses: docker/login-action@v3',
    '        with:',
    '          registry: quay.io',
    '      - uses: docker/build-push-action@v6',
    '        with:',
    '          push: true',
    '          tags: ${{ steps.meta.outputs.tags }}',
    '',
  ].join('\n');
  const [p] = githubActionsReader.read('.github/workflows/docker.yml', text).pipelines ?? [];
  assert.deepEqual(p.deployTargets, ['Docker Hub', 'GitHub Container Registry', 'Quay']);
});

test("AWS's actions that install tools or tend issues deploy nothing; logging in to ECR publishes to a registry", async () => {
  const { githubActionsReader } = await import('../../src/detect/ci/github-actions.js');
  const read = (text: string) => githubActionsReader.read('.github/workflows/x.yml', text).pipelines?.[0];
  const issues = read('name: Reply to closed issues\non: { issues: { types: [closed] } }\njobs:\n  auto_comment:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aws-actions/closed-issue-message@v2\n        with:\n          message: Thanks\n');
  assert.deepEqual([issues?.stages, issues?.deployTargets ?? []], [[], []]);
  const pr = read('name: PR\non: pull_request\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aws-actions/setup-sam@v2\n      - run: cargo nextest run\n      - run: sam build\n');
  assert.ok(!pr?.stages.includes('deploy') && !(pr?.deployTargets ?? []).length, JSON.stringify(pr));
  const images = read('name: Publish\non: push\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n      - uses: aws-actions/amazon-ecr-login@v2\n        with:\n          registry-type: public\n      - run: docker build -t public.ecr.aws/acme/ui . && docker push public.ecr.aws/acme/ui\n');
  assert.deepEqual(images?.deployTargets, ['Amazon ECR']);
  const ecs = read('name: Deploy\non: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n');
  assert.deepEqual([ecs?.stages, ecs?.deployTargets], [['deploy'], ['AWS']]);
});
