import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readWith, reader, claims } from './read.js';

const FIX = 'infra-compose-microservices';

test('dockerfile: base images skip earlier stages, scratch and unresolved ARG names; ARG defaults are substituted', () => {
  const facts = readWith('dockerfile', FIX, 'services/api/Dockerfile');
  assert.deepEqual(facts.images, [
    { name: 'node', ref: 'node:20-alpine', line: 5, role: 'base' },
    { name: 'distroless/nodejs20-debian12', ref: 'gcr.io/distroless/nodejs20-debian12', line: 18, role: 'base', final: true },
  ]);
  const worker = readWith('dockerfile', FIX, 'services/worker/Dockerfile');
  assert.deepEqual(worker.images!.map((i) => i.name), ['golang'], 'FROM scratch is not an image');
});

test('dockerfile: a FROM inside a RUN heredoc is not an instruction', () => {
  const facts = readWith('dockerfile', FIX, 'services/api/Dockerfile');
  assert.ok(!facts.images!.some((i) => i.name === 'evil'));
});

test('dockerfile: only RUN/COPY/ADD open heredocs; a shell shift is not one', () => {
  const text = 'FROM alpine:3.19\nRUN echo $((1 << 2)) && cat << notes\nLABEL x=y\nFROM python:3.12 AS app\nEXPOSE 8000\n';
  const facts = reader('dockerfile').read('Dockerfile', text);
  assert.deepEqual(facts.images!.map((i) => i.name), ['alpine', 'python']);
  assert.deepEqual(facts.exposedPorts, [{ port: 8000, line: 5 }]);
});

test('dockerfile: EXPOSE ports across continuation lines, with protocols', () => {
  assert.deepEqual(readWith('dockerfile', FIX, 'services/api/Dockerfile').exposedPorts, [
    { port: 3000, line: 20 },
    { port: 9229, line: 20 },
  ]);
  assert.deepEqual(readWith('dockerfile', FIX, 'services/web/Dockerfile').exposedPorts, [{ port: 80, line: 8 }]);
});

test('dockerfile: file names it claims and does not', () => {
  const r = reader('dockerfile');
  for (const p of ['Dockerfile', 'api/Dockerfile.prod', 'docker/api.Dockerfile', 'Containerfile']) assert.ok(claims(r, p, ''), p);
  for (const p of ['Dockerfile.dockerignore', '.dockerignore', 'docker-compose.yml']) assert.ok(!claims(r, p, ''), p);
});

test('dockerfile: garbage in, nothing out, no throw', () => {
  const r = reader('dockerfile');
  assert.deepEqual(r.read('Dockerfile', '\u0000\u0000\u00ff binary'), {});
  assert.deepEqual(r.read('Dockerfile', 'FROM\nEXPOSE abc\nFROM ${IMAGE}\n'), {});
});

test('dockerfile: an image that builds a package or runs the tests is a bench; one that runs a program is not', () => {
  const read = (text: string) => reader('dockerfile').read('release/wix/msitools.dockerfile', text).dockerBuild?.buildTool;
  assert.equal(read('FROM alpine\nRUN apk add --no-cache jq msitools\n'), true, 'an OS image that runs nothing of its own');
  assert.equal(read('FROM ruby:3.4\nCOPY . /app\nCMD ["bash", "-ic", "ruby /app/test/runner.rb"]\n'), true, 'a test runner');
  assert.equal(read('FROM golang:1.23 AS build\nCOPY . .\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n'), undefined);
  assert.equal(read('FROM node:20\nCOPY . .\nCMD ["node", "server.js"]\n'), undefined);
  assert.equal(read('FROM composer:latest as setup\nRUN composer require guzzlehttp/guzzle\nFROM php:7.3\nWORKDIR /guzzle\nCOPY --from=setup /guzzle /guzzle\n'), true, "an interpreter's image with no command of its own");
  assert.equal(read('FROM php:8.3-apache\nCOPY . /var/www/html\n'), undefined, 'a server variant serves by itself');
  assert.equal(read('FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet restore\n'), true, 'a shared build stage');
  assert.equal(read('FROM us-west1-docker.pkg.dev/cloud-workstations-images/predefined/base:latest\nCOPY setup.sh /etc/workstation-startup.d/\nRUN apt-get install -y code\n'), true, "a developer's workstation");
  assert.equal(read('FROM mcr.microsoft.com/devcontainers/python:3.12\nRUN pip install poetry\n'), true, 'a dev container image');
  assert.equal(read('FROM python:3.12\nCOPY . .\nEXPOSE 8000\n'), undefined, 'a port says it serves');
  assert.equal(read('ARG DEBIAN_VERSION=bookworm\nFROM hexpm/elixir:1.17 AS build\nCOPY . .\nRUN mix release\nFROM debian:${DEBIAN_VERSION} AS app\nCOPY --from=build /app/_build/prod/rel/hexpm ./\n'), undefined, 'a release copied into a bare OS image runs');
});

test('dockerfile: Dockerfile-<name> is read like Dockerfile.<name>, and a go build names the program it compiles', () => {
  const r = reader('dockerfile');
  const text = 'FROM golang:1.19 as builder\nCOPY . /app\nWORKDIR /app\nRUN CGO_ENABLED=0 \\\n    go build -tags migrate -o /bin/app ./cmd/proxy\nFROM scratch\nCOPY --from=builder /bin/app /app\nCMD ["/app"]\n';
  assert.ok(claims(r, 'docker/Dockerfile-proxy', text));
  assert.deepEqual(r.read('docker/Dockerfile-proxy', text).dockerBuild?.mains, [{ path: 'cmd/proxy', line: 4, ecosystem: 'go' }]);
  // `.` and `./...` say nothing about which program; an -o path is where the binary goes
  assert.equal(r.read('Dockerfile', 'FROM golang:1.22\nCOPY . .\nRUN go build -o ./bin/app . && go install ./...\n').dockerBuild?.mains, undefined);
});

test('dockerfile: a final stage built on an earlier stage runs on that stage\'s image, not on the last FROM', async () => {
  const { dockerfileReader } = await import('../../src/detect/infra/dockerfile.js');
  const text = [
    'FROM python:3.13-slim AS linkding',
    'COPY . /etc/linkding',
    'CMD ["./bootstrap.sh"]',
    '',
    'FROM node:22-alpine AS ublock-build',
    'RUN npm ci && npm run build',
    '',
    'FROM linkding AS linkding-plus',
    'COPY --from=ublock-build /build/ublock /etc/linkding/ublock',
    '',
  ].join('\n');
  const images = dockerfileReader.read('docker/default.Dockerfile', text).images ?? [];
  assert.deepEqual(images.filter((i) => i.final).map((i) => i.ref), ['python:3.13-slim']);
  const { detectTechnologies } = await import('../../src/detect/technologies.js');
  const hits = detectTechnologies([{ path: 'docker/default.Dockerfile', size: text.length, mtimeMs: 0, binary: false, generated: false, language: 'Dockerfile', languageType: 'programming', role: 'main' } as never], new Map([['docker/default.Dockerfile', { path: 'docker/default.Dockerfile', images }]]));
  const rules = hits.filter((h) => h.rule.includes('image')).map((h) => h.rule).sort();
  assert.deepEqual(rules.filter((r) => r.startsWith('base image')), ['base image python:3.13-slim']);
  assert.ok(rules.includes('build stage image node:22-alpine'), rules.join(', '));
});
