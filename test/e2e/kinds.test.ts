/**
 * What kind of thing each part is, on the traps real repositories set: a Go program without a CLI framework,
 * a Dockerfile that only runs the tests, a package whose only import entry is its command.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from '../../src/index.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { analyzed } from '../helpers.js';

const kindOf = (model: ArchitectureModel, path: string) => model.containers.find((c) => c.path === path)?.kind;

describe('a Go program with no CLI framework, tested in a Docker image', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-go-cli-', {
    'README.md': '# finder\n\nfinder is a general-purpose command-line fuzzy finder.\n',
    'go.mod': 'module github.com/acme/finder\n\ngo 1.23\n\nrequire github.com/gdamore/tcell/v2 v2.7.4\n',
    'main.go': '// finder: a fuzzy finder\n\npackage main\n\nimport (\n\t"os"\n\n\t"github.com/acme/finder/src"\n)\n\nfunc main() {\n\tos.Exit(finder.Run(os.Args))\n}\n',
    'src/core.go': 'package finder\n\nfunc Run(args []string) int { return 0 }\n',
    'src/gen/main.go': 'package main\n\nfunc main() {}\n',
    Dockerfile: 'FROM rubylang/ruby:3.4\nRUN gem install minitest\nCOPY . /finder\nRUN cd /finder && make install\nCMD ["bash", "-ic", "tmux new \'ruby /finder/test/runner.rb | tee out\'"]\n',
    'test/runner.rb': 'require "minitest/autorun"\n',
  }, (m) => (model = m));

  it('is a command-line tool, not a service the network reaches', () => {
    assert.equal(kindOf(model, ''), 'cli');
    const doc = render(model);
    assert.doesNotMatch(doc, /over the network|runs as a service/);
    assert.match(doc, /users reach \*\*finder\*\* from the command line/);
  });

  it('does not run in Docker: the image is a test bench', () => {
    assert.ok(!model.deployment.runtime.some((f) => f.value === 'Docker'), JSON.stringify(model.deployment.runtime));
  });
});

describe('a Go module that serves its own routes with net/http, and a Go library with a code generator', () => {
  let model: ArchitectureModel;
  analyzed('archmd-kinds-go-server-', {
    'server/go.mod': 'module example.com/webapp-server\n\ngo 1.24\n',
    'server/main.go': 'package main\n\nimport (\n\t"net/http"\n\n\t"example.com/webapp-server/internal/server"\n)\n\nfunc main() {\n\thttp.ListenAndServe(":3200", server.Routes())\n}\n',
    'server/internal/server/server.go': 'package server\n\nimport "net/http"\n\nfunc Routes() *http.ServeMux {\n\tmux := http.NewServeMux()\n\tmux.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {})\n\tmux.HandleFunc("/api/v1/bundle", func(w http.ResponseWriter, r *http.Request) {})\n\treturn mux\n}\n',
    'colors/go.mod': 'module example.com/colors\n\ngo 1.24\n',
    'colors/colors.go': 'package colors\n\nfunc Parse(s string) int { return 0 }\n',
    'colors/gen.go': '//go:build ignore\n\npackage main\n\nfunc main() {}\n',
    'colors/internal/gen/main.go': 'package main\n\nfunc main() {}\n',
  }, (m) => (model = m));

  it('calls the program a service and the module with only generators a library', () => {
    assert.equal(kindOf(model, 'server'), 'service');
    assert.equal(kindOf(model, 'colors'), 'library');
  });
});
