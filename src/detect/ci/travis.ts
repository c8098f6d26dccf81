/** Travis CI (.travis.yml): scripts, job stages and `deploy:` providers. */
import type { FileFacts, Reader } from '../facts.js';
import { PipelineSignals, stripComments, type Stage } from './signals.js';
import { get, isMapNode, isSeqNode, items, parseYamlFile, str, strings, visitMaps, notAMapping } from './yaml-nodes.js';

const PROVIDERS: Record<string, { target?: string; stages: Stage[] }> = {
  heroku: { target: 'Heroku', stages: ['deploy'] },
  pages: { target: 'GitHub Pages', stages: ['deploy'] },
  npm: { target: 'npm registry', stages: ['release', 'publish'] },
  pypi: { target: 'PyPI', stages: ['release', 'publish'] },
  rubygems: { target: 'RubyGems', stages: ['release', 'publish'] },
  cargo: { target: 'crates.io', stages: ['release', 'publish'] },
  s3: { target: 'AWS', stages: ['deploy'] },
  elasticbeanstalk: { target: 'AWS', stages: ['deploy'] },
  lambda: { target: 'AWS', stages: ['deploy'] },
  codedeploy: { target: 'AWS', stages: ['deploy'] },
  gcs: { target: 'Google Cloud', stages: ['deploy'] },
  gae: { target: 'Google Cloud', stages: ['deploy'] },
  azure_web_apps: { target: 'Azure', stages: ['deploy'] },
  firebase: { target: 'Firebase', stages: ['deploy'] },
  netlify: { target: 'Netlify', stages: ['deploy'] },
  surge: { target: 'Surge', stages: ['deploy'] },
  releases: { stages: ['release'] },
  script: { stages: ['deploy'] },
};

const SCRIPT_KEYS = ['before_install', 'install', 'before_script', 'script', 'after_success', 'before_deploy', 'after_deploy'];

export const travisReader: Reader = {
  id: 'ci/travis',
  fileNames: ['.travis.yml', '.travis.yaml'],
  read(path, text): Omit<FileFacts, 'path'> {
    const yaml = parseYamlFile(path, text);
    const doc = yaml.docs[0];
    if (!doc || !isMapNode(doc.contents, doc)) return notAMapping(yaml, path, 'Travis file');
    const signals = new PipelineSignals();
    const names: string[] = [];
    const commands: string[] = [];
    visitMaps(doc.contents, doc, (map) => {
      for (const k of SCRIPT_KEYS) commands.push(...strings(get(map, k, doc), doc));
      for (const k of ['stage', 'name']) {
        const v = str(get(map, k, doc), doc);
        if (v) names.push(v);
      }
      const deploy = get(map, 'deploy', doc);
      const deploys = isSeqNode(deploy, doc) ? items(deploy, doc) : deploy === undefined ? [] : [deploy];
      for (const d of deploys) {
        const provider = str(get(d, 'provider', doc), doc)?.toLowerCase();
        const rule = provider ? PROVIDERS[provider] : undefined;
        if (!rule) continue;
        for (const s of rule.stages) signals.stages.add(s);
        if (rule.target) signals.targets.add(rule.target);
      }
    });
    signals.addJob({ names, commands, context: stripComments(text) });
    const fact = signals.toFact('Travis CI', path, 1);
    const out: Omit<FileFacts, 'path'> = { pipelines: [fact] };
    if (yaml.warnings.length) out.warnings = yaml.warnings;
    return out;
  },
};
