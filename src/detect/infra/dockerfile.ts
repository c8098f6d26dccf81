/** Dockerfile / Containerfile: base images (FROM) and EXPOSEd ports. */
import type { FileFacts, ImageFact, Reader } from '../facts.js';
import { imageName, toPort } from './util.js';

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

/** Joins continuation lines and drops comments and heredoc bodies, keeping each instruction's first line. */
function instructions(text: string): Instruction[] {
  const lines = text.split(/\r?\n/);
  const escapeDirective = /^#\s*escape\s*=\s*`/i.test(lines.slice(0, 5).find((l) => /^#\s*escape/i.test(l)) ?? '');
  const escape = escapeDirective ? '`' : '\\';
  const out: Instruction[] = [];
  let current: Instruction | undefined;
  let heredocEnd: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (heredocEnd.length > 0) {
      if (raw.trim() === heredocEnd[0]) heredocEnd.shift();
      continue;
    }
    const trimmed = raw.trim();
    if (trimmed.startsWith('#') || (trimmed === '' && current === undefined)) continue;
    const continues = trimmed.endsWith(escape);
    const body = continues ? trimmed.slice(0, -1) : trimmed;
    if (current === undefined) {
      const m = /^([A-Za-z]+)\s*(.*)$/.exec(body);
      if (!m) continue;
      current = { keyword: m[1].toUpperCase(), args: m[2], line: i + 1 };
    } else {
      current.args += ' ' + body;
    }
    if (!continues) {
      // BuildKit heredocs (RUN/COPY/ADD <<EOF ... EOF): their bodies are shell or file content, not instructions
      heredocEnd = /^(RUN|COPY|ADD)$/.test(current.keyword)
        ? [...current.args.matchAll(/<<-?["']?([A-Za-z_]\w*)["']?/g)].map((m) => m[1])
        : [];
      out.push(current);
      current = undefined;
    }
  }
  if (current) out.push(current);
  return out;
}

/** Replaces $VAR, ${VAR} and ${VAR:-default} from known ARG/ENV values; unknown ones stay as written. */
function substitute(s: string, vars: Map<string, string>): string {
  return s
    .replace(/\$\{([A-Za-z_]\w*)(?::?[-+]([^}]*))?\}/g, (m, name: string, dflt: string | undefined) =>
      vars.get(name) ?? dflt ?? m,
    )
    .replace(/\$([A-Za-z_]\w*)/g, (m, name: string) => vars.get(name) ?? m);
}

function readArg(args: string, vars: Map<string, string>): void {
  for (const m of args.matchAll(/([A-Za-z_]\w*)(?:=("[^"]*"|'[^']*'|\S*))?/g)) {
    if (m[2] !== undefined && !vars.has(m[1])) vars.set(m[1], substitute(m[2].replace(/^["']|["']$/g, ''), vars));
  }
}

/** The build-context paths of a COPY or ADD: every word but the last (the destination), options and other stages left out. */
function copySources(args: string): string[] {
  if (/--from[= ]/.test(args)) return [];
  let words: string[];
  const json = args.trim();
  if (json.startsWith('[')) {
    try {
      const list: unknown = JSON.parse(json);
      words = Array.isArray(list) ? list.filter((w): w is string => typeof w === 'string') : [];
    } catch {
      return [];
    }
  } else words = json.split(/\s+/).filter((w) => w && !w.startsWith('--'));
  return words
    .slice(0, -1)
    .filter((w) => !/^[a-z][\w+.-]*:\/\//i.test(w) && !w.includes('$') && !w.startsWith('<<'))
    .map((w) => w.replace(/^\.\/+/, '').replace(/\/+$/, '') || '.');
}

/**
 * The packages a `go build` or `go install` in a RUN command compiles, named by a relative path (./cmd/proxy);
 * `.` and `./...` say nothing about which program, and a path after -o is where the binary goes.
 */
function builtPackages(args: string): string[] {
  const out: string[] = [];
  for (const m of args.matchAll(/\bgo\s+(?:build|install)\b([^;&|]*)/g)) {
    const words = m[1].trim().split(/\s+/);
    for (let i = 0; i < words.length; i++) {
      // (a flag's value is the next word: -o /bin/app, -tags migrate)
      if (/^--?(?:o|ldflags|tags|gcflags|asmflags|mod|p|C)$/.test(words[i])) i++;
      else if (/^\.\/[\w.\/-]+$/.test(words[i]) && !words[i].includes('...')) out.push(words[i].replace(/^\.\/+/, '').replace(/\/+$/, ''));
    }
  }
  return out.filter((p) => p && !p.split('/').includes('..'));
}

/** Commands that make an image a build environment: packagers and code generators. */
const BUILD_TOOLS = /\b(?:pyinstaller|fpm\s+-|gem install fpm|grpc_tools\.protoc|grpcio-tools|protoc\s+-|buf generate|nfpm\s|rpmbuild|dpkg-buildpackage)\b/i;

/** Base images that are an operating system and nothing else: their default command is a shell. */
const BARE_OS = /^(?:docker\.io\/)?(?:library\/)?(?:alpine|debian|ubuntu|busybox|centos|fedora|rockylinux|almalinux|amazonlinux|archlinux|opensuse\/[\w-]+|redhat\/ubi\d+(?:-minimal)?)(?::[\w.-]+)?(?:@.*)?$/;

/**
 * Language images whose own command is an interactive interpreter (php -a, python, node, irb, jshell), and SDK
 * images that only build (maven, gradle, dotnet/sdk): a final stage on one that names no command of its own and
 * exposes nothing runs nothing (guzzle's image for trying scripts, a shared Dockerfile.base build stage). Their
 * server variants (php:8-fpm, php:7.4-apache) serve by themselves.
 */
const INTERPRETER = /^(?:docker\.io\/)?(?:library\/)?(?:php|python|pypy|node|ruby|golang|rust|perl|openjdk|eclipse-temurin|amazoncorretto|elixir|erlang|julia|composer|maven|gradle|mcr\.microsoft\.com\/dotnet\/sdk)(?::(?![\w.-]*(?:fpm|apache|nginx|litespeed|unit))[\w.-]+)?(?:@.*)?$/;

/** Images of a developer's workspace (Cloud Workstations, dev containers, Gitpod, Coder): where code is written, not run. */
const WORKSTATION = /(?:^|\/)(?:cloud-workstations-images\/|devcontainers\/|gitpod\/workspace-|codercom\/)/;

/** A command that runs the test suite (fzf's image runs test/runner.rb in tmux): the image is a test bench. */
const TEST_RUNNER = /(?:^|[\s"'/])(?:pytest|py\.test|tox|jest|vitest|mocha|rspec|phpunit|(?:go|cargo|dotnet|mvn|gradle|npm|yarn|pnpm)\s+(?:run\s+)?test|make\s+(?:test|check))\b|\/(?:tests?|spec)\/[\w.-]+\.(?:rb|py|js|sh)\b/;

export const dockerfileReader: Reader = {
  id: 'dockerfile',
  fileNames: ['Dockerfile', 'Containerfile', 'dockerfile'],
  // Work against a base name or a whole path; Dockerfile.dockerignore is an ignore file, not a Dockerfile.
  // (Dockerfile-proxy, Dockerfile-web: one per program, the way Dockerfile.proxy is)
  patterns: [/(^|\/)(Dockerfile|Containerfile)[.-](?!dockerignore$)[\w.-]+$/, /\.(Dockerfile|dockerfile|Containerfile)$/],
  read(_path: string, text: string): Omit<FileFacts, 'path'> {
    const images: ImageFact[] = [];
    const exposedPorts: { port: number; line: number }[] = [];
    const stages = new Set<string>();
    const vars = new Map<string, string>();
    const sources: { path: string; line: number }[] = [];
    const workdirs: { path: string; line: number }[] = [];
    const mains: { path: string; line: number; ecosystem: 'go' }[] = [];
    let command = '';
    // the final stage: its base image, and whether it says what to run
    let finalBase = '';
    let finalRuns = false;
    // the final stage takes what an earlier stage built (COPY --from=build /app/_build/prod/rel): a release image
    let finalTakesBuild = false;
    // each stage's image, through the stages it builds on: the final stage's may be an earlier stage's
    const stageImage = new Map<string, number | undefined>();
    let finalImage: number | undefined;
    for (const ins of instructions(text)) {
      if (ins.keyword === 'ARG' || ins.keyword === 'ENV') {
        readArg(ins.args, vars);
      } else if (ins.keyword === 'FROM') {
        const words = ins.args.split(/\s+/).filter((w) => !w.startsWith('--'));
        const ref = substitute(words[0] ?? '', vars);
        const alias = words.length >= 3 && words[1].toUpperCase() === 'AS' ? words[2].toLowerCase() : undefined;
        const isStage = stages.has(ref.toLowerCase());
        if (alias) stages.add(alias);
        finalBase = isStage ? '' : ref.toLowerCase();
        finalRuns = false;
        finalTakesBuild = false;
        finalImage = isStage ? stageImage.get(ref.toLowerCase()) : undefined;
        const name = !ref || isStage || ref.toLowerCase() === 'scratch' ? undefined : imageName(ref);
        if (name) {
          finalImage = images.length;
          images.push({ name, ref, line: ins.line, role: 'base' });
        }
        if (alias) stageImage.set(alias, finalImage);
      } else if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
        if (/(?:^|\s)--from=/.test(ins.args)) finalTakesBuild = true;
        sources.push(...copySources(substitute(ins.args, vars)).map((path) => ({ path, line: ins.line })));
      } else if (ins.keyword === 'RUN') {
        for (const path of builtPackages(substitute(ins.args, vars))) mains.push({ path, line: ins.line, ecosystem: 'go' });
      } else if (ins.keyword === 'WORKDIR') {
        const dir = substitute(ins.args.trim(), vars).replace(/^["']|["']$/g, '');
        if (dir && !dir.includes('$')) workdirs.push({ path: dir, line: ins.line });
      } else if (ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') {
        command = ins.args;
        finalRuns = true;
      } else if (ins.keyword === 'EXPOSE') {
        for (const word of substitute(ins.args, vars).split(/\s+/)) {
          const port = toPort(word.replace(/\/(tcp|udp)$/i, ''));
          if (port !== undefined) exposedPorts.push({ port, line: ins.line });
        }
      }
    }
    if (finalImage !== undefined) images[finalImage].final = true;
    const facts: Omit<FileFacts, 'path'> = {};
    if (images.length) facts.images = images;
    if (exposedPorts.length) facts.exposedPorts = exposedPorts;
    if (sources.length || workdirs.length) facts.dockerBuild = { sources, workdirs, ...(mains.length ? { mains } : {}) };
    // an operating system image that runs nothing of its own (FROM alpine, apk add msitools) is a build environment
    // (a bare OS image that takes an earlier stage's build, hexpm's Elixir release on debian, runs that release)
    const bench = (!finalRuns && ((BARE_OS.test(finalBase) && !finalTakesBuild) || INTERPRETER.test(finalBase))) || WORKSTATION.test(finalBase);
    if (!exposedPorts.length && (BUILD_TOOLS.test(text) || TEST_RUNNER.test(command) || bench)) facts.dockerBuild = { sources, workdirs, buildTool: true };
    return facts;
  },
};
