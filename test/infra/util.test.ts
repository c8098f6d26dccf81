import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostFromValue, imageName, parseYaml, resolveRelative } from '../../src/detect/infra/util.js';

test('hostFromValue: URLs keep scheme, host and port and drop credentials', () => {
  assert.deepEqual(hostFromValue('DATABASE_URL', 'postgres://user:pw@db:5432/x'), { host: 'db', scheme: 'postgres', port: 5432 });
  assert.deepEqual(hostFromValue('SPRING_DATASOURCE_URL', 'jdbc:postgresql://orders-db:5432/orders'), { host: 'orders-db', scheme: 'postgresql', port: 5432 });
  assert.deepEqual(hostFromValue('MONGO', 'mongodb+srv://u:p@cluster0.abc.mongodb.net/db?retryWrites=true'), { host: 'cluster0.abc.mongodb.net', scheme: 'mongodb+srv' });
  assert.deepEqual(hostFromValue('X', 'http://cart.shop.svc.cluster.local:8080/api'), { host: 'cart', scheme: 'http', port: 8080 });
});

test('hostFromValue: host:port and bare hosts only when the variable names a host', () => {
  assert.deepEqual(hostFromValue('KAFKA_BROKERS', 'kafka-1:9092,kafka-2:9092'), { host: 'kafka-1', port: 9092 });
  assert.deepEqual(hostFromValue('REDIS_HOST', 'redis'), { host: 'redis' });
  assert.equal(hostFromValue('NODE_IMAGE', 'node:20'), undefined);
  assert.equal(hostFromValue('EMAIL_SERVICE', 'app.mail.SmtpService'), undefined);
  assert.deepEqual(hostFromValue('CART_SERVICE_ADDR', 'cart.shop.svc.cluster.local'), { host: 'cart' });
  assert.deepEqual(hostFromValue('DB_HOST', 'db.example.com:5432'), { host: 'db.example.com', port: 5432 });
  assert.equal(hostFromValue('LOG_LEVEL', 'info'), undefined);
  assert.equal(hostFromValue('USE_SERVICE', 'true'), undefined);
  assert.equal(hostFromValue('DB_HOST', 'localhost'), undefined);
  assert.equal(hostFromValue('API_URL', 'http://127.0.0.1:3000'), undefined);
  assert.equal(hostFromValue('API_URL', 'http://${HOST}:3000'), undefined);
  assert.equal(hostFromValue('API_URL', 42), undefined);
});

test('imageName: registry, library/ and tag dropped; variables in the name skipped', () => {
  assert.equal(imageName('docker.io/library/redis:7.2'), 'redis');
  assert.equal(imageName('localhost:5000/acme/api:1@sha256:abc'), 'acme/api');
  assert.equal(imageName('bitnami/postgresql'), 'bitnami/postgresql');
  assert.equal(imageName('node:${NODE_VERSION}'), 'node');
  assert.equal(imageName('${REGISTRY}/api:1'), undefined);
});

test('resolveRelative: repository-relative, normalised, never outside the repository', () => {
  assert.equal(resolveRelative('deploy/compose.yaml', '../services/api/'), 'services/api');
  assert.equal(resolveRelative('compose.yaml', './'), '');
  assert.equal(resolveRelative('compose.yaml', '../other'), undefined);
  assert.equal(resolveRelative('compose.yaml', 'git@github.com:a/b.git'), undefined);
});

test('parseYaml: a CloudFormation flow collection closed at its key\'s indentation is read, as AWS reads it', () => {
  const text = [
    'Globals:',
    '  Function:',
    '    Runtime: nodejs22.x',
    '    VpcConfig: !If [UseVpc, {',
    '      SubnetIds: !Ref subnetIds',
    '    }, !Ref AWS::NoValue]',
    'Resources:',
    '  Executor:',
    '    Type: AWS::Serverless::Function',
    '',
  ].join('\n');
  const { docs, warnings } = parseYaml('template.yml', text);
  assert.deepEqual(warnings, []);
  const value = docs[0].value as { Resources: Record<string, { Type: string }> };
  assert.equal(value.Resources.Executor.Type, 'AWS::Serverless::Function');
  assert.equal(docs[0].lineOf(['Resources', 'Executor']), 8);
  // what is broken otherwise still warns
  assert.equal(parseYaml('bad.yml', 'a: [1, 2\nb: }\n').warnings.length, 1);
});

test('hostFromValue: an s3:// URL with an endpoint is a bucket on that server, not on AWS', () => {
  assert.deepEqual(hostFromValue('SENTRY_BUCKET_PROFILES', 's3://profiles?access_key_id=sentry&secret_access_key=sentry&endpoint=http://seaweedfs:8333'), { host: 'seaweedfs', scheme: 'http', port: 8333 });
  assert.deepEqual(hostFromValue('BUCKET', 's3://profiles?region=us-east-1&endpoint=seaweedfs%3A8333'), { host: 'seaweedfs', port: 8333 });
  assert.deepEqual(hostFromValue('BUCKET_URL', 's3://uploads/avatars'), { host: 'uploads', scheme: 's3' });
});
