import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { ROOT } from './helpers.js';

const ajv = new Ajv({ allErrors: true });
const load = (name: string) => JSON.parse(readFileSync(join(ROOT, 'schema', `${name}.schema.json`), 'utf8'));
ajv.addSchema(load('common'));

const cache = new Map<string, ValidateFunction>();

/** The validator of one shipped schema (`turns`, `quantities`, `align`, `analyze`). */
export function validatorFor(name: 'turns' | 'quantities' | 'align' | 'metrics' | 'analyze' | 'compare'): ValidateFunction {
  let v = cache.get(name);
  if (!v) cache.set(name, (v = ajv.compile(load(name))));
  return v;
}
