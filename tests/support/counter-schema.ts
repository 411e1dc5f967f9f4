// The COUNTER API specification's own JSON schemas (tests/fixtures/counter/COUNTER_API.json,
// copied from Project-Counter/cop5), compiled with ajv for JSON Schema 2020-12.
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const specPath = path.resolve(import.meta.dirname, '../fixtures/counter/COUNTER_API.json');
const spec = JSON.parse(fs.readFileSync(specPath, 'utf8')) as Record<string, unknown>;

// strict off: OpenAPI adds keywords (x-stoplight, examples) that are not JSON Schema's. The
// specification's ISIL pattern `{1,3,4}` is no valid Unicode regular expression; without the
// u flag it reads as literal text, which no value of ours contains.
const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
ajv.addSchema({ ...spec, $id: 'counter' });

const pointer = (p: string) => p.replace(/~/g, '~0').replace(/\//g, '~1');

/** Validates a value against `#/components/schemas/<name>` or a response's JSON schema; returns the errors. */
export function counterSchemaErrors(value: unknown, where: { schema: string } | { response: string }): string[] {
  const ref =
    'schema' in where
      ? `counter#/components/schemas/${where.schema}`
      : `counter#/components/responses/${where.response}/content/${pointer('application/json')}/schema`;
  const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
  return validate(value)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}
