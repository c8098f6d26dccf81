/**
 * What a pipeline does and where it deploys, inferred from commands, action/orb/task names and job names.
 * Shared by every CI system so the same command means the same thing everywhere. Precision first:
 * a deploy target is only claimed when a command or an action names the platform.
 */
import type { PipelineFact } from '../facts.js';

export type Stage = PipelineFact['stages'][number];

interface CommandRule {
  pattern: RegExp;
  stages: Stage[];
  target?: string;
  /** Pushes a container image: the registry is named from the pipeline's text. */
  image?: boolean;
}

/** Matched against one shell command at a time (comment lines removed). */
const COMMAND_RULES: CommandRule[] = [
  { pattern: /\b(?:npm|yarn|pnpm|bun)\s+(?:run\s+)?test\b|\b(?:npm|pnpm)\s+t\b|\bnpx\s+(?:jest|vitest|mocha|playwright\s+test|cypress\s+run)\b/, stages: ['test'] },
  { pattern: /\b(?:pytest|py\.test|tox|nox)\b|python\d?(?:\.\d+)?\s+-m\s+(?:pytest|unittest)\b/, stages: ['test'] },
  { pattern: /\bgo\s+test\b|\bcargo\s+(?:test|nextest)\b|\bdotnet\s+test\b|\bmix\s+test\b|\bswift\s+test\b/, stages: ['test'] },
  // Goals are whitespace-separated words: "-Dmaven.test.skip" and "-x test" are not test runs.
  { pattern: /\b(?:mvn|mvnw)\b[^\n]*\s(?:test|verify)(?=\s|$)|\bgradlew?\b[^\n]*(?<!-x)\s(?:test|check)(?=\s|$)/, stages: ['test'] },
  { pattern: /\b(?:rspec|phpunit|pest)\b|\bcomposer\s+(?:run(?:-script)?\s+)?test\b|\brake\s+(?:test|spec)\b|\bmake\s+(?:test|check)\b|\bctest\b/, stages: ['test'] },
  { pattern: /\b(?:npm|yarn|pnpm|bun)\s+(?:run\s+)?build\b|\bgo\s+build\b|\bcargo\s+build\b|\bdotnet\s+(?:build|publish)\b/, stages: ['build'] },
  { pattern: /\b(?:mvn|mvnw)\b[^\n]*\s(?:package|install)(?=\s|$)|\bgradlew?\b[^\n]*\s(?:build|assemble|bootJar)(?=\s|$)|python\d?\s+-m\s+build\b|\bdocker\s+(?:buildx\s+)?build\b|\b(?:docker-compose|docker\s+compose)\b[^\n]*\sbuild(?=\s|$)|\bmake\s+build\b/, stages: ['build'] },
  { pattern: /\b(?:eslint|ruff|flake8|pylint|golangci-lint|rubocop|stylelint|biome\s+(?:check|lint)|shellcheck|hadolint|ktlint|phpcs|phpstan)\b|\bcargo\s+(?:clippy|fmt)\b|\bprettier\b[^\n]*--check|\bblack\b[^\n]*--check|\b(?:npm|yarn|pnpm|bun)\s+(?:run\s+)?lint\b|\bcomposer\s+(?:run(?:-script)?\s+)?(?:lint|cs|phpcs|phpstan|psalm|analy[sz]e|check-static|static-analysis)\b|\bgo\s+vet\b|\bmake\s+lint\b|\bmypy\b/, stages: ['lint'] },
  { pattern: /\b(?:docker|podman|buildah|docker-compose|docker\s+compose)\s+push\b|\/kaniko\/executor\b[^\n]*--destination|\bdocker\s+buildx\s+build\b[^\n]*--push\b/, stages: ['publish'], image: true },
  { pattern: /\b(?:npm|yarn|pnpm|yarn\s+npm|lerna|changeset)\s+publish\b/, stages: ['release', 'publish'], target: 'npm registry' },
  { pattern: /\b(?:mvn|mvnw)\b[^\n]*\sdeploy(?=\s|$)|\bgradlew?\b[^\n]*\spublish(?=\s|$)/, stages: ['publish'] },
  { pattern: /\btwine\s+upload\b|\bpoetry\s+publish\b|\bflit\s+publish\b|\buv\s+publish\b|\bhatch\s+publish\b/, stages: ['release', 'publish'], target: 'PyPI' },
  { pattern: /\bcargo\s+publish\b/, stages: ['release', 'publish'], target: 'crates.io' },
  { pattern: /\bgem\s+push\b/, stages: ['release', 'publish'], target: 'RubyGems' },
  { pattern: /\b(?:dotnet\s+)?nuget\s+push\b/, stages: ['release', 'publish'], target: 'NuGet' },
  { pattern: /\b(?:goreleaser|semantic-release)\b|\bgh\s+release\s+create\b/, stages: ['release'] },
  { pattern: /\baws\s+[^\n]*\bdeploy\b|\b(?:sam|cdk)\s+deploy\b|\baws\s+(?:ecs\s+update-service|lambda\s+update-function-code|s3\s+sync|elasticbeanstalk)\b|\beb\s+deploy\b|\bcopilot\s+(?:svc\s+)?deploy\b/, stages: ['deploy'], target: 'AWS' },
  { pattern: /\bgcloud\s+[^\n]*\bdeploy\b/, stages: ['deploy'], target: 'Google Cloud' },
  { pattern: /\baz\s+(?:webapp|functionapp|containerapp|deployment)\b[^\n]*\b(?:deploy|up|create|update)\b/, stages: ['deploy'], target: 'Azure' },
  { pattern: /\bvercel\s+(?:deploy\b|--prod\b)/, stages: ['deploy'], target: 'Vercel' },
  { pattern: /\bnetlify\s+deploy\b/, stages: ['deploy'], target: 'Netlify' },
  { pattern: /\b(?:flyctl|fly)\s+deploy\b/, stages: ['deploy'], target: 'Fly.io' },
  { pattern: /\bkubectl\s+(?:apply|rollout|set\s+image)\b|\bhelm\s+(?:upgrade|install)\b|\bkustomize\s+build\b[^\n]*\|\s*kubectl\b/, stages: ['deploy'], target: 'Kubernetes' },
  { pattern: /\bgit\s+push\s+(?:[^\n]*@)?heroku\b|\bheroku\s+(?:container:release|deploy)\b|git\.heroku\.com/, stages: ['deploy'], target: 'Heroku' },
  { pattern: /\bwrangler\s+(?:deploy|publish|pages\s+deploy)\b/, stages: ['deploy'], target: 'Cloudflare' },
  { pattern: /\bfirebase\s+deploy\b/, stages: ['deploy'], target: 'Firebase' },
  { pattern: /\brailway\s+up\b/, stages: ['deploy'], target: 'Railway' },
  { pattern: /\bfastapi\s+deploy\b/, stages: ['deploy'], target: 'FastAPI Cloud' },
  { pattern: /\b(?:serverless|sls)\s+deploy\b|\bterraform\s+apply\b|\bpulumi\s+up\b|\bansible-playbook\b/, stages: ['deploy'] },
  { pattern: /\b(?:npm|yarn|pnpm)\s+audit\b|\b(?:snyk|trivy|gitleaks|bandit|gosec|semgrep|grype|govulncheck|pip-audit|safety\s+check)\b|\bcargo\s+(?:audit|deny)\b/, stages: ['security'] },
  { pattern: /\b(?:mkdocs\s+(?:build|gh-deploy)|sphinx-build|typedoc|jsdoc|mdbook\s+build|docusaurus\s+build|cargo\s+doc|javadoc(?![\w.-]*\.jar)|mvn[^\n]*\sjavadoc:)\b|\b(?:npm|yarn|pnpm)\s+(?:run\s+)?docs?\b|\bmake\s+(?:docs|html)\b/, stages: ['docs'] },
];

interface UsesRule {
  /** Matched against the reference without version, lower-cased. */
  pattern: RegExp;
  stages: Stage[];
  target?: string;
  image?: boolean;
}

/** GitHub actions, CircleCI orbs, Bitbucket pipes, Drone plugins, Buildkite plugins, Azure tasks. */
const USES_RULES: UsesRule[] = [
  { pattern: /^google-github-actions\/release-please-action$|^googleapis\/release-please-action$|^changesets\/action$|^softprops\/action-gh-release$|^goreleaser\/goreleaser-action$|^ncipollo\/release-action$|^actions\/create-release$/, stages: ['release'] },
  // Credentials, secrets and CLI set-up show the platform but not, on their own, a deployment (a release job
  // that reads its signing keys from Secrets Manager deploys nothing to AWS).
  { pattern: /^aws-actions\/(?:configure-aws-credentials|aws-secretsmanager-get-secrets)$|^google-github-actions\/(?:auth|setup-gcloud|get-secretmanager-secrets)$|^azure\/(?:login|get-keyvault-secrets)$/, stages: [], target: undefined },
  // logging in to ECR is how images get pushed there: a registry, not a place the system runs
  { pattern: /^aws-actions\/amazon-ecr-login$|^circleci\/aws-ecr$|^plugins\/ecr$/, stages: ['publish'], target: 'Amazon ECR' },
  // the actions that deploy (ECS task definitions, CloudFormation stacks, Lambda code, CodeBuild runs): AWS's other
  // actions install its tools (setup-sam) or tend the repository (closed-issue-message) and deploy nothing
  { pattern: /^aws-actions\/(?:amazon-ecs-|aws-cloudformation-|aws-lambda-|aws-codebuild-|amazon-eks-|aws-amplify-|aws-codedeploy)|^circleci\/aws-|^atlassian\/aws-|^plugins\/(?:s3|lambda)|^amazonwebservices\//, stages: ['deploy'], target: 'AWS' },
  { pattern: /^aws-actions\//, stages: [] },
  { pattern: /^google-github-actions\/(?:deploy-|get-gke-credentials|upload-cloud-storage)|^circleci\/gcp-|^atlassian\/google-|^plugins\/(?:gcr|gcs)$/, stages: ['deploy'], target: 'Google Cloud' },
  { pattern: /^google-github-actions\//, stages: [] },
  { pattern: /^azurecli$|^azurepowershell$/, stages: [], target: 'Azure' },
  // the GitHub actions that run an az or PowerShell script: the script says whether it deploys
  { pattern: /^azure\/(?:cli|powershell)$/, stages: [] },
  { pattern: /^azure\/(?!setup-|trusted-signing|artifact-signing|login$)|^circleci\/azure-|^atlassian\/azure-|^azure(?:webapp|functionapp|rmwebappdeployment|resourcemanagertemplatedeployment|resourcegroupdeployment|containerapps|staticwebapp)$/, stages: ['deploy'], target: 'Azure' },
  { pattern: /^amondnet\/vercel-action$|^vercel\//, stages: ['deploy'], target: 'Vercel' },
  { pattern: /netlify/, stages: ['deploy'], target: 'Netlify' },
  { pattern: /^superfly\/flyctl-actions/, stages: ['deploy'], target: 'Fly.io' },
  { pattern: /heroku/, stages: ['deploy'], target: 'Heroku' },
  { pattern: /^cloudflare\/(?:wrangler-action|pages-action)$/, stages: ['deploy'], target: 'Cloudflare' },
  { pattern: /^firebaseextended\/action-hosting-deploy$|^w9jds\/firebase-action$/, stages: ['deploy'], target: 'Firebase' },
  { pattern: /^actions\/deploy-pages$|^peaceiris\/actions-gh-pages$|^jamesives\/github-pages-deploy-action$|^plugins\/gh-pages$/, stages: ['deploy', 'docs'], target: 'GitHub Pages' },
  { pattern: /^(?:azure\/k8s-deploy|circleci\/kubernetes|circleci\/helm|atlassian\/kubectl-run|atlassian\/helm-|kubernetesmanifest|kubernetes|helmdeploy)$/, stages: ['deploy'], target: 'Kubernetes' },
  { pattern: /^pypa\/gh-action-pypi-publish$|^atlassian\/pypi-publish$|^plugins\/pypi$/, stages: ['release', 'publish'], target: 'PyPI' },
  { pattern: /^js-devtools\/npm-publish$|^atlassian\/npm-publish$|^plugins\/npm$/, stages: ['release', 'publish'], target: 'npm registry' },
  // upload-sarif sends any tool's findings (Android Lint's, a template analyser's): CodeQL runs in init/analyze
  { pattern: /^github\/codeql-action\/(?:init|analyze|autobuild)$|^snyk\/|^aquasecurity\/trivy-action$|^gitleaks\/|^actions\/dependency-review-action$|^ossf\/scorecard-action$|^securego\/gosec$|^returntocorp\/semgrep/, stages: ['security'] },
  { pattern: /^golangci\/golangci-lint-action$|^wearerequired\/lint-action$|^super-linter\/|^github\/super-linter$|^reviewdog\/|^psf\/black$|^astral-sh\/ruff-action$|^chartboost\/ruff-action$/, stages: ['lint'] },
  { pattern: /^codecov\/codecov-action$|^coverallsapp\/github-action$|^dorny\/test-reporter$/, stages: ['test'] },
  { pattern: /^plugins\/docker$|^plugins\/kaniko|^atlassian\/docker-push/, stages: ['publish'], image: true },
];

/** Matched against job and step names (ids, labels). Word-bounded to avoid "latest" -> "test". */
const NAME_RULES: { pattern: RegExp; stage: Stage }[] = [
  // "Publish to Test PyPI" names a registry, not a test run
  { pattern: /\b(?:tests?|testing|unit|e2e|integration|spec|specs|pytest|jest|vitest|phpunit|rspec|playwright|cypress)\b(?![\s-]*(?:pypi|flight)\b)/i, stage: 'test' },
  { pattern: /\b(?:build|builds|compile)\b/i, stage: 'build' },
  // "Validate version format" checks a tag, it lints no code
  { pattern: /\b(?:lint|linting|linters?|fmt|style)\b|(?<!\b(?:version|tag|date)\s)\bformat\b/i, stage: 'lint' },
  { pattern: /\b(?:deploy|deployment|deploys)\b/i, stage: 'deploy' },
  // "Build (Release)" names a build configuration, not a release
  { pattern: /\b(?:release|releases)\b(?!\s*\))/i, stage: 'release' },
  { pattern: /\b(?:publish|publishing)\b/i, stage: 'publish' },
  { pattern: /\b(?:security|codeql|audit|scan|sast)\b/i, stage: 'security' },
  { pattern: /\b(?:docs|documentation)\b/i, stage: 'docs' },
];

/** Commands that prepare a job (install dependencies, set variables, move around) and do none of its stages. */
const SETUP_COMMAND = /^(?:(?:sudo\s+)?(?:apt(?:-get)?|apk|brew|yum|dnf|choco)\b|(?:npm|pnpm|yarn|bun)\s+(?:ci|install|i)\b|yarn$|pnpm\s+fetch\b|composer\s+(?:install|update|config|global|require)\b|pip\d?\s+install\b|python\d?(?:\.\d+)?\s+-m\s+pip\s+install\b|poetry\s+install\b|uv\s+(?:sync|pip\s+install)\b|pipenv\s+install\b|bundle(?:\s+install)?\b|gem\s+install\b|go\s+mod\s+(?:download|tidy)\b|dotnet\s+(?:restore|tool)\b|cargo\s+(?:fetch|install)\b|corepack\b|nvm\b|echo\b|printf\b|cd\b|pushd\b|popd\b|mkdir\b|cp\b|mv\b|rm\b|ls\b|cat\b|chmod\b|export\b|set\b|git\s+(?:config|fetch|checkout|submodule)\b|curl\b|wget\b|touch\b|tee\b|source\b|\.\s)/;

const STAGE_ORDER: Stage[] = ['lint', 'test', 'build', 'security', 'docs', 'publish', 'release', 'deploy'];

/** Local throwaway clusters: `kubectl apply` there is an end-to-end test, not a deployment. */
const LOCAL_CLUSTER = /\bkind\s+create\b|\bminikube\b|\bk3d\b|\bhelm\/kind-action\b|\bk3s\b|medyagh\/setup-minikube/;

const CONTAINER_REGISTRIES: [RegExp, string][] = [
  [/\bghcr\.io\b/, 'GitHub Container Registry'],
  [/\.dkr\.ecr\.|amazon-ecr-login|\bpublic\.ecr\.aws\b/, 'Amazon ECR'],
  [/\b(?:[a-z0-9-]+\.)?gcr\.io\b|-docker\.pkg\.dev\b/, 'Google Artifact Registry'],
  [/\.azurecr\.io\b/, 'Azure Container Registry'],
  [/\bquay\.io\b/, 'Quay'],
  [/\$\{?CI_REGISTRY(?:_IMAGE)?\b|\bregistry\.gitlab\.com\b/, 'GitLab Container Registry'],
  [/\bdocker\.io\b|\bhub\.docker\.com\b|DOCKERHUB|DOCKER_HUB/i, 'Docker Hub'],
];

/** Every registry a text names (a workflow may push one image to Docker Hub, GHCR and Quay at once). */
export function registriesIn(text: string): string[] {
  return CONTAINER_REGISTRIES.filter(([p]) => p.test(text)).map(([, name]) => name);
}

/** Collects what one pipeline (or one job, for the Kubernetes check) shows. */
export class PipelineSignals {
  readonly stages = new Set<Stage>();
  readonly targets = new Set<string>();
  readonly environments = new Set<string>();
  readonly uses: { ref: string; line?: number }[] = [];
  readonly triggers = new Set<string>();
  /** Per-pipeline text checks, computed once: every job shares the same file text as context. */
  private readonly contextChecks = new Map<string, { localCluster: boolean; registries: string[] }>();

  private checksOf(context: string): { localCluster: boolean; registries: string[] } {
    let checks = this.contextChecks.get(context);
    if (!checks) {
      checks = { localCluster: LOCAL_CLUSTER.test(context), registries: registriesIn(context) };
      this.contextChecks.set(context, checks);
    }
    return checks;
  }

  /** One job's commands, uses refs and names at once, so job-level context (a local cluster) is known. */
  /**
   * `steps`, where the CI system has named steps (GitHub Actions): the steps' commands, actions and names say
   * what the job does, and the job's own names only when none of them does (a job called `test` that runs
   * `docker compose build` builds; one called `build` that runs `composer lint` lints). Without `steps`, every
   * name counts.
   */
  addJob(job: { names?: string[]; commands?: string[]; uses?: string[]; context?: string; pushesImage?: boolean; registries?: string[]; steps?: { name?: string; commands: string[]; uses: string[] }[] }): void {
    const commands = (job.commands ?? []).flatMap(splitCommands);
    const uses = (job.uses ?? []).map((u) => stripVersion(u).toLowerCase());
    const own = [...commands, ...uses].join('\n');
    const shared = this.checksOf(job.context ?? '');
    const localCluster = shared.localCluster || LOCAL_CLUSTER.test(own);
    const found = this.stagesOf(commands, uses, localCluster);
    for (const s of found.stages) this.stages.add(s);
    for (const t of found.targets) this.targets.add(t);
    const pushesImages = found.pushesImages;
    if (!job.steps) for (const name of job.names ?? []) this.addName(name);
    else {
      for (const step of job.steps) if (step.name) this.addName(step.name);
      // a command no rule reads (`docker compose up -d` on a self-hosted runner, ./build.sh) may be what the
      // job's name says; set-up commands (installs, echo, cd) say nothing either way
      const unread = commands.some((c) => !SETUP_COMMAND.test(c) && this.stagesOf([c], [], localCluster).stages.size === 0);
      const stepsSay = found.stages.size > 0 || job.steps.some((step) => step.name && NAME_RULES.some((rule) => rule.pattern.test(step.name!)));
      if (!stepsSay || unread) for (const name of job.names ?? []) this.addName(name);
    }
    if (pushesImages || job.pushesImage) {
      this.stages.add('publish');
      // the registries the job logs in to, and those its commands name (else those the file names anywhere)
      const named = registriesIn(own);
      const registries = [...new Set([...(job.registries ?? []), ...(named.length ? named : shared.registries)])];
      for (const registry of registries.length ? registries : ['container registry']) this.targets.add(registry);
    }
  }

  /** The stages, targets and image pushes commands and action references show. */
  private stagesOf(commands: string[], uses: string[], localCluster: boolean): { stages: Set<Stage>; targets: Set<string>; pushesImages: boolean } {
    const out = { stages: new Set<Stage>(), targets: new Set<string>(), pushesImages: false };
    for (const command of commands) {
      for (const rule of COMMAND_RULES) {
        if (!rule.pattern.test(command)) continue;
        if (rule.target === 'Kubernetes' && localCluster) continue;
        for (const s of rule.stages) out.stages.add(s);
        if (rule.target) out.targets.add(rule.target);
        if (rule.image) out.pushesImages = true;
      }
    }
    for (const ref of uses) {
      // First match wins: the specific rules (release-please under google-github-actions/) come first.
      const rule = USES_RULES.find((r) => r.pattern.test(ref));
      if (!rule || (rule.target === 'Kubernetes' && localCluster)) continue;
      for (const s of rule.stages) out.stages.add(s);
      if (rule.target) out.targets.add(rule.target);
      if (rule.image) out.pushesImages = true;
    }
    return out;
  }

  addName(name: string): void {
    for (const rule of NAME_RULES) if (rule.pattern.test(name)) this.stages.add(rule.stage);
  }

  private readonly usesSeen = new Set<string>();

  addUses(ref: string, line?: number): void {
    const clean = stripVersion(ref);
    const key = `${clean}\u0000${line ?? ''}`;
    if (!clean || this.usesSeen.has(key)) return;
    this.usesSeen.add(key);
    this.uses.push(line === undefined ? { ref: clean } : { ref: clean, line });
  }

  addEnvironment(name: string | undefined): void {
    // Expressions (`${{ inputs.env }}`, `$CI_ENVIRONMENT`) name no environment we can report.
    if (name && !/[$]|\{\{/.test(name) && name.length <= 80) this.environments.add(name.trim());
  }

  toFact(system: string, name: string, line?: number): PipelineFact {
    const fact: PipelineFact = { system, name, stages: STAGE_ORDER.filter((s) => this.stages.has(s)) };
    if (this.targets.size) fact.deployTargets = [...this.targets].sort();
    if (this.environments.size) fact.environments = [...this.environments].sort();
    if (this.uses.length) fact.uses = this.uses;
    if (this.triggers.size) fact.triggers = [...this.triggers].sort();
    if (line !== undefined) fact.line = line;
    return fact;
  }
}

/** "actions/checkout@v4" -> "actions/checkout"; "docker-compose#v4.0.0" -> "docker-compose"; "atlassian/aws-ecs-deploy:1.0" -> "atlassian/aws-ecs-deploy". */
export function stripVersion(ref: string): string {
  let r = ref.trim();
  if (r.startsWith('docker://')) return r.replace(/:[^/:]*$/, '');
  // a ref may hold slashes (pypa/gh-action-pypi-publish@release/v1)
  r = r.replace(/[@#].*$/, '');
  return r.replace(/:[\w.\-]+$/, '');
}

/** Shell text into single commands, dropping comment lines so `# npm publish` says nothing. */
export function splitCommands(script: string): string[] {
  return script
    .replace(/[ \t]*\\\r?\n\s*/g, ' ') // shell line continuations: one command over several lines
    .split(/\r?\n|&&|;(?!;)/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('#') && !l.startsWith('//'));
}

/** Text without shell/YAML comment lines, so a commented-out registry or cluster says nothing. */
export function stripComments(text: string): string {
  return text.replace(/^[ \t]*#.*$/gm, ''); // [ \t], not \s: \s crosses lines and runs of blank lines went quadratic
}
