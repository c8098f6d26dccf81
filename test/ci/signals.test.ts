import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PipelineSignals, splitCommands, stripVersion } from '../../src/detect/ci/signals.js';

function stagesOf(command: string): string[] {
  const s = new PipelineSignals();
  s.addJob({ commands: [command] });
  return [...s.stages].sort();
}

test('build-tool goals are words: skip flags are not test runs', () => {
  assert.deepEqual(stagesOf('mvn -B package -Dmaven.test.skip=true'), ['build']);
  assert.deepEqual(stagesOf('./gradlew build -x test'), ['build']);
  assert.deepEqual(stagesOf('./mvnw clean verify'), ['test']);
  assert.deepEqual(stagesOf('mvn package -Dmaven.deploy.skip'), ['build']);
  assert.deepEqual(stagesOf('mvn -B deploy -DskipTests'), ['publish']);
});

test('deploy targets come from the command that names the platform', () => {
  const s = new PipelineSignals();
  s.addJob({ commands: ['flyctl deploy --remote-only', 'npx vercel deploy --prod', 'cargo publish --token $T'] });
  assert.deepEqual([...s.targets].sort(), ['Fly.io', 'Vercel', 'crates.io']);
});

test('comment lines say nothing; continuation lines are one command', () => {
  assert.deepEqual(splitCommands('# docker push x\nnpm ci && npm test'), ['npm ci', 'npm test']);
  assert.deepEqual(splitCommands('docker build \\\n  -t x .'), ['docker build -t x .']);
});

test('versions are stripped from action, orb, pipe and plugin references', () => {
  assert.equal(stripVersion('actions/checkout@v4'), 'actions/checkout');
  assert.equal(stripVersion('docker-compose#v4.16.0'), 'docker-compose');
  assert.equal(stripVersion('atlassian/aws-ecs-deploy:1.12.1'), 'atlassian/aws-ecs-deploy');
  assert.equal(stripVersion('github/codeql-action/init@v3'), 'github/codeql-action/init');
  assert.equal(stripVersion('pypa/gh-action-pypi-publish@release/v1'), 'pypa/gh-action-pypi-publish', 'a ref may hold a slash');
});

test('credentials alone, or code signing in the cloud, are neither a deployment nor a target', () => {
  const s = new PipelineSignals();
  s.addJob({ uses: ['aws-actions/configure-aws-credentials@v4', 'azure/login@v2', 'azure/setup-kubectl@v4', 'azure/trusted-signing-action@v0.5.1'] });
  assert.deepEqual([...s.stages], []);
  assert.deepEqual([...s.targets], []);
});

test('a registry or a version string in a step name is no test or lint stage', () => {
  const named = (name: string) => {
    const s = new PipelineSignals();
    s.addJob({ names: [name] });
    return [...s.stages].sort();
  };
  assert.deepEqual(named('Publish to Test PyPI'), ['publish']);
  assert.deepEqual(named('Validate version format'), []);
  assert.deepEqual(named('Run unit tests'), ['test']);
  assert.deepEqual(named('Check format'), ['lint']);
});

test('a build configuration is no release, a jar name no docs build; a NuGet push publishes', () => {
  const named = (name: string) => {
    const s = new PipelineSignals();
    s.addJob({ names: [name] });
    return [...s.stages].sort();
  };
  assert.deepEqual(named('Build (Release)'), ['build']);
  assert.deepEqual(named('Release'), ['release']);
  assert.deepEqual(stagesOf('for f in target/*.jar; do case "$f" in *"-javadoc.jar") continue;; esac; done'), []);
  assert.deepEqual(stagesOf('mvn -B javadoc:javadoc'), ['docs']);
  const s = new PipelineSignals();
  s.addJob({ commands: ['dotnet nuget push "**/*.nupkg" --source https://api.nuget.org/v3/index.json'] });
  assert.deepEqual([...s.stages].sort(), ['publish', 'release']);
  assert.deepEqual([...s.targets], ['NuGet']);
});
