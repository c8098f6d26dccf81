/**
 * Serverless configurations, on the shapes real repositories take: a SAM stack with a layer its functions
 * share, Cloudflare Workers that answer HTTP or only run on a timer, and the bindings a Worker is given.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from '../../src/index.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { analyzed } from '../helpers.js';

const kindOf = (model: ArchitectureModel, path: string) => model.containers.find((c) => c.path === path)?.kind;

describe('a SAM stack whose functions share a layer (aws-serverless-shopping-cart)', () => {
  let model: ArchitectureModel;
  analyzed('archmd-serverless-layer-', {
    'README.md': '# Shopping cart\n\nA serverless shopping cart.\n',
    'backend/shoppingcart-service.yaml': [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  UtilsLayer:',
      '    Type: AWS::Serverless::LayerVersion',
      '    Properties:',
      '      ContentUri: ./layers/',
      '      CompatibleRuntimes:',
      '        - python3.8',
      '  ListCartRequest:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      CodeUri: shopping-cart-service/',
      '      Handler: list_cart.lambda_handler',
      '      Layers:',
      '        - !Ref UtilsLayer',
      '      Events:',
      '        ListCart:',
      '          Type: Api',
      '          Properties:',
      '            Path: /cart',
      '            Method: get',
      '',
    ].join('\n'),
    'backend/layers/requirements.txt': 'requests==2.31.0\naws-lambda-powertools==2.0.0\n',
    'backend/layers/shared.py': 'def get_headers(cart_id):\n    return {}\n',
    'backend/shopping-cart-service/requirements.txt': 'boto3==1.26.0\n',
    'backend/shopping-cart-service/list_cart.py': 'from shared import get_headers\n\ndef lambda_handler(event, context):\n    return {"statusCode": 200}\n',
    'layer-sdk/package.json': JSON.stringify({ name: 'aws-sdk-layer', private: true, description: 'A layer used by Lambda functions in this project.', dependencies: { '@aws-sdk/client-s3': '^3.0.0' } }),
    'serverless.yml': 'service: tools\nprovider:\n  name: aws\n  runtime: nodejs20.x\nlayers:\n  sdk:\n    path: layer-sdk\nfunctions:\n  hello:\n    handler: handler.hello\n',
    'handler.js': 'module.exports.hello = async () => ({ statusCode: 200 });\n',
  }, (m) => (model = m));

  it('takes the folder a layer packages for a library the functions share, not an application', () => {
    assert.equal(kindOf(model, 'backend/layers'), 'library');
    assert.equal(kindOf(model, 'layer-sdk'), 'library');
    assert.equal(kindOf(model, 'backend/shopping-cart-service'), 'function');
    assert.doesNotMatch(render(model), /\*\*aws-sdk-layer\*\* by running it/);
  });
});
