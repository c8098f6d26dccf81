/** Lookups a reader will make, with each ecosystem's own spelling rules, and the near misses that must not match. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allTechnologies, globToRegExp, matchTechnologies, technologyById } from '../../src/catalogue/match.js';
import type { MatcherKind } from '../../src/catalogue/types.js';

function ids(kind: MatcherKind, value: string): string[] {
  return matchTechnologies(kind, value).map((t) => t.id);
}

function has(kind: MatcherKind, value: string, id: string): void {
  assert.ok(ids(kind, value).includes(id), `${kind} "${value}" should reveal ${id}, got [${ids(kind, value).join(', ')}]`);
}

function lacks(kind: MatcherKind, value: string, id: string): void {
  assert.ok(!ids(kind, value).includes(id), `${kind} "${value}" must not reveal ${id}`);
}

test('maven: exact coordinates and group wildcards', () => {
  has('maven', 'org.springframework.boot:spring-boot-starter-web', 'spring-boot');
  has('maven', 'org.springframework.boot:spring-boot-starter-web', 'spring-mvc');
  has('maven', 'org.springframework.boot:spring-boot-starter-data-jpa', 'spring-data-jpa');
  has('maven', 'org.postgresql:postgresql', 'postgresql');
  has('maven', 'io.grpc:grpc-netty-shaded', 'grpc');
  has('maven', 'software.amazon.awssdk:s3', 'amazon-s3');
  has('maven', 'software.amazon.awssdk:s3', 'aws-sdk');
  has('maven', 'com.amazonaws:aws-java-sdk-dynamodb', 'amazon-dynamodb');
  lacks('maven', 'com.amazonaws:aws-java-sdk-core', 'amazon-dynamodb');
  lacks('maven', 'org.springframework.bootx:anything', 'spring-boot');
  lacks('maven', 'org.postgresql:r2dbc-postgresql-extra', 'hibernate');
  assert.deepEqual(ids('maven', 'com.example:unknown'), []);
});

test('pypi: names are normalised per PEP 503 and extras are ignored', () => {
  assert.deepEqual(ids('pypi', 'Flask'), ['flask']);
  has('pypi', 'fastapi', 'fastapi');
  has('pypi', 'fastapi[all]', 'fastapi');
  has('pypi', 'psycopg2_binary', 'postgresql');
  has('pypi', 'Psycopg2.Binary', 'postgresql');
  has('pypi', 'SQLAlchemy', 'sqlalchemy');
  has('pypi', 'google-cloud-storage', 'google-cloud-storage');
  has('pypi', 'google_cloud_pubsub', 'google-cloud-sdk');
  lacks('pypi', 'flask-cors', 'flask');
  // kombu speaks to SQS and Redis as well: it proves no broker
  assert.deepEqual(ids('pypi', 'kombu'), []);
  lacks('pypi', 'fastapi-utils', 'fastapi');
});

test('go: module path equality or a path below it, including major versions', () => {
  assert.deepEqual(ids('go', 'github.com/gin-gonic/gin'), ['gin']);
  has('go', 'github.com/jackc/pgx/v5', 'postgresql');
  has('go', 'github.com/redis/go-redis/v9', 'redis');
  has('go', 'github.com/labstack/echo/v4', 'echo');
  has('go', 'github.com/aws/aws-sdk-go-v2/service/sqs', 'amazon-sqs');
  has('go', 'go.opentelemetry.io/otel/sdk', 'opentelemetry');
  lacks('go', 'github.com/gin-gonic/gin-contrib', 'gin');
  lacks('go', 'github.com/aws/aws-sdk-go-v2/service/sqsx', 'amazon-sqs');
  lacks('go', 'github.com/jackc/pgxpool', 'postgresql');
});

test('npm: exact names only', () => {
  assert.deepEqual(ids('npm', 'react'), ['react']);
  lacks('npm', 'reactive', 'react');
  lacks('npm', 'react-icons', 'react');
  has('npm', 'next', 'nextjs');
  has('npm', '@aws-sdk/client-s3', 'amazon-s3');
  has('npm', '@aws-sdk/client-s3', 'aws-sdk');
  has('npm', '@aws-sdk/client-dynamodb', 'amazon-dynamodb');
  lacks('npm', '@aws-sdk/client-dynamodb', 'amazon-s3');
  has('npm', '@prisma/client', 'prisma');
  has('npm', 'kafkajs', 'kafka');
  has('npm', 'ioredis', 'redis');
});

test('nuget, composer and gem names are case-insensitive; cargo treats "-" and "_" alike', () => {
  has('nuget', 'Npgsql', 'postgresql');
  has('nuget', 'npgsql', 'postgresql');
  has('nuget', 'Microsoft.EntityFrameworkCore.SqlServer', 'ef-core');
  has('nuget', 'Microsoft.EntityFrameworkCore.SqlServer', 'sql-server');
  has('nuget', 'AWSSDK.SQS', 'amazon-sqs');
  has('nuget', 'Grpc.AspNetCore', 'grpc');
  has('nuget', 'Aspire.RabbitMQ.Client', 'rabbitmq');
  has('nuget', 'Aspire.RabbitMQ.Client', 'dotnet-aspire');
  has('nuget', 'Aspire.Npgsql.EntityFrameworkCore.PostgreSQL', 'postgresql');
  has('nuget', 'xunit.v3.mtp-v2', 'xunit');
  lacks('nuget', 'AspireX.Something', 'dotnet-aspire');
  has('composer', 'Laravel/Framework', 'laravel');
  has('gem', 'pg', 'postgresql');
  has('gem', 'Rails', 'rails');
  has('cargo', 'tokio_postgres', 'postgresql');
  has('cargo', 'actix-web', 'actix-web');
  has('cargo', 'aws-sdk-s3', 'amazon-s3');
  lacks('cargo', 'actix', 'actix-web');
  // each Rust test crate is itself: quickcheck is no proptest, httpmock no wiremock
  has('cargo', 'quickcheck', 'quickcheck-rs');
  lacks('cargo', 'quickcheck', 'proptest');
  has('cargo', 'httpmock', 'httpmock-rs');
  lacks('cargo', 'httpmock', 'wiremock-rs');
  has('hex', 'postgrex', 'postgresql');
  has('hex', 'phoenix', 'phoenix');
  has('nuget', 'Shouldly', 'shouldly');
  has('gem', 'webmock', 'webmock');
  lacks('gem', 'webmock', 'vcr');
  lacks('nuget', 'Shouldly', 'fluentassertions');
});

test("image: registry host, tag and digest are dropped, library/ is optional, another owner's copy keeps the product", () => {
  has('image', 'bitnami/postgresql', 'postgresql');
  has('image', 'postgres', 'postgresql');
  has('image', 'postgres:16-alpine', 'postgresql');
  has('image', 'library/postgres', 'postgresql');
  has('image', 'docker.io/library/postgres:16', 'postgresql');
  has('image', 'postgis/postgis', 'postgis');
  // republished under another owner, the product keeps its name
  has('image', 'debezium/postgres:16-alpine', 'postgresql');
  has('image', 'debezium/zookeeper', 'zookeeper');
  lacks('image', 'acme/orders-api', 'postgresql');
  lacks('image', 'acme/registry', 'docker-registry');
  has('image', 'postgis/postgis', 'postgresql');
  has('image', 'redis/redis-stack', 'redis');
  has('image', 'confluentinc/cp-kafka', 'kafka');
  has('image', 'bitnami/kafka', 'kafka');
  has('image', 'apache/kafka', 'kafka');
  has('image', 'docker.elastic.co/elasticsearch/elasticsearch:8.13.0', 'elasticsearch');
  has('image', 'elasticsearch/elasticsearch', 'elasticsearch');
  has('image', 'localstack/localstack', 'localstack');
  has('image', 'minio/minio', 'minio');
  has('image', 'mcr.microsoft.com/mssql/server:2022-latest', 'sql-server');
  has('image', 'quay.io/keycloak/keycloak', 'keycloak');
  has('image', 'localhost:5000/redis', 'redis');
  has('image', 'nginx@sha256:0123abcd', 'nginx');
  has('image', 'acme/postgres', 'postgresql');
  lacks('image', 'postgres-exporter', 'postgresql');
});

test('file: base-name patterns, root-anchored paths and "**/" paths', () => {
  has('file', 'apps/web/next.config.mjs', 'nextjs');
  has('file', 'next.config.ts', 'nextjs');
  lacks('file', 'docs/next.config.md', 'nextjs');
  has('file', 'Dockerfile', 'docker');
  has('file', 'services/api/Dockerfile.prod', 'docker');
  has('file', 'docker/api.Dockerfile', 'docker');
  has('file', 'docker-compose.yml', 'docker-compose');
  has('file', 'deploy/compose.prod.yaml', 'docker-compose');
  has('file', 'docker-compose_dev.yml', 'docker-compose');
  lacks('file', 'composer.json', 'docker-compose');
  has('file', '.github/workflows/ci.yml', 'github-actions');
  lacks('file', 'docs/.github/workflows/ci.yml', 'github-actions');
  lacks('file', '.github/workflows/nested/ci.yml', 'github-actions');
  has('file', 'infra/main.tf', 'terraform');
  has('file', 'charts/api/Chart.yaml', 'helm');
  has('file', 'packages/db/prisma/schema.prisma', 'prisma');
  has('file', '.gitlab-ci.yml', 'gitlab-ci');
  has('file', 'src/App.csproj', 'csharp');
  has('file', 'build.gradle.kts', 'gradle');
  has('file', 'eslint.config.mjs', 'eslint');
  has('file', '.eslintrc.json', 'eslint');
  has('file', 'vitest.config.ts', 'vitest');
  lacks('file', 'vitest.config.md', 'vitest');
  has('file', './vercel.json', 'vercel');
  has('file', 'web\\tailwind.config.js', 'tailwindcss');
  assert.deepEqual(ids('file', 'src/index.ts'), []);
});

test('terraform, CloudFormation and GitHub Actions', () => {
  has('terraformResource', 'aws_db_instance', 'amazon-rds');
  has('terraformResource', 'aws_rds_cluster', 'amazon-rds');
  has('terraformResource', 'aws_rds_cluster', 'amazon-aurora');
  has('terraformResource', 'aws_s3_bucket_policy', 'amazon-s3');
  has('terraformResource', 'aws_elasticache_replication_group', 'amazon-elasticache');
  has('terraformResource', 'google_cloud_run_v2_service', 'cloud-run');
  has('terraformResource', 'google_sql_database_instance', 'cloud-sql');
  has('terraformResource', 'azurerm_kubernetes_cluster', 'aks');
  has('terraformResource', 'azurerm_postgresql_flexible_server', 'azure-database-postgresql');
  lacks('terraformResource', 'aws_dbx_thing', 'amazon-rds');
  has('terraformProvider', 'aws', 'aws');
  has('terraformProvider', 'hashicorp/google', 'gcp');
  has('terraformProvider', 'registry.terraform.io/hashicorp/azurerm', 'azure');
  has('cloudformation', 'AWS::RDS::DBInstance', 'amazon-rds');
  has('cloudformation', 'AWS::Serverless::Function', 'aws-lambda');
  has('cloudformation', 'AWS::Serverless::Function', 'aws-sam');
  has('cloudformation', 'AWS::DynamoDB::Table', 'amazon-dynamodb');
  has('githubAction', 'aws-actions/configure-aws-credentials@v4', 'aws');
  has('githubAction', 'Azure/login@v2', 'azure');
  has('githubAction', 'github/codeql-action/init@v3', 'codeql');
  has('githubAction', 'docker/build-push-action', 'docker');
  lacks('githubAction', 'github/codeql-action-extra/init', 'codeql');
});

test('URL schemes and environment names', () => {
  has('urlScheme', 'postgres', 'postgresql');
  has('urlScheme', 'postgresql+asyncpg', 'postgresql');
  has('urlScheme', 'jdbc:mysql', 'mysql');
  has('urlScheme', 'mongodb+srv', 'mongodb');
  has('urlScheme', 'rediss', 'redis');
  has('urlScheme', 'AMQP', 'rabbitmq');
  has('urlScheme', 'nats', 'nats');
  has('urlScheme', 'mqtt', 'mqtt');
  assert.deepEqual(ids('urlScheme', 'https'), []);
  has('env', 'STRIPE_SECRET_KEY', 'stripe');
  assert.deepEqual(ids('env', 'DATABASE_URL'), []);
});

test('lookups return catalogue order, never throw, and ids resolve', () => {
  const first = ids('maven', 'org.springframework.boot:spring-boot-starter-web');
  assert.deepEqual(first, ids('maven', 'org.springframework.boot:spring-boot-starter-web'));
  assert.ok(first.indexOf('spring-boot') < first.indexOf('spring-mvc'));
  for (const kind of ['npm', 'file', 'image', 'go', 'urlScheme', 'githubAction'] as MatcherKind[]) {
    assert.deepEqual(matchTechnologies(kind, ''), []);
    assert.deepEqual(matchTechnologies(kind, 'x'.repeat(5000)), []);
    assert.deepEqual(matchTechnologies(kind, undefined as unknown as string), []);
  }
  assert.equal(technologyById('postgresql')?.name, 'PostgreSQL');
  assert.equal(technologyById('no-such-thing'), undefined);
  assert.ok(allTechnologies().length >= 850);
});

test('every exact matcher value finds its own technology', () => {
  for (const tech of allTechnologies()) {
    for (const [kind, list] of Object.entries(tech.match) as [MatcherKind, string[]][]) {
      for (const value of list) {
        if (kind === 'file' && /[*{]/.test(value)) continue;
        const probe = value.endsWith('*') ? value.slice(0, -1) + 'x' : value;
        assert.ok(ids(kind, probe).includes(tech.id), `${tech.id}: ${kind} "${probe}" does not find it`);
      }
    }
  }
});

test('globs: "*" stays in a segment, "**/" crosses zero or more, braces choose', () => {
  assert.ok(globToRegExp('*.tf').test('main.tf'));
  assert.ok(!globToRegExp('.github/workflows/*.yml').test('.github/workflows/a/b.yml'));
  assert.ok(globToRegExp('**/prisma/schema.prisma').test('prisma/schema.prisma'));
  assert.ok(globToRegExp('**/prisma/schema.prisma').test('a/b/prisma/schema.prisma'));
  assert.ok(globToRegExp('next.config.{js,mjs}').test('next.config.mjs'));
  assert.ok(!globToRegExp('next.config.{js,mjs}').test('next.config.md'));
  assert.ok(!globToRegExp('a+b.(c)').test('aab.c'));
});

test('Spring Cloud Bus and Stream binders name the broker they carry messages over', () => {
  has('maven', 'org.springframework.cloud:spring-cloud-starter-bus-amqp', 'rabbitmq');
  has('maven', 'org.springframework.cloud:spring-cloud-starter-stream-kafka', 'kafka');
});

test('Azure resource types from Bicep, with or without their API version', () => {
  has('azureResource', 'Microsoft.DBforPostgreSQL/flexibleServers@2023-03-01-preview', 'azure-database-postgresql');
  has('azureResource', 'microsoft.app/containerApps', 'azure-container-apps');
  has('azureResource', 'Microsoft.DocumentDB/databaseAccounts@2024-05-15', 'cosmos-db');
  assert.deepEqual(ids('azureResource', 'Microsoft.Resources/resourceGroups'), []);
});
