/**
 * SST (v3, on Pulumi): sst.config.ts names the home cloud, and the infrastructure code beside it
 * (infra/*.ts, stacks/*.ts) creates components: `new sst.aws.Dynamo("Notes")`, `api.route("GET /notes",
 * "packages/functions/src/list.main")`. Read as text, never run: a component is the resource type it deploys.
 */
import type { ApiFact, FileFacts, HostingFact, IacFact, Reader, ServiceFact } from '../facts.js';
import { lineAt, lineStarts, maskCode } from '../imports/lexer.js';
import { compact } from './util.js';

/** "packages/functions/src/list.main" -> "packages/functions/src": the folder of a handler's file. */
const folderOf = (handler: string) => handler.slice(0, Math.max(0, handler.lastIndexOf('/')));

/** The AWS resource each SST component deploys, as CloudFormation names it, so the catalogue reads both alike. */
const AWS_COMPONENTS: Record<string, string> = {
  Dynamo: 'AWS::DynamoDB::Table',
  Bucket: 'AWS::S3::Bucket',
  Function: 'AWS::Lambda::Function',
  ApiGatewayV1: 'AWS::ApiGateway::RestApi',
  ApiGatewayV2: 'AWS::ApiGatewayV2::Api',
  ApiGatewayWebSocket: 'AWS::ApiGatewayV2::Api',
  AppSync: 'AWS::AppSync::GraphQLApi',
  Queue: 'AWS::SQS::Queue',
  SnsTopic: 'AWS::SNS::Topic',
  Bus: 'AWS::Events::EventBus',
  Cron: 'AWS::Scheduler::Schedule',
  CronV2: 'AWS::Scheduler::Schedule',
  Postgres: 'AWS::RDS::DBCluster',
  Aurora: 'AWS::RDS::DBCluster',
  Mysql: 'AWS::RDS::DBInstance',
  Redis: 'AWS::ElastiCache::ReplicationGroup',
  OpenSearch: 'AWS::OpenSearchService::Domain',
  CognitoUserPool: 'AWS::Cognito::UserPool',
  CognitoIdentityPool: 'AWS::Cognito::IdentityPool',
  Email: 'AWS::SES::EmailIdentity',
  KinesisStream: 'AWS::Kinesis::Stream',
  Vpc: 'AWS::EC2::VPC',
  Cluster: 'AWS::ECS::Cluster',
  Service: 'AWS::ECS::Service',
  StaticSite: 'AWS::CloudFront::Distribution',
  Router: 'AWS::CloudFront::Distribution',
};

const HOME: Record<string, string> = { aws: 'AWS', cloudflare: 'Cloudflare', local: '' };

const JS = { lineComments: ['//'], blockComments: [{ open: '/*', close: '*/' }], quotes: ['"', "'", '`'] };

export const sstReader: Reader = {
  id: 'sst',
  patterns: [/(^|\/)sst\.config\.[cm]?[jt]s$/, /(^|\/)(?:infra|stacks)\/(?:[^/]+\/)*[^/]+\.[cm]?[jt]s$/],
  sniff: (text) => text.includes('sst.') || text.includes('$config'),
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const { masked, literals } = maskCode(text, JS);
    const starts = lineStarts(text);
    const iac: IacFact[] = [];
    const hosting: HostingFact[] = [];
    const services: ServiceFact[] = [];
    const apis: ApiFact[] = [];
    if (/(^|\/)sst\.config\.[cm]?[jt]s$/.test(path)) {
      const home = /\bhome\s*:\s*"/.exec(masked);
      const provider = home ? HOME[literals.get(home.index + home[0].length - 1) ?? ''] : undefined;
      const line = home ? lineAt(starts, home.index) : 1;
      iac.push({ tool: 'sst', kind: 'project', type: 'sst', line: 1 });
      if (provider) hosting.push({ provider, via: 'sst.config.ts home', line });
    }
    for (const m of masked.matchAll(/\bnew\s+sst\s*\.\s*(aws|cloudflare)\s*\.\s*(\w+)\s*\(\s*"/g)) {
      const name = literals.get(m.index + m[0].length - 1);
      const type = m[1] === 'aws' ? AWS_COMPONENTS[m[2]] : undefined;
      const line = lineAt(starts, m.index);
      iac.push(compact({ tool: 'sst' as const, kind: 'resource' as const, type: type ?? `sst.${m[1]}.${m[2]}`, name, line }));
      if (m[1] === 'aws' && m[2] === 'Function') {
        const handler = /\bhandler\s*:\s*"/.exec(masked.slice(m.index, m.index + 2000));
        const target = handler ? literals.get(m.index + handler.index + handler[0].length - 1) : undefined;
        if (name) services.push(compact({ name, source: 'sst', kind: 'function' as const, build: target ? folderOf(target) : undefined, line }));
      }
    }
    // api.route("GET /notes", "packages/functions/src/list.main"): a route, and the function that serves it
    for (const m of masked.matchAll(/\.\s*route\s*\(\s*"/g)) {
      const route = literals.get(m.index + m[0].length - 1);
      if (!route || !/^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY|\$default)\s+\/|^\//.test(route)) continue;
      const line = lineAt(starts, m.index);
      const rest = masked.slice(m.index + m[0].length, m.index + m[0].length + 400);
      // the route's own literal is blanked to spaces in `masked`: the handler is the next string after a comma
      const handler = /^\s*,\s*"/.exec(rest);
      const target = handler ? literals.get(m.index + m[0].length + handler[0].length - 1) : undefined;
      const routed = target !== undefined && /\.\w+$/.test(target);
      if (routed) services.push({ name: target, source: 'sst', kind: 'function', build: folderOf(target), line });
      // the route belongs to the function that serves it, which then answers requests rather than working in the background
      apis.push(compact({ style: 'REST' as const, name: route.startsWith('/') ? `ANY ${route}` : route, role: 'serves' as const, line, service: routed ? target : undefined }));
    }
    return compact({ iac, hosting, services, apis });
  },
};
