import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFile } from '../../src/detect/extract.js';
import { show } from './read-fixture.js';

// through extractFile, which asks each reader whether it claims the path (a test helper's is not)
const read = (path: string, text: string) => (extractFile(path, text).apis ?? []).map(show);

test('Go: a file that dials gRPC calls the clients it makes, whatever their generated package is named', () => {
  const invoker = [
    'package rpc',
    '',
    'import (',
    '\t"google.golang.org/grpc"',
    '\t"example.com/gh/internal/rpc/codespace"',
    ')',
    '',
    'func connect(addr string) error {',
    '\tconn, err := grpc.NewClient(addr)',
    '\tif err != nil {',
    '\t\treturn err',
    '\t}',
    '\t_ = codespace.NewCodespaceHostClient(conn)',
    '\treturn nil',
    '}',
  ].join('\n');
  assert.deepEqual(read('internal/rpc/invoker.go', invoker), ['gRPC CodespaceHost calls @13']);
  // without grpc imported here, a package not named like generated code is not taken for a gRPC client
  assert.deepEqual(read('internal/store/store.go', 'package store\n\nfunc f() { _ = cache.NewLocalClient(nil); grpcish := 1; _ = grpcish }\n'), []);
});

test('Go: a mock beside the code is no interface of the product', () => {
  const mock = 'package connection\n\nimport "github.com/gorilla/websocket"\n\nfunc serve() { upgrader := websocket.Upgrader{}; _ = upgrader }\n';
  assert.deepEqual(read('internal/connection/tunnels_api_server_mock.go', mock), []);
  assert.deepEqual(read('internal/connection/mock_tunnels.go', mock), []);
});

test('Go: a test helper package (internal/testutil) serves no route of the product', () => {
  const helper = 'package testutil\n\nimport "net/http"\n\nfunc Server() {\n\thttp.HandleFunc("/api/health", nil)\n}\n';
  assert.deepEqual(read('cli/internal/testutil/testutil.go', helper), []);
});
