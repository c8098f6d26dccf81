/** Jenkinsfile (declarative or scripted): stage names and shell steps read as text, never executed. */
import type { FileFacts, Reader } from '../facts.js';
import { lex, lineAt, stringAt } from '../source/lexer.js';
import { PipelineSignals } from './signals.js';

export const jenkinsReader: Reader = {
  id: 'ci/jenkins',
  fileNames: ['Jenkinsfile'],
  patterns: [/^Jenkinsfile\.[\w.-]+$/, /\.jenkinsfile$/i],
  read(path, text): Omit<FileFacts, 'path'> {
    const lexed = lex(text, 'groovy');
    const { code } = lexed;
    const signals = new PipelineSignals();
    const names: string[] = [];
    for (const m of code.matchAll(/\bstage\s*\(\s*(?:name\s*:\s*)?/g)) {
      const s = stringAt(lexed, m.index + m[0].length);
      if (s) names.push(s.value);
    }
    const commands: string[] = [];
    for (const m of code.matchAll(/\b(?:sh|bat|powershell|pwsh)\s*\(?\s*(?:script\s*:\s*)?(?=['"])/g)) {
      const s = stringAt(lexed, m.index + m[0].length);
      if (s) commands.push(s.value);
      else {
        // Interpolated GString: still a command, read its raw text for the verbs (docker push ${image}).
        const start = m.index + m[0].length;
        const quote = text[start];
        const end = text.indexOf(quote, start + 1);
        if (end > start) commands.push(text.slice(start + 1, end));
      }
    }
    const pushesImage = /\bdocker\.build\s*\(/.test(code) && /\.push\s*\(/.test(code);
    signals.addJob({ names, commands, context: code, pushesImage });
    if (/\btriggers\s*\{[^}]*\bcron\s*\(/.test(code)) signals.triggers.add('schedule');
    if (/\bpollSCM\s*\(/.test(code)) signals.triggers.add('poll');
    if (/\bgithubPush\s*\(/.test(code)) signals.triggers.add('push');
    const pipelineAt = code.search(/\bpipeline\s*\{|\bnode\s*[({]/);
    const fact = signals.toFact('Jenkins', path, pipelineAt >= 0 ? lineAt(lexed, pipelineAt) : 1);
    if (names.length === 0 && commands.length === 0 && pipelineAt < 0) {
      return { warnings: [{ file: path, message: 'Jenkinsfile has no recognisable pipeline' }] };
    }
    return { pipelines: [fact] };
  },
};
