/**
 * README intro: the title, the first real sentence(s) of prose, and the features list. Badges, logos,
 * link bars, notes and installation steps are not a description, so they are skipped rather than guessed at.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Heading, List, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { FileFacts, IntroFact, Reader } from '../facts.js';

/** "Features", "✨ Key features", "Highlights": a heading that opens on them ("Contributing new features" does not). */
const FEATURES_HEADING = /^(?:\P{L}*\s*)?(?:(?:key|main|core|notable|major|top|some|supported|available|current)\s+)?(?:features?|highlights|what it does|capabilities)\b/iu;
/** Sections whose first paragraph still describes the project. */
const ABOUT_HEADING = /^(?:\P{L}*\s*)?(about|overview|introduction|intro|description|what is\b|what's\b|why\b|summary|background|vision|mission|welcome\b|前言|简介|介绍|概述|关于|项目介绍|项目简介|紹介|概要|소개)/iu;
/** A banner set as the first heading ("🚨 Notice: X is being archived") is news about the project, not its name. */
const NOTICE_HEADING = /^(?:\P{L}*\s*)?(?:notice|warning|important|attention|deprecated|deprecation|archived|announcement|caution)\b/iu;
/** Headings that open a section of a README, never its title. */
const SECTION_HEADING = /^(?:\P{L}*\s*)?(?:about|overview|introduction|intro|description|what is|why|summary|background|architecture|installation|install|getting started|quick ?start|usage|features|requirements|prerequisites|setup|table of contents|contents|toc|documentation|docs|license|contributing|build|building|development|deploy|deployment|configuration|faq|support|status|notes?|changelog|roadmap|motivation|goals?|demo|screenshots?|preview|tech stack|stack)\b/iu;
const FEATURES_LEAD_IN = /\b(?:provides?|supports?|includes?|offers?|features?|comes with|lets you|allows you to|can)\b[^:]*:\s*$/i;
/** "... it provides the following benefits:" argues for a design choice; the list is not what the project does. */
const ARGUMENT_LEAD_IN = /\b(?:benefits?|advantages?|reasons?|drawbacks?|trade-?offs?|differences?|pros|cons)\b/i;
const MAX_FEATURES = 12;
const MAX_SUMMARY = 300;
const MIN_SUMMARY = 20;

/** Plain text of inline content; images, HTML and line breaks say nothing. */
function inlineText(nodes: PhrasingContent[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        out += node.value;
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'link':
      case 'linkReference':
        out += inlineText(node.children);
        break;
      case 'break':
        out += ' ';
        break;
      default:
        break; // image, imageReference, html, footnoteReference
    }
  }
  return out;
}

/** Prose that is not inside a link: a paragraph made only of links (badges, nav bars) has none. */
function proseOutsideLinks(nodes: PhrasingContent[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode') out += node.value;
    else if (node.type === 'emphasis' || node.type === 'strong' || node.type === 'delete') out += proseOutsideLinks(node.children);
    else if (node.type === 'link' || node.type === 'linkReference') {
      // A link inside a sentence is prose; a link wrapping an image is a badge.
      if (!node.children.some((c) => c.type === 'image' || c.type === 'imageReference')) out += inlineText(node.children);
    }
  }
  return out;
}

export function clean(text: string): string {
  return text
    .replace(/:[a-z0-9_+-]+:/g, '') // GitHub emoji shortcodes
    .replace(/[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}\u{FE0F}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function stripHtml(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** Up to MAX_SUMMARY characters, cut at a sentence end when the paragraph is longer. */
export function cutSummary(text: string): string {
  if (text.length <= MAX_SUMMARY) return text;
  const head = text.slice(0, MAX_SUMMARY + 1);
  const ends = [...head.matchAll(/[.!?](?=\s|$)|[。！？]/g)].map((m) => m.index + 1).filter((i) => i >= 40);
  if (ends.length) return head.slice(0, ends[ends.length - 1]).trim();
  const space = head.lastIndexOf(' ', MAX_SUMMARY - 1);
  return `${head.slice(0, space > 40 ? space : MAX_SUMMARY).trim()}…`;
}

const BOILERPLATE =
  /\b(?:generated with \[?Angular CLI|bootstrapped with \[?(?:Create React App|create-next-app|`?create-[\w-]+`?)|This template (?:provides|should help)|This directory is not required|This (?:project|app) was (?:generated|created|bootstrapped) (?:with|using)|Welcome to your new|Look at the \[?Nuxt|Check out the \[?(?:documentation|deployment documentation)\]?)/i;

/** Is this prose a description, rather than a note, a link bar or a badge caption? */
function isDescription(text: string): boolean {
  if (text.length < MIN_SUMMARY) return false;
  if (/^(note|warning|important|caution|tip|disclaimer|deprecated|table of contents|toc|status)\b[\s:!*]/i.test(text)) return false;
  // nor does a greeting ("Thank you for your interest!")
  if (/^(?:thank you|thanks)\b/i.test(text)) return false;
  if (/^\[!(note|warning|important|tip|caution)\]/i.test(text)) return false;
  // a sponsor's banner ("Deploy on X and get $200 in free credits") advertises someone else
  if (/\b(?:sponsor(?:ed|s)?|free credits?|coupon|promo code|referral)\b|\$\d/i.test(text)) return false;
  // nor does merchandise ("T-shirts, mugs, and stickers now available!")
  if (/\b(?:merch(?:andise)?|t-shirts?|mugs|stickers|swag)\b/i.test(text)) return false;
  if ((text.match(/\s[|•·]\s/g) ?? []).length >= 2) return false; // "Docs | Website | Discord"
  // what a scaffolding tool writes into every new project says nothing about this one
  if (BOILERPLATE.test(text)) return false;
  // nor does a notice that the project moved or is archived
  if (/\b(?:ha(?:s|ve) (?:been )?(?:\w+ and )?(?:moved|archived|deprecated)|(?:moved|migrated) to (?:https?:|the )|is (?:being )?archived|no longer (?:maintained|supported|under active development))\b/i.test(text)) return false;
  // Instructions introducing a code block ("Run the following command:") describe a step, not the project.
  if (/:\s*$/.test(text) || /^(run|install|clone|execute|type|click|download|first|to (?:install|run|build|start|use))\b/i.test(text)) return false;
  // nor does a pointer to the documentation ("We highly recommend you take a look at the Docs to learn more")
  if (/^(?:we (?:\w+ )?recommend|please (?:see|read|visit|refer)|see|visit|refer to|check out|take a look|for (?:more|further) (?:information|details))\b/i.test(text) || (text.length < 160 && /\bto (?:learn|find out|read) more\b/i.test(text))) return false;
  const words = text.split(/\s+/).filter((w) => /[a-z]/i.test(w));
  // Chinese, Japanese and Korean prose has no spaces between words: count its characters instead
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0;
  return words.length >= 4 || cjk >= 12;
}

/** Small print set in <sub>, <sup>, <small> or a figure's caption: an image credit, a footnote, not the project's description. */
const SMALL_PRINT_TAGS = 'sub|sup|small|figure|figcaption';
const SMALL_PRINT = new RegExp(`^<(${SMALL_PRINT_TAGS})\\b[^>]*>$`, 'i');
const SMALL_PRINT_BLOCK = new RegExp(`<(${SMALL_PRINT_TAGS})\\b[^>]*>[\\s\\S]*?<\\/\\1\\s*>`, 'gi');

function withoutSmallPrint(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let inside: string | undefined;
  for (const node of nodes) {
    if (node.type === 'html') {
      const open = SMALL_PRINT.exec(node.value.trim());
      if (!inside && open) inside = open[1].toLowerCase();
      else if (inside && new RegExp(`^</${inside}\\s*>$`, 'i').test(node.value.trim())) inside = undefined;
      continue;
    }
    if (!inside) out.push(node);
  }
  return out;
}

function paragraphSummary(p: Paragraph): string | undefined {
  const children = withoutSmallPrint(p.children);
  // a paragraph that is one link and nothing else points elsewhere ("[Deutsche Anleitung](WIE-LAUFEN.md)")
  if (children.every((c) => c.type === 'link' || c.type === 'linkReference' || c.type === 'break' || (c.type === 'text' && !c.value.trim()))) return undefined;
  const prose = clean(proseOutsideLinks(children));
  if (isDescription(prose)) return clean(inlineText(children));
  // "Welcome to FoodAdvisor, the official Strapi demo. This repository contains the following:" describes the
  // project before it introduces a list
  const lead = withoutLeadIn(prose);
  return lead && isDescription(lead) ? withoutLeadIn(clean(inlineText(children))) : undefined;
}

/** "X is a Y that includes:" and the items of the list after it, as one sentence. */
function definitionWithList(p: Paragraph, list: List): string | undefined {
  const text = clean(inlineText(p.children));
  if (!/:\s*$/.test(text) || !/^[^.!?]{2,80}?\s(?:is|are)\s(?:an?|the)\s/i.test(text) || /\b(?:following|steps?|commands?|run|install)\b/i.test(text)) return undefined;
  const items = listItems(list).map((item) => item.text.replace(/[.;,]\s*$/, ''));
  if (items.length < 2) return undefined;
  return `${text.replace(/\s*:\s*$/, ':')} ${items.join(', ')}.`;
}

/** The sentences before a closing lead-in ("... the following:"), or undefined when there is none before it. */
function withoutLeadIn(text: string): string | undefined {
  if (!/:\s*$/.test(text)) return undefined;
  const end = Math.max(...[...text.matchAll(/[.!?](?=\s)/g)].map((m) => m.index + 1), -1);
  return end > 0 ? text.slice(0, end).trim() : undefined;
}

function htmlSummary(html: string): string | undefined {
  // a figure's caption or small print says what a picture shows or who made it, not what the project is
  const prose = html.replace(SMALL_PRINT_BLOCK, ' ');
  // Centered READMEs put the tagline in <p align="center">; headings and images there are not prose.
  const withoutHeadings = prose.replace(/<h[1-6][\s\S]*?<\/h[1-6]>/gi, ' ').replace(/<a\b[^>]*>\s*<img[\s\S]*?<\/a>/gi, ' ');
  const text = clean(stripHtml(withoutHeadings));
  if (isDescription(text) && text.split(' ').length >= 6) return text;
  // or set as a heading of its own, under the <h1> or centred on its own: "<h1>tRPC</h1> <h3>Move fast and break
  // nothing.<br/>End-to-end typesafe APIs made easy.</h3>", excalidraw's "<h2>An open source virtual hand-drawn
  // style whiteboard.</h2>" (a sentence, not a section's name nor a bar of links)
  for (const heading of prose.matchAll(/<h([2-6])\b[^>]*>([\s\S]*?)<\/h\1>/gi)) {
    const line = clean(stripHtml(heading[2].replace(/<br\s*\/?>/gi, ' ')));
    if (isDescription(line) && line.split(' ').length >= 5 && !FEATURES_HEADING.test(line) && !ABOUT_HEADING.test(line)) return line;
  }
  return undefined;
}

function htmlTitle(html: string): string | undefined {
  const m = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  // "<h1>Kimai<br>#1 Open-Source Time-Tracker</h1>": the name, then a tagline on a line of its own
  const lines = m ? m[1].split(/<br\s*\/?>/i).map((part) => clean(stripHtml(part))).filter(Boolean) : [];
  return lines[0] || undefined;
}

function headingText(h: Heading): string {
  return clean(inlineText(h.children));
}

function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

/** The markdown parser is far from linear on large files (awesome-lists run to megabytes); the intro is at the top. */
const HEAD_CHARS = 32_000;
const FEATURES_CHARS = 16_000;

function cutAtBlankLine(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf('\n\n', max);
  return text.slice(0, cut > max / 2 ? cut : max);
}

export function readMarkdownIntro(text: string): IntroFact {
  const head = cutAtBlankLine(text, HEAD_CHARS);
  const intro = introOf(head);
  if (!intro.features && head.length < text.length) {
    // A features section further down: parse just that section, then put its lines back in place.
    const rest = text.slice(head.length);
    const heading = /^#{1,6}[ \t]+\P{L}*(?:(?:key|main|core|notable|major|top|some)\s+)?(?:features?|highlights|what it does|capabilities)\b.*$/imu.exec(rest);
    if (heading) {
      const start = head.length + heading.index;
      const offset = countLines(text, start);
      const features = introOf(cutAtBlankLine(text.slice(start), FEATURES_CHARS)).features;
      if (features) intro.features = features.map((f) => ({ text: f.text, line: f.line + offset }));
    }
  }
  return intro;
}

function countLines(text: string, end: number): number {
  let n = 0;
  for (let k = 0; k < end; k++) if (text.charCodeAt(k) === 10) n++;
  return n;
}

function introOf(text: string): IntroFact {
  const root = fromMarkdown(text);
  const intro: IntroFact = {};
  const top: RootContent[] = root.children;
  let sectionsSeen = 0;
  let inAbout = false;
  for (let i = 0; i < top.length; i++) {
    const node = top[i];
    if (node.type === 'heading') {
      const t = headingText(node);
      // Only a top-level heading names the project; a leading "## Architecture" is a section, not a title, but a
      // README that opens on "## AWS Serverless Airline Booking" titles itself with it
      const opening = sectionsSeen === 0 && top.slice(0, i).every((n) => n.type === 'html' || n.type === 'paragraph' && !paragraphSummary(n));
      const titleLike = t && !NOTICE_HEADING.test(t) && !(node.depth === 1 ? /^(?:\P{L}*\s*)?(?:about|overview|introduction|installation|getting started|usage|features)\s*$/iu : SECTION_HEADING).test(t) && !(node.depth > 1 && (ABOUT_HEADING.test(t) || FEATURES_HEADING.test(t)));
      if (intro.title === undefined && titleLike && (node.depth === 1 || (node.depth <= 3 && opening))) {
        intro.title = t;
        intro.titleLine = lineOf(node);
        continue;
      }
      // a top heading that is only a logo (`# <img src="logo.png">`) stands where the title would: the
      // paragraph under it still opens the README
      if (!t && node.depth === 1 && intro.title === undefined && sectionsSeen === 0) continue;
      // a sentence set as a subheading right under the title is the tagline ("### A privacy-aware social network")
      if (i > 0 && top[i - 1].type === 'heading' && sectionsSeen === 0 && intro.summary === undefined && node.depth > 1 && isDescription(t) && !FEATURES_HEADING.test(t) && !ABOUT_HEADING.test(t)) {
        intro.summary = cutSummary(t);
        intro.summaryLine = lineOf(node);
        continue;
      }
      sectionsSeen++;
      inAbout = ABOUT_HEADING.test(t);
      if (!intro.features && FEATURES_HEADING.test(t)) {
        const features = featuresAfter(top, i, node.depth);
        if (features.length) intro.features = features;
      }
      continue;
    }
    if (node.type === 'html' && intro.title === undefined) {
      const t = htmlTitle(node.value);
      if (t) {
        intro.title = t;
        intro.titleLine = lineOf(node);
      }
    }
    // Only the opening of the README (before a second section) or an "About" section describes the project.
    const mayDescribe = sectionsSeen === 0 || inAbout;
    // "Cobra provides:" and a list, in the part that describes the project, is its features list
    // (a lead-in that says what the project does, not "Main reasons for selecting this domain:")
    if (mayDescribe && !intro.features && intro.summary !== undefined && node.type === 'paragraph' && top[i + 1]?.type === 'list' && FEATURES_LEAD_IN.test(clean(inlineText(node.children))) && !ARGUMENT_LEAD_IN.test(clean(inlineText(node.children)))) {
      const features = listItems(top[i + 1] as List);
      if (features.length >= 2) intro.features = features;
    }
    if (intro.summary !== undefined || !mayDescribe) continue;
    let summary: string | undefined;
    if (node.type === 'paragraph') {
      summary = paragraphSummary(node);
      // "PocketBase is an open source Go backend that includes:" and a list: the definition goes on in the list
      if (!summary && top[i + 1]?.type === 'list') {
        summary = definitionWithList(node, top[i + 1] as List);
        if (summary && !intro.features) intro.features = listItems(top[i + 1] as List);
      }
      // "**Online Boutique** is a cloud-first demo": a README with no heading names its project in bold
      const [lead, next] = node.children;
      if (summary && intro.title === undefined && lead?.type === 'strong' && next?.type === 'text' && /^\s+(?:is|are)\b/.test(next.value)) {
        const name = clean(inlineText(lead.children));
        if (name && name.split(/\s+/).length <= 5) {
          intro.title = name;
          intro.titleLine = lineOf(node);
        }
      }
    }
    else if (node.type === 'blockquote') {
      const first = node.children.find((c): c is Paragraph => c.type === 'paragraph');
      summary = first ? paragraphSummary(first) : undefined;
    } else if (node.type === 'html') summary = htmlSummary(node.value);
    if (summary) {
      intro.summary = cutSummary(summary);
      intro.summaryLine = lineOf(node);
    }
  }
  return intro;
}

function featuresAfter(top: RootContent[], headingAt: number, depth: number): { text: string; line: number }[] {
  for (let j = headingAt + 1; j < top.length; j++) {
    const node = top[j];
    if (node.type === 'heading' && node.depth <= depth) return [];
    if (node.type !== 'list') continue;
    return listItems(node);
  }
  return [];
}

function listItems(list: List): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  for (const item of list.children) {
    const para = item.children.find((c): c is Paragraph => c.type === 'paragraph');
    const text = para ? clean(inlineText(para.children)) : '';
    if (text) out.push({ text: text.length > 200 ? cutAtWord(text, 200) : text, line: lineOf(item) });
    if (out.length >= MAX_FEATURES) break;
  }
  return out;
}

function cutAtWord(text: string, max: number): string {
  const space = text.lastIndexOf(' ', max);
  return `${text.slice(0, space > 20 ? space : max)}…`;
}

/** reStructuredText, read by lines: title underlines, directives and substitutions (badges) skipped. */
export function readRstIntro(text: string): IntroFact {
  const lines = text.split(/\r?\n/);
  const intro: IntroFact = {};
  const isUnderline = (l: string | undefined) => l !== undefined && /^([=\-~^"'`#*+_:.])\1{2,}\s*$/.test(l);
  let sectionsSeen = 0;
  let inFeatures = false;
  let inAbout = false;
  let para: string[] = [];
  let paraLine = 0;
  let inDirective = false;
  const flush = () => {
    if (para.length && intro.summary === undefined && (sectionsSeen <= 1 || inAbout)) {
      const joined = clean(para.join(' ').replace(/`([^`<]+?)\s*(<[^>]*>)?`_{0,2}/g, '$1').replace(/\*\*?|``/g, ''));
      if (isDescription(joined) && !/^\|[^|]+\|/.test(joined)) {
        intro.summary = cutSummary(joined);
        intro.summaryLine = paraLine;
      }
    }
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isUnderline(lines[i + 1]) && line.trim() && !isUnderline(line)) {
      flush();
      const title = clean(line);
      sectionsSeen++;
      if (intro.title === undefined) {
        intro.title = title;
        intro.titleLine = i + 1;
      } else {
        inAbout = ABOUT_HEADING.test(title);
        inFeatures = !intro.features && FEATURES_HEADING.test(title);
      }
      i++;
      continue;
    }
    if (isUnderline(line)) continue; // overline
    if (!line.trim()) {
      flush();
      inDirective = false;
      continue;
    }
    if (/^\.\.\s/.test(line) || /^\s*:\w[\w -]*:/.test(line)) {
      inDirective = true;
      continue;
    }
    if (inDirective && /^\s/.test(line)) continue;
    inDirective = false;
    const item = /^[-*+]\s+(.*)$/.exec(line);
    if (item) {
      if (inFeatures) {
        intro.features ??= [];
        if (intro.features.length < MAX_FEATURES) intro.features.push({ text: clean(item[1].replace(/\*\*?|``/g, '')), line: i + 1 });
      }
      continue;
    }
    if (/^\s/.test(line) && !para.length) continue; // block quotes, literal blocks
    if (!para.length) paraLine = i + 1;
    para.push(line.trim());
  }
  flush();
  return intro;
}

/**
 * AsciiDoc read as the Markdown it maps to, line for line so lines stay true: `= Title` headings, `* item`
 * lists, `link:url[text]` and `url[text]` links as their text; attributes, block macros (image::, include::),
 * block attributes, comments and delimited listing blocks say nothing about the project and become blank.
 */
export function asciidocAsMarkdown(text: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const delimiter = /^(-{4,}|\.{4,}|={4,}|\*{4,}|_{4,}|\+{4,}|\/{4,})\s*$/.exec(line)?.[1];
    if (fence !== undefined) {
      if (delimiter === fence) fence = undefined;
      out.push('');
      continue;
    }
    if (delimiter) {
      fence = delimiter;
      out.push('');
      continue;
    }
    if (/^:[\w-]+!?:|^\/\/|^[a-z]+::|^\[.*\]\s*$|^\.[A-Za-z]|^(?:ifn?def|ifeval|endif)::/.test(line)) {
      out.push('');
      continue;
    }
    const heading = /^(={1,6})\s+(\S.*)$/.exec(line);
    if (heading) {
      out.push(`${'#'.repeat(heading[1].length)} ${heading[2]}`);
      continue;
    }
    out.push(
      line
        .replace(/^(\*{1,5}|-)\s+/, '- ')
        .replace(/^\.{1,5}\s+/, '1. ')
        .replace(/\bimage:[^\s[]*\[[^\]]*\]/g, '')
        .replace(/\blink:[^\s[]+\[([^\]]*)\]/g, '$1')
        .replace(/\bhttps?:\/\/[^\s[]+\[([^\]]*)\]/g, '$1')
        .replace(/<<[^,>]+,\s*([^>]+)>>/g, '$1'),
    );
  }
  return out.join('\n');
}

function hasAny(intro: IntroFact): boolean {
  return intro.title !== undefined || intro.summary !== undefined || intro.features !== undefined;
}

export const readmeReader: Reader = {
  id: 'source/readme',
  patterns: [/^readme(\.(md|markdown|mdown|rst|txt|adoc|asciidoc))?$/i],
  read(path, text): Omit<FileFacts, 'path'> {
    try {
      const intro = /\.rst$/i.test(path) ? readRstIntro(text) : readMarkdownIntro(/\.(?:adoc|asciidoc)$/i.test(path) ? asciidocAsMarkdown(text) : text);
      return hasAny(intro) ? { intro } : {};
    } catch (err) {
      return { warnings: [{ file: path, message: `README not readable: ${err instanceof Error ? err.message : String(err)}` }] };
    }
  },
};
