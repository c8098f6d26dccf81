import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sourceReaders } from '../../src/detect/source/index.js';
import { extractFile } from '../../src/detect/extract.js';
import { MAX_FACTS_PER_FILE } from '../../src/detect/source/collect.js';
import { lex } from '../../src/detect/source/lexer.js';

const PATHS = ['README.md', 'README.rst', 'a.proto', 'openapi.yaml', 'schema.graphql', 'a.ts', 'a.py', 'urls.py', 'A.java', 'main.go', 'A.cs', 'config/routes.rb', 'routes/api.php'];

test('source readers never throw, whatever the text', () => {
  const tricky = ['', '"', "'''", '`${', '/*', '@app.get(', 'service {', 'type Query {', '# [', 'app.get("/x",', '\u0000\uFFFD', '<h1>', 'openapi: 3\npaths: 5'];
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.constantFrom(...tricky), fc.array(fc.constantFrom(...tricky, 'x', '\n', ' ')).map((a) => a.join(''))), (text) => {
      for (const reader of sourceReaders) for (const p of PATHS) reader.read(p, text);
    }),
    { numRuns: 150 },
  );
});

test('facts per file are capped, with a warning', () => {
  const text = `const express = require('express');\n${Array.from({ length: 300 }, (_, i) => `app.get('/r${i}', h);`).join('\n')}`;
  const js = sourceReaders.find((r) => r.id === 'source/javascript')!;
  const facts = js.read('src/app.js', text);
  assert.equal(facts.apis?.length, MAX_FACTS_PER_FILE);
  assert.match(facts.warnings?.[0].message ?? '', /left out/);
});

test('the lexer keeps offsets and newlines, blanks comments and string bodies', () => {
  const src = 'a("x") // b("y")\n/* c("z") */ d(\'w\')';
  const lexed = lex(src, 'js');
  assert.equal(lexed.code.length, src.length);
  assert.equal(lexed.code.split('\n').length, 2);
  assert.ok(!lexed.code.includes('b(') && !lexed.code.includes('c('));
  assert.deepEqual([...lexed.strings.values()], ['x', 'w']);
});

test('routes in tests, docs and examples are not the project surface', () => {
  const py = sourceReaders.find((r) => r.id === 'source/python')!;
  const text = 'from flask import Flask\napp = Flask(__name__)\n\n@app.route("/")\ndef index():\n    return "hi"\n';
  assert.equal(py.read('app/views.py', text).apis?.length, 1);
  for (const p of ['tests/test_basic.py', 'test_views.py', 'examples/tutorial/flaskr/auth.py', 'docs/src/app.py', 'pkg/views_test.py']) {
    assert.equal(extractFile(p, text).apis, undefined, p);
  }
});

test('nested template literals do not desynchronise the lexer', () => {
  const src = "const a = `x ${cond ? `y ${z}` : 'w'} v`;\nrouter.get('/after', h);\n";
  const lexed = lex(src, 'js');
  assert.ok(lexed.code.includes("router.get('"), lexed.code);
  assert.equal([...lexed.strings.values()].pop(), '/after');
});

test('Python raw strings keep their backslashes', () => {
  const lexed = lex('re_path(r"^(?P<y>\\d{4})/$", v)\nx = "a\\"b"\n', 'python');
  assert.deepEqual([...lexed.strings.values()], ['^(?P<y>\\d{4})/$', 'a"b']);
});
