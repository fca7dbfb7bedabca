// Compiles the rules' ajv validators to standalone code at build time, so no command compiles a
// schema at run time (compiling the case schema took ~245 ms of every start-up, importing ajv's
// compiler ~100 ms more). `--check` compares instead of writing, so a test fails on drift.
//   node scripts/compile-validators.mjs [--check]
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// ajv as the rules package resolves it (the version its runtime helpers come from).
const require = createRequire(`${root}packages/rules/package.json`);
const { Ajv } = require('ajv');
const standaloneCode = require('ajv/dist/standalone').default;

const OUT_DIR = 'packages/rules/src/generated/';

/** The options every validator is compiled with (verbose: errors carry their schema, for the messages). */
export const AJV_OPTIONS = { allErrors: true, strict: true, verbose: true };

/** Each validator (one module apiece, so a command loads only the one it uses) and the schema it checks. */
export async function validatorSchemas() {
  const read = async (name) => JSON.parse(await readFile(`${root}packages/rules/schemas/${name}.schema.json`, 'utf8'));
  const scenario = await read('scenario');
  return {
    case: await read('case'),
    plan: await read('plan'),
    scenario,
    // An answers file: the scenario schema's AnswersFile definition as a root.
    answers: {
      $schema: scenario.$schema,
      definitions: scenario.definitions,
      allOf: [{ $ref: '#/definitions/AnswersFile' }],
    },
  };
}

/** The generated modules: path and text. */
export async function renderValidators() {
  const files = [];
  for (const [name, schema] of Object.entries(await validatorSchemas())) {
    const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true } });
    const code = standaloneCode(ajv, ajv.compile(schema)).replace(/^"use strict";/, '');
    const banner = `/* Generated from packages/rules/schemas by scripts/compile-validators.mjs (ajv standalone code). Do not edit: change the schema and run \`pnpm generate:validators\`. */`;
    // ajv's ES-module output still requires its runtime helpers (CommonJS modules): give it `require`.
    const header = `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);`;
    files.push({ path: `${OUT_DIR}${name}-validator.ts`, text: `${banner}\n// @ts-nocheck\n${header}\n${code}\n` });
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of await renderValidators()) {
    if (process.argv.includes('--check')) {
      const current = await readFile(root + file.path, 'utf8').catch(() => '');
      if (current !== file.text) {
        console.error(`${file.path} is out of date with packages/rules/schemas: run pnpm generate:validators`);
        process.exitCode = 1;
      }
    } else {
      await writeFile(root + file.path, file.text);
      console.log(`wrote ${file.path}`);
    }
  }
}
