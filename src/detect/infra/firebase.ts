/** firebase.json: Firebase Hosting and Functions, and the Firebase data services it configures. */
import type { AddonFact, FileFacts, HostingFact, Reader, ServiceFact } from '../facts.js';
import { asString, compact, escapeRegExp, isRecord, lineOfText, parseJson, resolveRelative } from './util.js';

/** Top-level keys and the catalogue ids of the services whose rules and indexes `firebase deploy` sets up. */
const DATA_SERVICES: Record<string, string> = { firestore: 'firestore', database: 'firebase-realtime-database', storage: 'firebase-storage' };

/** The line of a top-level key: "emulators" repeats the service names one level down, often before them. */
function topKeyLine(text: string, key: string): number | undefined {
  const re = new RegExp(`^([ \\t]*)"${escapeRegExp(key)}"\\s*:`, 'gm');
  let best: { indent: number; line: number } | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const indent = m[1].length;
    if (!best || indent < best.indent) best = { indent, line: text.slice(0, m.index).split('\n').length };
  }
  return best?.line ?? lineOfText(text, new RegExp(`"${escapeRegExp(key)}"\\s*:`));
}

const entries = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v : [v]).filter(isRecord);

export const firebaseReader: Reader = {
  id: 'firebase',
  fileNames: ['firebase.json'],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const { value, warnings } = parseJson(path, text);
    if (!isRecord(value)) return compact({ warnings });
    const addons: AddonFact[] = [];
    for (const [key, name] of Object.entries(DATA_SERVICES)) {
      if (key in value) addons.push(compact({ name, via: 'firebase.json', line: topKeyLine(text, key) }));
    }
    const hosting: HostingFact[] = [];
    const hostingLine = topKeyLine(text, 'hosting');
    for (const site of entries(value.hosting)) {
      // "public" is served as it is; "source" is an app the CLI builds with its framework (Next.js, Angular)
      const publishes = asString(site.public) !== undefined ? resolveRelative(path, asString(site.public)!) : undefined;
      const builds = asString(site.source) !== undefined ? resolveRelative(path, asString(site.source)!) : undefined;
      hosting.push(compact({ provider: 'Firebase', via: 'firebase.json', line: hostingLine, publishes, builds }));
    }
    const services: ServiceFact[] = [];
    for (const fn of 'functions' in value ? entries(value.functions) : []) {
      // the CLI deploys ./functions when a codebase names no source
      const source = asString(fn.source) ?? 'functions';
      const build = resolveRelative(path, source);
      if (build === undefined) continue;
      const codebase = asString(fn.codebase);
      const line = lineOfText(text, new RegExp(`"source"\\s*:\\s*"${escapeRegExp(source)}"`)) ?? topKeyLine(text, 'functions');
      services.push(compact({ name: codebase && codebase !== 'default' ? codebase : source, source: 'firebase', kind: 'function' as const, build, line }));
    }
    if (!hosting.length && ('hosting' in value || 'functions' in value)) {
      hosting.push(compact({ provider: 'Firebase', via: 'firebase.json', line: 'hosting' in value ? hostingLine : topKeyLine(text, 'functions') }));
    }
    return compact({ hosting, services, addons, warnings });
  },
};
