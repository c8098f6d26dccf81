/** Conclusion: the architecture in a few sentences, and where to read further. */
import { type ArchitectureModel, isJobQueue } from '../../model/types.js';
import { code, joinWords, text } from '../markdown.js';
import type { View } from '../view.js';

export function renderConclusion(model: ArchitectureModel, view: View, docs: string[]): string {
  const name = text(model.system.name.value);
  const style = model.system.style.map((s) => s.value.toLowerCase());
  const sentences: string[] = [];
  const kinds = view.own.map((c) => `**${text(c.name)}**`);
  const describedAs = style.length ? `a ${joinWords(style)} ${style.some((s) => /library|tool|application/.test(s)) ? 'project' : 'system'}` : 'a codebase';
  if (!kinds.length && !style.length) sentences.push(`No component of ${name} was found in this repository: no manifest, deployable unit or source folder that archmd reads.`);
  else sentences.push(`${name} is ${describedAs}${kinds.length ? ` made of ${joinWords(kinds.slice(0, 10))}${kinds.length > 10 ? ' and more' : ''}` : ''}.`);
  const alternatives = new Set(view.stores.filter((s) => view.alternativeStores.has(s.id)));
  const keeps = view.stores.filter((s) => s.kind !== 'broker' && !alternatives.has(s));
  const brokers = view.stores.filter((s) => s.kind === 'broker');
  if (alternatives.size) {
    // the databases it chooses between hold the data; a Redis beside them (locks, rate limits, a queue) is used, not the record
    sentences.push(`It can keep its data in ${joinWords(view.storeChoices().names.map(text))}; which of them holds it is a matter of configuration.`);
    if (keeps.length) sentences.push(`It also uses ${joinWords(keeps.map((s) => text(s.name)))}.`);
  } else if (keeps.length) sentences.push(`It keeps its data in ${joinWords(keeps.map((s) => text(s.name)))}.`);
  // messages are exchanged between parts only when two or more of them use the broker; one part alone sends
  // to it (events for systems outside) or to itself (delayed jobs)
  // a Redis broker carries background jobs (Sidekiq, Celery, BullMQ), whoever enqueues and runs them
  const jobs = brokers.filter(isJobQueue);
  const shared = brokers.filter((s) => !isJobQueue(s) && new Set(view.usedBy(s).map((r) => r.from)).size >= 2);
  const alone = brokers.filter((s) => !isJobQueue(s) && !shared.includes(s));
  if (jobs.length) sentences.push(`It queues background jobs in ${joinWords(jobs.map((s) => text(s.name)))}.`);
  if (shared.length) sentences.push(`Its parts exchange messages through ${joinWords(shared.map((s) => text(s.name)))}.`);
  if (alone.length) sentences.push(`It sends messages through ${joinWords(alone.map((s) => text(s.name)))}.`);
  // a deploy button alone (Heroku's app.json) offers a place to run it; it does not say the project runs there
  const offered = (h: { evidence: { rule: string }[] }) => h.evidence.every((e) => /deploy button/.test(e.rule));
  const hosting = model.deployment.hosting.filter((h) => !offered(h)).map((h) => h.value);
  const buttons = model.deployment.hosting.filter(offered).map((h) => h.value);
  if (hosting.length) sentences.push(`It is deployed on ${joinWords(hosting.map(text))}.`);
  if (buttons.length) sentences.push(`It ${hosting.length ? 'also has' : 'has'} a deploy button for ${joinWords(buttons.map(text))}.`);
  const ci = [...new Set(model.deployment.pipelines.map((p) => p.system))];
  if (ci.length) sentences.push(`${joinWords(ci)} ${ci.length > 1 ? 'build and check' : 'builds and checks'} it.`);
  const lines = [sentences.join(' '), ''];
  lines.push('Every statement above names the file it comes from; `archmd analyze --json` gives the line and the rule for each. Run `archmd` to refresh the generated parts and `archmd check` in CI to fail when the code and this document part ways.');
  if (docs.length) lines.push('', `Further reading: ${docs.map(code).join(', ')}.`);
  return lines.join('\n');
}
