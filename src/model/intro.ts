/**
 * The Introduction's facts: the project's name, purpose and key features, from the root manifest and
 * the root README. Nothing here is guessed: without a source, a fact is left out.
 */
import { buildToolOf } from '../detect/manifests/gradle.js';
import type { Context } from './context.js';
import { type Draft, describes, primaryManifests } from './containers.js';
import { evidence } from './evidence.js';
import type { Fact } from './types.js';

const README = /^readme(\.(md|markdown|mdx|rst|txt|adoc|asciidoc))?$/i;

export interface Intro {
  name: Fact;
  purpose?: Fact;
  features: Fact[];
}

export function rootReadme(ctx: Context): string | undefined {
  return [...ctx.input.facts.keys()].filter((p) => !p.includes('/') && README.test(p)).sort((a, b) => rank(a) - rank(b))[0];
}

function rank(p: string): number {
  return /\.md$/i.test(p) ? 0 : /\.(markdown|mdx)$/i.test(p) ? 1 : 2;
}

export function buildIntro(ctx: Context, drafts: Draft[]): Intro {
  const readme = rootReadme(ctx);
  const intro = readme ? ctx.input.facts.get(readme)?.intro : undefined;
  const root = drafts.find((d) => d.path === '');
  const named = (m: { fact: { name?: string } }) => Boolean(m.fact.name && !m.fact.name.includes('${'));
  // an aggregator at the root (a Maven parent pom, a workspace package.json) names the project even when
  // it is no part of its own
  const rootManifests = root ? primaryManifests(root) : [];
  const rootManifest =
    rootManifests.find(named) ??
    [...ctx.each('manifests')]
      .filter(([file]) => !file.includes('/'))
      .flatMap(([file, list]) => list.map((fact) => ({ file, fact })))
      .find(named);
  const declared = rootManifest && spokenAs(declaredName(rootManifest.fact), intro?.summary);
  // "Document your life" over "Monica is a personal CRM" is a tagline: the paragraph under it names the project
  // as the manifest does, and the heading does not
  const tagline = Boolean(declared && intro?.title && intro.summary && !mentions(intro.title, declared) && startsWithName(intro.summary, declared));
  let name: Fact;
  if (intro?.title && isName(intro.title, intro.titleLine) && !tagline) {
    // "Maybe: The personal finance app for everyone", "eShop - a reference app": the name is before the tagline
    const cut = /^(.{2,40}?)(?::| [-–—]) \S/.exec(intro.title);
    const value = cut && cut[1].trim().split(/\s+/).length <= 4 ? cut[1].trim() : intro.title;
    name = { value, evidence: [evidence(readme!, 'README title', intro.titleLine)] };
  } else if (rootManifest && declared) {
    name = { value: declared, evidence: [evidence(rootManifest.file, `${buildToolOf(rootManifest.fact.ecosystem, rootManifest.file)} manifest name`, rootManifest.fact.line)] };
  } else {
    name = { value: ctx.input.rootName, evidence: [evidence('.', 'folder name')] };
  }
  let purpose: Fact | undefined;
  const described = rootManifests.find((m) => describes(m.fact.description?.trim()));
  const fromManifest = described && { value: described.fact.description!.trim(), evidence: [evidence(described.file, `${buildToolOf(described.fact.ecosystem, described.file)} manifest description`, described.fact.line)] };
  const summary = intro?.summary;
  // the README's first paragraph is sometimes a sponsor note or a follow-on sentence; the manifest's own
  // one-line description is then the better statement of purpose
  const offTopic = summary !== undefined && (NOT_A_PURPOSE.test(summary) || (fromManifest !== undefined && !mentions(summary, name.value)));
  if (summary && !(offTopic && fromManifest)) purpose = { value: summary, evidence: [evidence(readme!, 'README first paragraph', intro!.summaryLine)] };
  else if (fromManifest) purpose = fromManifest;
  const features = (intro?.features ?? []).slice(0, 10).map((f) => ({ value: f.text, evidence: [evidence(readme!, 'README features list', f.line)] }));
  const result: Intro = { name, features };
  if (purpose) result.purpose = purpose;
  return result;
}

/**
 * A manifest's name as people say it: a Go module path by its last segment, a Maven "group:artifact" by its
 * artifact, a Composer "vendor/package" by its package.
 */
function declaredName(fact: { ecosystem: string; name?: string }): string {
  const name = fact.name!;
  if (fact.ecosystem === 'go') return name.replace(/\/v\d+$/, '').split('/').pop()!;
  if (fact.ecosystem === 'composer') return name.slice(name.lastIndexOf('/') + 1);
  return name.slice(name.lastIndexOf(':') + 1);
}

/**
 * A workspace root named for its role ("@karakeep/root", "@acme/monorepo") is named by its scope, written the
 * way the README's first paragraph writes it ("Karakeep (previously Hoarder) is ...").
 */
function spokenAs(name: string, summary: string | undefined): string {
  const scope = /^@([^/]+)\/(?:root|monorepo|workspace|workspaces|repo|main)$/i.exec(name)?.[1];
  if (!scope) return name;
  const said = summary && new RegExp(`^${scope.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').exec(summary);
  return said ? said[0] : scope;
}

function startsWithName(text: string, name: string): boolean {
  const short = name.replace(/^@[^/]+\//, '').toLowerCase();
  return short.length > 2 && text.toLowerCase().startsWith(`${short} `);
}

const NOT_A_PURPOSE = /^(in other words|also|however|but|and|so|note|see|for more)\b|sponsor|supported by|special thanks|backers|donat|this project is (no longer|unmaintained|deprecated)/i;

function mentions(text: string, name: string): boolean {
  const words = name.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 2);
  const lower = text.toLowerCase();
  return words.length === 0 || words.some((w) => lower.includes(w));
}

/** A README title is a name when it is short and not a sentence ("Welcome to ..." is not a name). */
function isName(title: string, line?: number): boolean {
  // a heading far down the README, or a section name, titles a section, not the project
  if (line !== undefined && line > 20) return false;
  return title.length <= 60 && !/^(welcome|about|introduction|overview|table of contents|contents|directory structure|project structure|getting started|installation|install|usage|quick ?start|features|requirements|prerequisites|documentation|license|description|setup)\b/i.test(title);
}
