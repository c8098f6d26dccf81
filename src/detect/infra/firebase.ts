/** firebase.json: Firebase Hosting and Functions, and the Firebase data services it configures. */
import type { AddonFact, FileFacts, Reader } from '../facts.js';
import { compact, isRecord, lineOfText, parseJson } from './util.js';

const DATA_SERVICES: Record<string, string> = { firestore: 'firestore', database: 'firebase-realtime-database', storage: 'firebase-storage' };

export const firebaseReader: Reader = {
  id: 'firebase',
  fileNames: ['firebase.json'],
  read(path: string, text: string): Omit<FileFacts, 'path'> {
    const { value, warnings } = parseJson(path, text);
    if (!isRecord(value)) return compact({ warnings });
    const addons: AddonFact[] = [];
    for (const [key, name] of Object.entries(DATA_SERVICES)) {
      if (key in value) addons.push({ name, via: 'firebase.json', line: lineOfText(text, new RegExp(`"${key}"\\s*:`)) });
    }
    const deploys = 'hosting' in value || 'functions' in value;
    const line = lineOfText(text, /"(hosting|functions)"\s*:/);
    return compact({
      hosting: deploys ? [{ provider: 'Firebase', via: 'firebase.json', ...(line ? { line } : {}) }] : [],
      addons,
      warnings,
    });
  },
};
