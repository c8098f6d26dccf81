import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAll, readWith, reader } from './read.js';

test('serverless: provider, functions, HTTP events, stages and embedded CloudFormation', () => {
  const facts = readWith('serverless', 'infra-serverless', 'serverless.yml');
  assert.deepEqual(facts.hosting, [{ provider: 'AWS', via: 'serverless.yml provider', line: 4 }]);
  assert.deepEqual(facts.services!.map((s) => [s.name, s.kind, s.line]), [
    ['createOrder', 'function', 21],
    ['getOrder', 'function', 27],
    ['processPayment', 'function', 31],
  ]);
  assert.deepEqual(facts.apis, [
    { style: 'REST', name: 'POST /orders', role: 'serves', line: 24, service: 'createOrder' },
    { style: 'REST', name: 'GET /orders/{id}', role: 'serves', line: 30, service: 'getOrder' },
  ]);
  assert.deepEqual(facts.environments!.map((e) => e.name), ['prod', 'staging'], "'${opt:stage}' is not a stage");
  assert.deepEqual(facts.iac!.filter((f) => f.tool === 'cloudformation').map((f) => f.type), ['AWS::DynamoDB::Table', 'AWS::SQS::Queue']);
  assert.deepEqual(Object.keys(readAll('infra-serverless', 'serverless.yml')), ['serverless'], 'not read again as CloudFormation');
});

test('cloudformation: SAM template with !Ref/!GetAtt tags, function folder and API event', () => {
  const facts = readWith('cloudformation', 'infra-sam', 'template.yaml');
  assert.equal(facts.warnings, undefined);
  assert.deepEqual(facts.iac, [
    { tool: 'cloudformation', kind: 'resource', type: 'AWS::Serverless::Function', name: 'HelloWorldFunction', line: 11 },
    { tool: 'cloudformation', kind: 'resource', type: 'AWS::Serverless::SimpleTable', name: 'GreetingsTable', line: 26 },
    { tool: 'cloudformation', kind: 'resource', type: 'AWS::S3::Bucket', name: 'Bucket', line: 28 },
  ]);
  assert.deepEqual(facts.services, [{ name: 'HelloWorldFunction', source: 'sam', kind: 'function', build: 'hello_world', line: 11 }]);
  assert.deepEqual(facts.apis, [{ style: 'REST', name: 'GET /hello', role: 'serves', line: 21, service: 'HelloWorldFunction' }]);
  // (its function's code is here, in hello_world/: it runs on Lambda)
  assert.deepEqual(facts.hosting, [{ provider: 'AWS Lambda', via: 'sam template', line: 1 }]);
});

test('cloudformation: a template AWS accepts but strict YAML rejects is read as AWS reads it, without a warning', () => {
  const text = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  PrivateApi:',
    '    Type: AWS::Serverless::Api',
    '    Properties:',
    '      Auth:',
    '        ResourcePolicy:',
    '          CustomStatements: [{',
    '            "Effect": "Allow"',
    '          }]',
    '  Handler:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      Type: NotAResourceType',
    'Outputs:',
    '  Url:',
    '    Type: AWS::Fake::NotAResource',
  ].join('\n');
  const facts = reader('cloudformation').read('api/template.yaml', text);
  assert.deepEqual(facts.iac, [
    { tool: 'cloudformation', kind: 'resource', type: 'AWS::Serverless::Api', name: 'PrivateApi', line: 4 },
    { tool: 'cloudformation', kind: 'resource', type: 'AWS::Serverless::Function', name: 'Handler', line: 12 },
  ]);
  assert.deepEqual(facts.hosting, [{ provider: 'AWS', via: 'sam template', line: 1 }]);
  assert.equal(facts.warnings, undefined);
});

test('cloudformation: JSON templates, and YAML that only mentions AWS is not claimed', () => {
  const r = reader('cloudformation');
  const json = '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "Queue": { "Type": "AWS::SQS::Queue" }\n  }\n}\n';
  assert.deepEqual(r.read('stack.json', json).iac, [{ tool: 'cloudformation', kind: 'resource', type: 'AWS::SQS::Queue', name: 'Queue', line: 4 }]);
  assert.equal(r.sniff!('region: us-east-1\nservice: AWS Lambda\n'), false);
});

test('pulumi: project runtime, stack environment, and hosting from provider config', () => {
  assert.deepEqual(readWith('pulumi', 'infra-pulumi-cdk', 'infra/Pulumi.yaml').iac, [
    { tool: 'pulumi', kind: 'project', type: 'nodejs', name: 'shop-infra', line: 2 },
  ]);
  const stack = readWith('pulumi', 'infra-pulumi-cdk', 'infra/Pulumi.prod.yaml');
  assert.deepEqual(stack.environments, [{ name: 'prod', via: 'pulumi stack', line: 1 }]);
  assert.deepEqual(stack.hosting, [{ provider: 'AWS', via: 'pulumi stack config', line: 2 }]);
});

test('pulumi: a YAML program declares resources inline', () => {
  const text = 'name: site\nruntime: yaml\nresources:\n  bucket:\n    type: gcp:storage:Bucket\n    properties:\n      location: EU\n';
  const facts = reader('pulumi').read('Pulumi.yaml', text);
  assert.deepEqual(facts.iac, [
    { tool: 'pulumi', kind: 'project', type: 'yaml', name: 'site', line: 2 },
    { tool: 'pulumi', kind: 'resource', type: 'gcp:storage:Bucket', name: 'bucket', line: 4 },
  ]);
  assert.deepEqual(facts.hosting, [{ provider: 'Google Cloud', via: 'pulumi resource', line: 4 }]);
});

test('cdk: cdk.json means an AWS CDK app', () => {
  const facts = readWith('cdk', 'infra-pulumi-cdk', 'cdk/cdk.json');
  assert.deepEqual(facts.hosting, [{ provider: 'AWS', via: 'cdk.json', line: 1 }]);
  assert.equal(facts.iac![0].tool, 'cdk');
  assert.match(reader('cdk').read('cdk.json', '{ nope').warnings![0].message, /^cdk\.json: /);
});

test('cloudformation: a topic only alarms notify and a queue only dead letters reach are plumbing', () => {
  const template = [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Resources:',
    '  AlarmTopic:',
    '    Type: AWS::SNS::Topic',
    '  ErrorsAlarm:',
    '    Type: AWS::CloudWatch::Alarm',
    '    Properties:',
    '      AlarmActions:',
    '        - !Ref AlarmTopic',
    '  DeadLetterQueue:',
    '    Type: AWS::SQS::Queue',
    '  OrdersQueue:',
    '    Type: AWS::SQS::Queue',
    '    Properties:',
    '      RedrivePolicy:',
    '        deadLetterTargetArn: !GetAtt DeadLetterQueue.Arn',
    '        maxReceiveCount: 3',
    '  Worker:',
    '    Type: AWS::Lambda::Function',
    '    Properties:',
    '      Environment:',
    '        Variables:',
    '          QUEUE_URL: !Sub "https://sqs/${OrdersQueue}"',
    '',
  ].join('\n');
  const facts = reader('cloudformation').read('template.yaml', template);
  assert.deepEqual(facts.iac!.filter((f) => f.auxiliary).map((f) => f.name), ['AlarmTopic', 'DeadLetterQueue']);
});

test('cloudformation: a dead-letter queue only an alarm watches is plumbing too', () => {
  const template = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  DeadLetterQueue:\n    Type: AWS::SQS::Queue\n  DeadLetterQueueAlarm:\n    Type: AWS::CloudWatch::Alarm\n    Properties:\n      Dimensions:\n        - Name: QueueName\n          Value: !GetAtt DeadLetterQueue.QueueName\nOutputs:\n  QueueArn:\n    Value: !GetAtt DeadLetterQueue.Arn\n';
  assert.deepEqual(reader('cloudformation').read('dlq.yaml', template).iac!.filter((f) => f.auxiliary).map((f) => f.name), ['DeadLetterQueue']);
});

test('a Lambda layer names the folder it packages: SAM ContentUri, CloudFormation Content, serverless.yml layers', () => {
  const sam = "Transform: AWS::Serverless-2016-10-31\nResources:\n  UtilsLayer:\n    Type: AWS::Serverless::LayerVersion\n    Properties:\n      ContentUri: ./layers/\n  Sdk:\n    Type: AWS::Lambda::LayerVersion\n    Properties:\n      Content: ../layer-sdk\n";
  assert.deepEqual(reader('cloudformation').read('backend/shoppingcart-service.yaml', sam).iac, [
    { tool: 'cloudformation', kind: 'resource', type: 'AWS::Serverless::LayerVersion', name: 'UtilsLayer', line: 3, code: 'backend/layers' },
    { tool: 'cloudformation', kind: 'resource', type: 'AWS::Lambda::LayerVersion', name: 'Sdk', line: 7, code: 'layer-sdk' },
  ]);
  const sls = 'service: media\nprovider:\n  name: aws\nlayers:\n  ffmpeg:\n    path: layer\n';
  assert.deepEqual(reader('serverless').read('aws-ffmpeg-layer/serverless.yml', sls).iac?.find((i) => i.name === 'ffmpeg'), {
    tool: 'serverless', kind: 'resource', type: 'AWS::Lambda::LayerVersion', name: 'ffmpeg', line: 5, code: 'aws-ffmpeg-layer/layer',
  });
});
