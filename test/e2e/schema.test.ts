/** The model archmd prints validates against the JSON Schema shipped in the package. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { analyze } from '../../src/index.js';
import { fixture, repoRoot } from '../helpers.js';

const schema = JSON.parse(readFileSync(join(repoRoot, 'schema', 'architecture-model.schema.json'), 'utf8'));
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

for (const [name, dir] of [
  ['examples/shop', join(repoRoot, 'examples', 'shop')],
  ['e2e-spring-monolith', fixture('e2e-spring-monolith')],
  ['e2e-python-library', fixture('e2e-python-library')],
  ['archmd itself', repoRoot],
] as const) {
  it(`the model of ${name} validates against the schema`, async () => {
    const model: unknown = JSON.parse(JSON.stringify(await analyze(dir, { cache: false })));
    const ok = validate(model);
    assert.ok(ok, ajv.errorsText(validate.errors, { separator: '\n' }));
  });
}

it('the schema rejects a model whose fact has no evidence', async () => {
  const model = JSON.parse(JSON.stringify(await analyze(fixture('e2e-go-cli'), { cache: false })));
  assert.ok(validate(structuredClone(model)));
  delete model.system.name.evidence;
  assert.equal(validate(model), false);
});
