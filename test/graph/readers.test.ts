import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importReaders } from '../../src/detect/imports/index.js';
import { parseJsonc } from '../../src/detect/imports/config.js';
import { importPreludeEnd } from '../../src/detect/imports/javascript.js';
import { claims, readFile } from './load.js';

const specs = (path: string, text: string) => (readFile(path, text).imports ?? []).map((i) => `${i.line}:${i.kind}:${i.specifier}`);

describe('JS/TS extraction', () => {
  it('marks type-only imports and re-exports, reads require and import = require', () => {
    const text = [
      "import type { A } from './a';",
      "import { type B, C } from './bc';",
      "export type { D } from './d';",
      "export * from './e';",
      "import x = require('./f');",
      "const g = require('./g');",
      "const h = require(name);",
      'const i = import(`./i`);',
      'const j = import(`./${k}`);',
    ].join('\n');
    assert.deepEqual(specs('src/x.ts', text), [
      '1:type:./a',
      '2:static:./bc',
      '3:type:./d',
      '4:reexport:./e',
      '5:require:./f',
      '6:require:./g',
      '8:dynamic:./i',
    ]);
  });
  it('reads TypeScript without require through the module lexer, with the same kinds oxc gives', () => {
    const text = [
      "import type { A } from './a';",
      "import { type B, type C } from './bc';",
      "import D, { type E } from './de';",
      "export { type F, type G } from './fg';",
      "export { h } from './h';",
      "export * as ns from './ns';",
      "import './side-effect';",
      "@Controller('x') class K { constructor(private readonly k: string) {} }",
      "enum L { M = 1 }",
      "type T = import('./type-position').T;",
      "const s = \"import('./in-a-string')\"; // import './in-a-comment'",
      "const lazy = () => import('./lazy');",
      'const glob = import(`./pages/${name}`);',
      "import { O } from './o';",
      'export { O };',
    ].join('\n');
    const expected = ['1:type:./a', '2:type:./bc', '3:static:./de', '4:type:./fg', '5:reexport:./h', '6:reexport:./ns', '7:static:./side-effect', '12:dynamic:./lazy', '14:static:./o'];
    assert.deepEqual(specs('src/x.ts', text), expected);
    // the same text where JSX may appear goes through oxc: same answer
    assert.deepEqual(specs('src/x.tsx', text), expected);
  });
  it('hands a file the module lexer rejects to oxc', () => {
    // an unterminated template literal: the lexer throws, oxc recovers what is plainly written
    assert.deepEqual(specs('src/broken.mts', "import a from './a';\nconst t = `oops;\n"), ['1:static:./a']);
  });
  it('treats every import of a declaration file as type-only', () => {
    assert.deepEqual(specs('types/global.d.ts', "import { A } from './a';\nexport * from './b';\n"), ['1:type:./a', '2:type:./b']);
  });
  it('reads the script blocks of Vue and Svelte components with file line numbers', () => {
    const vue = '<template>\n  <div>import x from "./no"</div>\n</template>\n<script setup lang="ts">\nimport type { P } from \'./types\';\nimport Child from \'./Child.vue\';\nconst n = <number>1;\n</script>\n';
    assert.deepEqual(specs('src/App.vue', vue), ['5:type:./types', '6:static:./Child.vue']);
    assert.deepEqual(specs('src/A.svelte', '<script>\n  import { onMount } from "svelte";\n</script>\n<h1>hi</h1>\n'), ['2:static:svelte']);
  });
  it('computes lines in UTF-16 offsets after non-ASCII text', () => {
    assert.deepEqual(specs('a.js', "// héllo 日本 🎉\n\nimport z from 'zed';\n"), ['3:static:zed']);
  });
  it('parses JSX in .js files', () => {
    assert.deepEqual(specs('a.js', "import React from 'react';\nexport const A = () => <div/>;\n"), ['1:static:react']);
  });
  it('reads a JSX file whose imports all sit at the top, and one with imports further down', () => {
    const head = [
      '/**',
      ' * The page.',
      ' */',
      "'use client';",
      "import React, { lazy } from 'react';",
      'import {',
      '  type Props,',
      '  Card, // the card',
      "} from './card';",
      "export * from './types';",
      '',
    ];
    const body = ["export const A = (p: Props) => <p>Don't import 'fake' from here</p>;", ''];
    // the JSX text mentions import: the parser decides, and gives the same answer
    assert.deepEqual(specs('src/Page.tsx', [...head, ...body].join('\n')), ['5:static:react', '9:static:./card', '10:reexport:./types']);
    const plain = ['export const A = (p: Props) => <Card {...p}>Don\'t worry</Card>;', ''];
    assert.deepEqual(specs('src/Page.tsx', [...head, ...plain].join('\n')), ['5:static:react', '9:static:./card', '10:reexport:./types']);
    const lazyBelow = [...head, "const Admin = lazy(() => import('./admin'));", ...plain];
    assert.deepEqual(specs('src/Page.tsx', lazyBelow.join('\n')), ['5:static:react', '9:static:./card', '10:reexport:./types', '12:dynamic:./admin']);
    const afterMock = ["import { a } from './a';", "vi.mock('./b');", "import { b } from './b';", 'export const C = () => <b/>;', ''];
    assert.deepEqual(specs('src/C.test.jsx', afterMock.join('\n')), ['1:static:./a', '3:static:./b']);
    const reexportBelow = ["import { a } from './a';", 'const X = () => <i/>;', 'export {', '  X,', "} from './x';", ''];
    assert.deepEqual(specs('src/X.jsx', reexportBelow.join('\n')), ['1:static:./a', '5:reexport:./x']);
  });
  it('finds where a JSX file stops importing', () => {
    assert.equal(importPreludeEnd("import a from 'a';\nconst b = <b/>;\n"), 19);
    assert.equal(importPreludeEnd("import a from 'a';\nexport { a };\nconst b = <b/>;\n"), -1, 'a local export list ends the head; export below needs the parser');
    assert.equal(importPreludeEnd("import {\n  a,\nconst b = <b/>;\n"), -1, 'an import that never closes');
    assert.equal(importPreludeEnd('#!/usr/bin/env node\nimport a from "a";\n<b/>\n'), -1);
  });
  it('falls back to a plain scan on unparseable files, still skipping strings and comments', () => {
    const text = "// import a from 'commented'\nimport b from './b';\nconst s = \"import c from './c'\";\nfoo(\nconst d = require('./d');\n";
    const facts = readFile('broken.js', text);
    assert.deepEqual((facts.imports ?? []).map((i) => `${i.line}:${i.specifier}`), ['2:./b', '5:./d']);
    assert.equal(facts.warnings?.length, 1);
  });
});

describe('lexer-based extraction skips strings and comments', () => {
  it('Python', () => {
    const text = '"""\nimport inside_docstring\n"""\nimport a.b as ab, c\nfrom ..pkg import (x,\n    y as z)\nfrom . import m  # import n\ns = "import q"\n';
    assert.deepEqual(specs('m.py', text), ['4:static:a.b', '4:static:c', '5:static:..pkg', '7:static:.']);
    assert.deepEqual(readFile('m.py', text).imports![2].names, ['x', 'y']);
  });
  it('Python: imports under `if TYPE_CHECKING:` are type-only', () => {
    const text = 'from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from .models import Order\n\n    import shop.db\nimport shop.app\n';
    assert.deepEqual(specs('m.py', text), ['1:static:typing', '4:type:.models', '6:type:shop.db', '7:static:shop.app']);
  });
  it('Python: imports in a try whose handler catches ImportError are optional', () => {
    const text = [
      'try:',
      '    from pydruid.db import connect',
      '    enabled = True',
      'except ImportError:',
      '    enabled = False',
      '',
      'try:',
      '    import requests',
      'except ValueError:',
      '    pass',
      'import json',
      '',
    ].join('\n');
    const optional = (readFile('druid.py', text).imports ?? []).filter((i) => i.optional).map((i) => i.specifier);
    assert.deepEqual(optional, ['pydruid.db']);
  });
  it('Go', () => {
    const text = 'package main\n\nimport (\n\t"fmt"\n\tlog "github.com/sirupsen/logrus"\n\t// "commented/out"\n)\nimport _ "embed"\nvar s = `\nimport "raw/string"\n`\n';
    assert.deepEqual(specs('main.go', text), ['4:static:fmt', '5:static:github.com/sirupsen/logrus', '8:static:embed']);
  });
  it('Java and Kotlin, with the declared package', () => {
    const java = 'package com.acme.web;\n\nimport com.acme.core.*;\n// import com.acme.Hidden;\nimport static org.junit.Assert.assertTrue;\nclass X { String s = "import com.fake.X;"; }\n';
    const facts = readFile('X.java', java);
    assert.equal(facts.namespace, 'com.acme.web');
    assert.deepEqual(specs('X.java', java), ['3:use:com.acme.core.*', '5:use:org.junit.Assert.assertTrue']);
    assert.deepEqual(specs('A.kt', 'package a.b\nimport x.y.Z as W\n/* /* nested */ import no.Way */\nimport x.y.V\n'), ['2:use:x.y.Z', '4:use:x.y.V']);
  });
  it('C#: directives only, not using statements or strings', () => {
    const text = 'global using System.Linq;\nusing Alias = Acme.Orders.Order;\nnamespace Acme.Api\n{\n  class C { void M() { using (var s = Open()) {} var t = @"\nusing Fake.Ns;\n"; } }\n}\n';
    const facts = readFile('C.cs', text);
    assert.equal(facts.namespace, 'Acme.Api');
    assert.deepEqual(specs('C.cs', text), ['1:use:System.Linq', '2:use:Acme.Orders.Order']);
  });
  it('a byte-order mark does not hide a first-line namespace', () => {
    assert.equal(readFile('A.cs', '\uFEFFnamespace Acme.Core.Constants;\npublic class A {}\n').namespace, 'Acme.Core.Constants');
    assert.equal(readFile('A.java', '\uFEFFpackage a.b;\n').namespace, 'a.b');
    assert.deepEqual(readFile('tsconfig.json', '\uFEFF{"compilerOptions":{"baseUrl":"."}}').tsconfig, { baseUrl: '.' });
  });
  it('Rust: use trees, mod, extern crate; not raw strings, doc comments or lifetimes', () => {
    const text = "use a::{b, c::{d, e as f}, self};\n/// use doc::comment;\nmod inline { }\npub(crate) mod file;\nextern crate serde;\nfn x<'a>(s: &'a str) -> char { let _ = r##\"use raw::s\"##; '\"' }\nuse g::*;\n";
    assert.deepEqual(specs('lib.rs', text), ['1:use:a::b', '1:use:a::c::d', '1:use:a::c::e', '1:use:a', '4:static:mod:file', '5:use:serde', '7:use:g']);
  });
  it('Rust: what only #[cfg(test)] modules use is no import of the crate', () => {
    const text = 'use crate::a;\n\n#[cfg(test)]\nmod tests {\n    use grep_regex::RegexMatcher;\n    use super::*;\n}\n';
    assert.deepEqual(specs('src/glue.rs', text), ['1:use:crate::a']);
  });
  it('Rust: a use item marked #[cfg(test)] or #[cfg(any(test, ...))] is for the tests alone', () => {
    const text = 'use crate::body::Body;\n\n#[cfg(test)]\nuse axum_macros::__private_axum_test as test;\n#[cfg(any(test, feature = "__private"))]\n#[allow(missing_docs)]\npub use crate::test_helpers::TestClient;\n#[cfg(feature = "json")]\nuse serde_json::Value;\n';
    assert.deepEqual(specs('axum-core/src/lib.rs', text), ['1:use:crate::body::Body', '9:use:serde_json::Value']);
  });
  it('Rust: paths inside inline test modules are taken back to the file, #[path] names the file', () => {
    const text = 'mod tests {\n    use super::*;\n    use super::super::x;\n    use self::inner::y;\n    use crate::a;\n    mod inner { pub fn y() {} }\n}\n#[cfg(unix)]\n#[path = "imp_unix.rs"]\nmod imp;\n';
    assert.deepEqual(specs('src/foo.rs', text), ['2:use:self', '3:use:super::x', '5:use:crate::a', '10:static:path:imp_unix.rs']);
  });
  it('Ruby: not heredocs, =begin blocks or interpolated paths', () => {
    const text = 'require "a"\nrequire_relative "../b"\nX = <<~EOS\n  require "heredoc"\nEOS\n=begin\nrequire "block"\n=end\nrequire "#{dir}/c"\nrequire("d") if true\n';
    assert.deepEqual(specs('x.rb', text), ['1:require:a', '2:require:../b', '10:require:d']);
  });
  it('PHP: group uses, includes, namespace; not strings or comments', () => {
    const text = "<?php\nnamespace App\\Http;\nuse App\\Domain\\{Order, Repo\\Orders as O};\nuse function App\\helper;\n# use App\\Hidden;\n$s = 'use App\\Fake;';\ninclude 'views/a.php';\nrequire_once __DIR__ . '/b.php';\n$f = function () use ($x) {};\n";
    const facts = readFile('x.php', text);
    assert.equal(facts.namespace, 'App\\Http');
    assert.deepEqual(specs('x.php', text), [
      '3:use:App\\Domain\\Order',
      '3:use:App\\Domain\\Repo\\Orders',
      '4:use:App\\helper',
      '7:include:views/a.php',
      '8:include:./b.php',
    ]);
  });
});

describe('configuration hints', () => {
  it('parses tsconfig JSONC with comments, trailing commas and "//" inside strings', () => {
    const facts = readFile('tsconfig.json', '{\n  // c\n  "extends": ["./base.json", "@acme/tsconfig"],\n  "compilerOptions": { "baseUrl": "./src", /* x */ "paths": { "@/*": ["./*"], }, },\n  "references": [{ "path": "../api" }],\n  "include": ["http://x//y"],\n}\n');
    assert.deepEqual(facts.tsconfig, { baseUrl: './src', paths: { '@/*': ['./*'] }, extends: ['./base.json', '@acme/tsconfig'], references: ['../api'] });
    assert.deepEqual(parseJsonc('{"a": "b//c", /* d */ "e": [1,],}'), { a: 'b//c', e: [1] });
  });
  it('reads package.json entry fields and composer PSR-4', () => {
    const pkg = readFile('packages/x/package.json', '{"name":"@a/x","exports":{".":"./dist/index.js"},"typings":"dist/index.d.ts","main":"dist/index.cjs"}');
    assert.deepEqual(pkg.packageEntry, { name: '@a/x', exports: { '.': './dist/index.js' }, main: 'dist/index.cjs', types: 'dist/index.d.ts' });
    const composer = readFile('composer.json', '{"autoload":{"psr-4":{"App\\\\":["src/","lib/"]}}}');
    assert.deepEqual(composer.psr4, [{ prefix: 'App\\', dirs: ['src/', 'lib/'] }]);
  });
});

describe('bad input never throws', () => {
  const nasty = ['', '\u0000\u0001\u0002binary\uFFFD', '"""', "'", '/*', 'import (', 'use a::{b', '<<~EOS', '{"exports": ', 'r#"', 'from . import (', 'x'.repeat(200_000)];
  for (const reader of importReaders) {
    it(reader.id, () => {
      const path = (reader.fileNames?.[0] ?? `file${reader.extensions?.[0] ?? '.json'}`).replace(/^file\.json$/, 'tsconfig.json');
      for (const text of nasty) assert.doesNotThrow(() => (claims(reader, path) ? reader.read(path, text) : undefined));
    });
  }
});
