import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { infraReaders } from '../../src/detect/infra/index.js';

/** A path each reader would be handed, so read() takes its real branch. */
function pathFor(id: string): string {
  const names: Record<string, string> = {
    dockerfile: 'Dockerfile', compose: 'docker-compose.yml', kubernetes: 'k8s/app.yaml', kustomize: 'kustomization.yaml',
    'helm-chart': 'Chart.yaml', 'helm-values': 'values.yaml', skaffold: 'skaffold.yaml', terraform: 'main.tf',
    cloudformation: 'template.yaml', cdk: 'cdk.json', pulumi: 'Pulumi.dev.yaml', serverless: 'serverless.yml',
    vercel: 'vercel.json', netlify: 'netlify.toml', fly: 'fly.toml', render: 'render.yaml', railway: 'railway.toml',
    procfile: 'Procfile', 'heroku-app-json': 'app.json', 'heroku-yml': 'heroku.yml', 'app-engine': 'app.yaml',
    cloudbuild: 'cloudbuild.yaml', azd: 'azure.yaml', dockerrun: 'Dockerrun.aws.json', 'elastic-beanstalk': '.ebextensions/a.config',
    wrangler: 'wrangler.toml', firebase: 'firebase.json', amplify: 'amplify.yml', apprunner: 'apprunner.yaml',
    'codedeploy-appspec': 'appspec.yml', dotenv: '.env.example', 'helm-requirements': 'requirements.yaml', bicep: 'main.bicep', kamal: 'config/deploy.yml',
  };
  return names[id] ?? 'file.yaml';
}

// Fragments that steer random text into each parser's interesting corners.
const fragment = fc.constantFrom(
  'apiVersion: apps/v1\n', 'kind: Deployment\n', 'services:\n', '  api:\n', '    image: ', '    build: ', '<<: *a\n', '&a ', '*a',
  'resource "aws_s3_bucket" "x" {\n', '}\n', '{', '"', '<<EOF\n', 'EOF\n', '/*', '#', 'FROM ', 'ARG X=${', 'EXPOSE 80\n', '\\\n',
  '---\n', '[', ']', ':', '- ', 'Resources:\n', '  Type: AWS::S3::Bucket\n', 'functions:\n', '[processes]\n', 'web: x\n', '\u0000', '\uFFFD',
  'env:\n', '- name: A\n  value: http://u:p@h:1\n', 'DATABASE_URL=postgres://u:p@db/x\n',
);
const text = fc.oneof(fc.string({ maxLength: 300 }), fc.array(fc.oneof(fragment, fc.string({ maxLength: 8 })), { maxLength: 40 }).map((a) => a.join('')));

test('every infra reader returns an object for any text and never throws', () => {
  for (const reader of infraReaders) {
    fc.assert(
      fc.property(text, (t) => {
        const facts = reader.read(pathFor(reader.id), t);
        assert.equal(typeof facts, 'object');
        if (reader.sniff) reader.sniff(t);
      }),
      { numRuns: 150, seed: 42 },
    );
  }
});

test('deeply nested and alias-heavy YAML does not throw', () => {
  const bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';
  const deep = 'image:\n' + Array.from({ length: 200 }, (_, i) => ' '.repeat(i + 1) + 'x:\n').join('');
  for (const reader of infraReaders) {
    assert.equal(typeof reader.read(pathFor(reader.id), bomb), 'object');
    assert.equal(typeof reader.read(pathFor(reader.id), deep), 'object');
  }
});
