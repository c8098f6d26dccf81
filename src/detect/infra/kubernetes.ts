/** Kubernetes manifests (plain YAML, multi-document, List): workloads, Services, Ingresses; Knative services. */
import type { FileFacts, HostingFact, ImageFact, K8sObjectFact, Reader, ServiceFact } from '../facts.js';
import { asString, compact, envHost, imageName, isRecord, lookup, parseYaml, toPort, uniq, type YamlDoc, type YamlPath } from './util.js';

const WORKLOADS: Record<string, ServiceFact['kind']> = {
  Deployment: 'service',
  StatefulSet: 'service',
  DaemonSet: 'service',
  ReplicaSet: 'service',
  ReplicationController: 'service',
  Pod: 'service',
  Rollout: 'service', // Argo Rollouts: a Deployment with a rollout strategy
  Job: 'job',
  CronJob: 'cronjob',
};

/** apiVersion groups that carry apiVersion/kind but are not objects deployed to a cluster. */
const NOT_CLUSTER_OBJECTS = /^(skaffold\/|kustomize\.config\.k8s\.io\/|kind\.x-k8s\.io\/|k3d\.io\/|backstage\.io\/|eksctl\.io\/|ctlptl\.dev\/|config\.kubernetes\.io\/|kubeadm\.k8s\.io\/|kubelet\.config\.k8s\.io\/|clientauthentication\.k8s\.io\/|apiextensions\.crossplane\.io\/)/;

/** Files other readers own even though they may carry apiVersion and kind. */
const OTHER_OWNERS = /(^|\/)(\.github\/|\.gitlab-ci|\.circleci\/|\.buildkite\/|azure-pipelines|bitbucket-pipelines|(docker-)?compose[\w.-]*\.ya?ml$|kustomization\.ya?ml$|skaffold[\w.-]*\.ya?ml$|Chart\.ya?ml$|values[\w.-]*\.ya?ml$|catalog-info\.ya?ml$)/;

function labels(v: unknown): Record<string, string> | undefined {
  if (!isRecord(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) {
    const s = asString(val);
    if (s !== undefined) out[k] = s;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Where the pod spec lives for each workload kind. */
function podSpecPath(kind: string): YamlPath {
  if (kind === 'Pod') return ['spec'];
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
  return ['spec', 'template', 'spec'];
}

function getIn(v: unknown, path: YamlPath): unknown {
  let cur = v;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else if (isRecord(cur)) cur = cur[seg as string];
    else return undefined;
  }
  return cur;
}

function isWorkload(kind: string): boolean {
  return Object.hasOwn(WORKLOADS, kind);
}

function readWorkload(doc: YamlDoc, base: YamlPath, obj: Record<string, unknown>, name: string, images: ImageFact[], source = 'kubernetes'): ServiceFact {
  const kind = String(obj.kind);
  const svc: ServiceFact = { name, source, kind: lookup(WORKLOADS, kind) ?? 'service', line: doc.lineOf([...base, 'kind']) };
  if (kind === 'CronJob') {
    const schedule = asString(getIn(obj, ['spec', 'schedule']));
    if (schedule) svc.schedule = schedule;
  }
  const specPath = podSpecPath(kind);
  const containers = getIn(obj, [...specPath, 'containers']);
  const ports: number[] = [];
  const envNames: string[] = [];
  const envHosts: NonNullable<ServiceFact['envHosts']> = [];
  const envFrom: NonNullable<ServiceFact['envFrom']> = [];
  if (Array.isArray(containers)) {
    containers.forEach((c, ci) => {
      if (!isRecord(c)) return;
      const cPath = [...base, ...specPath, 'containers', ci];
      const image = asString(c.image);
      if (image) {
        if (svc.image === undefined) svc.image = image;
        const bare = imageName(image);
        if (bare) images.push({ name: bare, ref: image, line: doc.lineOf([...cPath, 'image']), role: 'runtime' });
      }
      if (Array.isArray(c.ports)) for (const p of c.ports) if (isRecord(p)) { const n = toPort(p.containerPort); if (n) ports.push(n); }
      if (Array.isArray(c.env)) {
        c.env.forEach((e, ei) => {
          if (!isRecord(e) || typeof e.name !== 'string') return;
          envNames.push(e.name);
          const h = 'value' in e ? envHost(e.name, e.value, doc.lineOf([...cPath, 'env', ei])) : undefined;
          if (h) envHosts.push(h);
        });
      }
      if (Array.isArray(c.envFrom)) {
        c.envFrom.forEach((e, ei) => {
          if (!isRecord(e)) return;
          const line = doc.lineOf([...cPath, 'envFrom', ei]);
          const cm = isRecord(e.configMapRef) ? asString(e.configMapRef.name) : undefined;
          const secret = isRecord(e.secretRef) ? asString(e.secretRef.name) : undefined;
          if (cm) envFrom.push({ kind: 'configMap', name: cm, line });
          if (secret) envFrom.push({ kind: 'secret', name: secret, line });
        });
      }
    });
  }
  return compact({ ...svc, ports: uniq(ports), envNames: uniq(envNames), envHosts, envFrom });
}

/** Service names an Ingress (networking.k8s.io/v1 or the older extensions form) or a Gateway API route sends to. */
function backends(obj: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (v: unknown, parentKey?: string): void => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, parentKey));
    if (!isRecord(v)) return;
    if (parentKey === 'service' && typeof v.name === 'string') out.push(v.name);
    if (typeof v.serviceName === 'string') out.push(v.serviceName);
    if (parentKey === 'backendRefs' && typeof v.name === 'string' && (v.kind === undefined || v.kind === 'Service')) out.push(v.name);
    for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(obj.spec);
  return uniq(out);
}

export const kubernetesReader: Reader = {
  id: 'kubernetes',
  extensions: ['.yaml', '.yml'],
  sniff: (text) => /^apiVersion:\s*\S/m.test(text) && /^kind:\s*\S/m.test(text),
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    if (OTHER_OWNERS.test(path)) return {};
    if (!/^apiVersion:\s*\S/m.test(text) || !/^kind:\s*\S/m.test(text)) return {};
    // Helm (and other) templates are not YAML until rendered; Helm is read from Chart.yaml and values.yaml instead.
    // A plain manifest may still hold "{{" in data (alert rules, dashboards), so only template-shaped files are skipped.
    const templated = text.includes('{{');
    if (templated && (/(^|\/)templates\//.test(path) || /^\s*\{\{-?/m.test(text) || /^\s*(- )?[\w.-]+:\s*\{\{/m.test(text))) return {};
    const { docs, warnings } = parseYaml(path, text);
    if (templated && warnings.length) return {};
    const services: ServiceFact[] = [];
    const images: ImageFact[] = [];
    const k8sObjects: K8sObjectFact[] = [];
    const hosting: HostingFact[] = [];
    const addHosting = (provider: string, via: string, line?: number) => {
      if (!hosting.some((h) => h.provider === provider)) hosting.push({ provider, via, ...(line ? { line } : {}) });
    };
    for (const doc of docs) {
      const root = doc.value;
      if (!isRecord(root)) continue;
      const items: [YamlPath, unknown][] =
        root.kind === 'List' && Array.isArray(root.items) ? root.items.map((it, i) => [['items', i], it]) : [[[], root]];
      for (const [base, obj] of items) {
        if (!isRecord(obj)) continue;
        const apiVersion = asString(obj.apiVersion);
        const kind = asString(obj.kind);
        const meta = isRecord(obj.metadata) ? obj.metadata : {};
        const name = asString(meta.name);
        if (!apiVersion || !kind || NOT_CLUSTER_OBJECTS.test(apiVersion)) continue;
        if (apiVersion === 'v1' && kind === 'Config') continue; // a kubeconfig
        const line = doc.lineOf([...base, 'kind']);
        if (apiVersion.startsWith('serving.knative.dev/')) {
          // Knative Service; Cloud Run's YAML is Knative with run.googleapis.com annotations.
          if (kind === 'Service' && name) services.push(readWorkload(doc, base, obj, name, images, 'knative'));
          if (/run\.googleapis\.com\//.test(text)) addHosting('Google Cloud', 'Cloud Run service manifest', line);
          else addHosting('Kubernetes', 'knative service', line);
          continue;
        }
        if (!name || name.includes('{{')) continue;
        const namespace = asString(meta.namespace);
        const object: K8sObjectFact = { kind, name, ...(namespace ? { namespace } : {}), ...(line ? { line } : {}) };
        // kustomize strategic-merge patches name a workload without defining it
        // (apps/v1 workloads must have spec.selector; a patch usually leaves it out)
        const needsSelector = /^(Deployment|StatefulSet|DaemonSet|ReplicaSet)$/.test(kind) && apiVersion.startsWith('apps/');
        if ('$patch' in obj || (isWorkload(kind) && !Array.isArray(getIn(obj, [...podSpecPath(kind), 'containers'])))) continue;
        if (needsSelector && getIn(obj, ['spec', 'selector']) === undefined) continue;
        if (isWorkload(kind) && (apiVersion.includes('/') || kind === 'Pod' || kind === 'ReplicationController')) {
          services.push(readWorkload(doc, base, obj, name, images));
          // the pod template's labels, which Services select on (a Pod's own labels)
          const podLabels = labels(getIn(obj, kind === 'Pod' ? ['metadata', 'labels'] : [...podSpecPath(kind).slice(0, -1), 'metadata', 'labels']));
          if (podLabels) object.labels = podLabels;
        } else if (kind === 'Service') {
          const selector = labels(getIn(obj, ['spec', 'selector']));
          if (selector) object.selector = selector;
          const type = getIn(obj, ['spec', 'type']);
          if (typeof type === 'string') object.serviceType = type;
          const ports = getIn(obj, ['spec', 'ports']);
          if (Array.isArray(ports)) {
            const list = uniq(ports.map((p) => (isRecord(p) ? toPort(p.port) : undefined)).filter((p): p is number => !!p));
            if (list.length) object.ports = list;
          }
        } else if (kind === 'ConfigMap' && isRecord(obj.data)) {
          // the hosts its values name: a workload that takes its environment from it (envFrom) connects there
          const hosts = Object.entries(obj.data).map(([key, value]) => envHost(key, value, doc.lineOf([...base, 'data', key]))).filter((h): h is NonNullable<typeof h> => h !== undefined);
          if (hosts.length) object.envHosts = hosts;
        } else if (kind === 'Ingress' || kind === 'HTTPRoute' || kind === 'GRPCRoute') {
          const list = backends(obj);
          if (list.length) object.backends = list;
        }
        k8sObjects.push(object);
        addHosting('Kubernetes', 'kubernetes manifest', line);
      }
    }
    return compact({ services, images, k8sObjects, hosting, warnings });
  },
};
