import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCi } from './read-fixture.js';

test('GitLab CI: stages, merged templates, environments, includes, Pages', () => {
  const facts = readCi('ci-gitlab-monorepo', '.gitlab-ci.yml');
  const [p] = facts.pipelines ?? [];
  assert.equal(p.system, 'GitLab CI');
  for (const s of ['test', 'build', 'publish', 'deploy'] as const) assert.ok(p.stages.includes(s), s);
  assert.deepEqual(p.deployTargets, ['GitLab Container Registry', 'GitLab Pages', 'Kubernetes']);
  assert.deepEqual(p.environments, ['production'], 'review/$CI_COMMIT_REF_SLUG is an expression, not a name');
  assert.deepEqual(facts.actions?.map((a) => a.ref), ['acme/ci-templates/templates/docker.yml', 'template:Security/SAST.gitlab-ci.yml', 'ci/common.yml']);
  assert.equal(facts.actions?.[1].line, 5);
});

test('Jenkinsfile: stage names and sh steps, comments ignored', () => {
  const [p] = readCi('ci-misc', 'Jenkinsfile').pipelines ?? [];
  assert.equal(p.system, 'Jenkins');
  assert.deepEqual(p.stages, ['test', 'build', 'deploy']);
  assert.deepEqual(p.deployTargets, ['Kubernetes']);
  assert.deepEqual(p.triggers, ['schedule']);
  assert.equal(p.line, 2);
});

test('CircleCI: orbs are uses; the ECR orb publishes to Amazon ECR, a registry', () => {
  const facts = readCi('ci-misc', '.circleci/config.yml');
  const [p] = facts.pipelines ?? [];
  assert.deepEqual(facts.actions, [
    { ref: 'circleci/aws-ecr', line: 3 },
    { ref: 'circleci/node', line: 4 },
  ]);
  assert.deepEqual(p.stages, ['test', 'publish']);
  assert.deepEqual(p.deployTargets, ['Amazon ECR']);
});

test('Bitbucket: pipes, deployments and triggers', () => {
  const [p] = readCi('ci-misc', 'bitbucket-pipelines.yml').pipelines ?? [];
  assert.deepEqual(p.uses, [{ ref: 'atlassian/aws-ecs-deploy', line: 15 }]);
  assert.deepEqual(p.environments, ['production']);
  assert.deepEqual(p.deployTargets, ['AWS']);
  assert.deepEqual(p.triggers, ['push']);
});

test('Travis: the pypi deploy provider', () => {
  const [p] = readCi('ci-misc', '.travis.yml').pipelines ?? [];
  assert.deepEqual(p.deployTargets, ['PyPI']);
  assert.ok(p.stages.includes('test') && p.stages.includes('release'));
});

test('Azure Pipelines: tasks, deployment environment, pr: none', () => {
  const [p] = readCi('ci-misc', 'azure-pipelines.yml').pipelines ?? [];
  assert.deepEqual(p.uses, [
    { ref: 'DotNetCoreCLI', line: 9 },
    { ref: 'AzureWebApp', line: 21 },
  ]);
  assert.deepEqual(p.deployTargets, ['Azure']);
  assert.deepEqual(p.environments, ['production']);
  assert.deepEqual(p.triggers, ['push']);
  assert.ok(p.stages.includes('test') && p.stages.includes('build'));
});

test('Drone: only pipeline documents; plugin images are uses', () => {
  const facts = readCi('ci-misc', '.drone.yml');
  assert.equal(facts.pipelines?.length, 1);
  const [p] = facts.pipelines ?? [];
  assert.equal(p.name, 'default');
  assert.equal(p.line, 3);
  assert.deepEqual(p.uses, [{ ref: 'plugins/docker', line: 11 }]);
  assert.deepEqual(p.triggers, ['push', 'tag']);
  assert.deepEqual(p.stages, ['test', 'publish']);
});

test('Buildkite: plugins without versions', () => {
  const [p] = readCi('ci-misc', '.buildkite/pipeline.yml').pipelines ?? [];
  assert.deepEqual(p.uses, [{ ref: 'docker-compose', line: 5 }]);
  assert.ok(p.stages.includes('test'));
});

test('a kaniko push split over continuation lines is a publish', async () => {
  const { gitlabReader } = await import('../../src/detect/ci/gitlab.js');
  const yml = 'build:\n  script:\n    - |\n      /kaniko/executor \\\n        --context "$CI_PROJECT_DIR" \\\n        --destination "${CI_REGISTRY_IMAGE}:latest"\n';
  const [p] = gitlabReader.read('.gitlab-ci.yml', yml).pipelines ?? [];
  assert.ok(p.stages.includes('publish'));
  assert.deepEqual(p.deployTargets, ['GitLab Container Registry']);
});

test('publishing a Maven artifact is not a container registry push', async () => {
  const { gitlabReader } = await import('../../src/detect/ci/gitlab.js');
  const [p] = gitlabReader.read('.gitlab-ci.yml', 'release:\n  script:\n    - mvn -B deploy -DskipTests\n    - yarn npm publish\n').pipelines ?? [];
  assert.ok(p.stages.includes('publish'));
  assert.deepEqual(p.deployTargets, ['npm registry']);
});

test('Azure CLI task: its inline script is read; the task alone names Azure but no deployment', async () => {
  const { azurePipelinesReader } = await import('../../src/detect/ci/azure-pipelines.js');
  const yml = 'steps:\n  - task: AzureCLI@2\n    inputs:\n      scriptType: bash\n      inlineScript: |\n        az storage blob upload-batch -d reports -s out\n';
  const [p] = azurePipelinesReader.read('azure-pipelines.yml', yml).pipelines ?? [];
  assert.deepEqual(p.stages, []);
  assert.deepEqual(p.deployTargets, ['Azure']);
  const deploy = 'steps:\n  - task: AzureCLI@2\n    inputs:\n      inlineScript: az webapp deploy --name shop --src-path app.zip\n';
  const [q] = azurePipelinesReader.read('azure-pipelines.yml', deploy).pipelines ?? [];
  assert.deepEqual(q.stages, ['deploy']);
});
