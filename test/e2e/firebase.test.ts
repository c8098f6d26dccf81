/**
 * Firebase apps: the services firebase.json sets up are the system's stores, a folder Firebase Hosting serves
 * as it is is a web app, and a Cloud Functions codebase is a function.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from '../../src/index.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { analyzed } from '../helpers.js';

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

describe('a web app on Firestore and Cloud Storage, set up by firebase.json', () => {
  let model: ArchitectureModel;
  analyzed('archmd-firebase-stores-', {
    'firebase.json': json({
      emulators: { firestore: { port: 8080 }, storage: { port: 9199 }, database: { port: 9000 } },
      firestore: { rules: 'firestore.rules', indexes: 'firestore.indexes.json' },
      hosting: { public: 'dist' },
      storage: { rules: 'storage.rules' },
    }),
    'firestore.rules': "rules_version = '2';\nservice cloud.firestore {\n  match /databases/{database}/documents {\n    match /{document=**} { allow read; }\n  }\n}\n",
    'firestore.indexes.json': json({ indexes: [], fieldOverrides: [] }),
    'storage.rules': "rules_version = '2';\nservice firebase.storage {\n  match /b/{bucket}/o {\n    match /{allPaths=**} { allow read; }\n  }\n}\n",
    'package.json': json({ name: 'eats', private: true, scripts: { dev: 'vite', build: 'vite build' }, dependencies: { firebase: '^10.0.0', react: '^18.2.0', 'react-dom': '^18.2.0' }, devDependencies: { vite: '^5.0.0' } }),
    'index.html': '<!doctype html><div id="root"></div><script type="module" src="/src/main.jsx"></script>\n',
    'src/main.jsx': "import { createRoot } from 'react-dom/client';\nimport { App } from './app.jsx';\ncreateRoot(document.getElementById('root')).render(<App />);\n",
    'src/app.jsx': [
      "import { initializeApp } from 'firebase/app';",
      "import { getAuth } from 'firebase/auth';",
      "import { getFirestore, collection } from 'firebase/firestore';",
      "import { getStorage } from 'firebase/storage';",
      'const app = initializeApp({});',
      'export const db = getFirestore(app);',
      'export const auth = getAuth(app);',
      'export const bucket = getStorage(app);',
      "export function App() { return <ul>{String(collection(db, 'restaurants'))}</ul>; }",
      '',
    ].join('\n'),
  }, (m) => (model = m));

  it('names the Firebase products the code imports, not just "Firebase"', () => {
    const byId = new Map(model.technologies.map((t) => [t.id, t]));
    assert.equal(byId.get('firestore')?.category, 'database-document');
    assert.equal(byId.get('firebase-storage')?.category, 'object-storage');
    assert.equal(byId.get('firebase-auth')?.category, 'auth');
    assert.ok(byId.get('firestore')!.evidence.some((e) => e.file === 'src/app.jsx' && e.line === 3 && e.rule === 'import firebase/firestore'));
    assert.ok(!byId.has('firebase-realtime-database'), 'the emulator settings set up no Realtime Database');
  });

  it('Firestore and Cloud Storage are stores of the system, used by the app that imports them', () => {
    const stores = model.containers.filter((c) => c.path === undefined).map((c) => `${c.id}:${c.kind}`).sort();
    assert.deepEqual(stores, ['datastore:firebase-storage:storage', 'datastore:firestore:datastore']);
    const app = model.containers.find((c) => c.path === '')!;
    const targets = model.relationships.filter((r) => r.from === app.id && r.kind === 'data').map((r) => r.to).sort();
    assert.deepEqual(targets, ['datastore:firebase-storage', 'datastore:firestore']);
  });

  it('firebase.json sets them up: its top-level keys are the evidence, not the emulator settings', () => {
    const managed = new Map(model.deployment.managedServices.map((m) => [m.value, m.evidence]));
    assert.deepEqual(managed.get('Cloud Firestore')?.map((e) => `${e.file}:${e.line}`), ['firebase.json:13']);
    assert.deepEqual(managed.get('Cloud Storage for Firebase')?.map((e) => `${e.file}:${e.line}`), ['firebase.json:20']);
  });

  it('the document names the database instead of finding none', () => {
    const doc = render(model);
    assert.doesNotMatch(doc, /no datastore found|\*\*Database\*\*: none found/);
    assert.match(doc, /\*\*Database\*\*: Cloud Firestore/);
  });
});

describe('a plain web app that Firebase Hosting serves from its own folder, beside an app with a function', () => {
  let model: ArchitectureModel;
  analyzed('archmd-firebase-hosting-', {
    // a linters-only package.json whose "main" names the folder itself
    'web/package.json': json({ name: 'fireats', version: '0.0.0', description: 'Starting point for the codelab', main: '.', scripts: { fmt: 'prettier --write scripts/*' }, devDependencies: { eslint: '^8.0.0', prettier: '^3.0.0' } }),
    'web/firebase.json': json({ hosting: { public: './', ignore: ['firebase.json'] }, firestore: { rules: 'firestore.rules' } }),
    'web/firestore.rules': "service cloud.firestore {\n  match /databases/{database}/documents { }\n}\n",
    'web/index.html': '<!doctype html><title>Eats</title><script src="scripts/app.js"></script>\n',
    'web/manifest.json': json({ name: 'Eats', start_url: '/' }),
    'web/sw.js': "self.addEventListener('fetch', () => {});\n",
    'web/scripts/app.js': "function Eats() { firebase.firestore().collection('restaurants'); }\nwindow.onload = () => new Eats();\n",
    // a root package.json with no name and nothing to run, holding what its hosting/ app imports
    'spa/package.json': json({ dependencies: { firebase: '^10.0.0', 'react-router-dom': '^6.0.0' } }),
    'spa/firebase.json': json({ functions: [{ source: 'functions', codebase: 'default' }], hosting: { source: 'hosting' } }),
    'spa/functions/package.json': json({ name: 'functions', description: 'Cloud Functions for Firebase', main: 'index.js', scripts: { start: 'npm run shell', shell: 'firebase functions:shell' }, dependencies: { 'firebase-admin': '^12.0.0', 'firebase-functions': '^5.0.0' }, private: true }),
    'spa/functions/index.js': "const functions = require('firebase-functions');\nexports.hello = functions.https.onRequest((req, res) => res.send('hi'));\n",
    'spa/hosting/package.json': json({ name: 'hosting', private: true, scripts: { dev: 'vite', build: 'vite build' }, dependencies: { react: '^18.2.0', 'react-dom': '^18.2.0' }, devDependencies: { vite: '^5.0.0' } }),
    'spa/hosting/index.html': '<!doctype html><div id="root"></div>\n',
    'spa/hosting/src/main.jsx': "import { createRoot } from 'react-dom/client';\nimport { BrowserRouter } from 'react-router-dom';\ncreateRoot(document.body).render(<BrowserRouter />);\n",
    // firebase init names ./functions whether or not the folder is kept
    'next/package.json': json({ name: 'next-eats', private: true, scripts: { dev: 'next dev', start: 'next start' }, dependencies: { next: '^14.0.0', react: '^18.2.0', 'react-dom': '^18.2.0' } }),
    'next/firebase.json': json({ functions: [{ source: 'functions' }], hosting: { source: '.' } }),
    'next/src/app/page.js': "export default function Page() { return <main>eats</main>; }\n",
    'next/src/app/layout.js': 'export default function Layout({ children }) { return <html><body>{children}</body></html>; }\n',
  }, (m) => (model = m));

  const kindAt = (path: string) => model.containers.find((c) => c.path === path)?.kind;

  it('the folder Firebase Hosting serves as it is, with its index.html, is a web app, not a library', () => {
    assert.equal(kindAt('web'), 'frontend');
    assert.ok(!model.system.style.some((s) => s.value === 'Library'), model.system.style.map((s) => s.value).join());
  });

  it('a "main" that names the folder itself is no entry point', () => {
    const web = model.containers.find((c) => c.path === 'web')!;
    assert.ok(!web.entryPoints?.some((e) => e.value.startsWith('main')), JSON.stringify(web.entryPoints));
  });

  it('the Cloud Functions codebase firebase.json deploys is a function; one it names but the repository lacks is none', () => {
    assert.equal(kindAt('spa/functions'), 'function');
    assert.equal(kindAt('next'), 'frontend');
    assert.deepEqual(model.containers.filter((c) => c.kind === 'function').map((c) => c.path), ['spa/functions']);
  });

  it('the nameless package.json above the hosted app is no second frontend', () => {
    assert.equal(kindAt('spa'), undefined);
    assert.equal(kindAt('spa/hosting'), 'frontend');
  });

  it('a store firebase.json sets up is the system\'s even when no code here imports it', () => {
    assert.ok(model.containers.some((c) => c.id === 'datastore:firestore' && c.kind === 'datastore'));
  });
});

describe('web apps whose bundler fills the ./public folder Firebase Hosting serves', () => {
  let model: ArchitectureModel;
  analyzed('archmd-firebase-public-', {
    'package.json': json({ name: 'codelabs', version: '1.0.0', dependencies: { 'firebase-admin': '^12.0.0' } }),
    'scripts/seed.js': "const admin = require('firebase-admin');\nadmin.initializeApp();\n",
    'chat/package.json': json({ name: 'friendlychat', version: '1.0.0', main: 'index.js', scripts: { build: 'webpack' }, dependencies: { firebase: '^10.0.0' }, devDependencies: { webpack: '^5.0.0', 'webpack-cli': '^5.0.0' } }),
    'chat/webpack.config.js': "module.exports = { entry: './src/index.js', output: { path: __dirname + '/public/scripts' } };\n",
    'chat/src/index.js': "import { initializeApp } from 'firebase/app';\nimport { getFirestore } from 'firebase/firestore';\nexport const db = getFirestore(initializeApp({}));\n",
    'chat/firebase.json': json({ hosting: { public: './public' }, firestore: { rules: 'firestore.rules' } }),
    'chat/public/index.html': '<!doctype html><script src="scripts/main.js"></script>\n',
    // a sample with no project of its own: the repository's root does not become its web app
    'demo/firebase.json': json({ hosting: { public: 'public' } }),
    'demo/public/index.html': '<!doctype html><title>demo</title>\n',
  }, (m) => (model = m));

  it('the project whose pages the host serves is a web app; the root the sample sits in is not', () => {
    const kinds = Object.fromEntries(model.containers.filter((c) => c.path !== undefined).map((c) => [c.path, c.kind]));
    assert.equal(kinds.chat, 'frontend');
    assert.notEqual(kinds[''], 'frontend');
  });
});
