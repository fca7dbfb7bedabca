// Regenerates the TypeScript types from the JSON Schemas (the schemas are the source of truth).
// `--check` compares instead of writing, so a test can fail when the committed types drift.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const targets = [
  { schema: 'packages/rules/schemas/case.schema.json', out: 'packages/rules/src/generated/case.ts', name: 'Case' },
  { schema: 'packages/rules/schemas/plan.schema.json', out: 'packages/rules/src/generated/plan.ts', name: 'Plan' },
  {
    schema: 'packages/rules/schemas/score-report.schema.json',
    out: 'packages/rules/src/generated/score-report.ts',
    name: 'ScoreReport',
  },
  {
    schema: 'packages/rules/schemas/scenario.schema.json',
    out: 'packages/rules/src/generated/scenario.ts',
    name: 'Scenario',
  },
];

export async function renderTypes(target) {
  const schema = JSON.parse(await readFile(root + target.schema, 'utf8'));
  const banner = `/* Generated from ${target.schema} by scripts/generate-types.mjs. Do not edit: change the schema and run \`pnpm generate:types\`. */`;
  const types = await compile(schema, target.name, {
    bannerComment: banner,
    additionalProperties: false,
    unreachableDefinitions: true,
    style: { singleQuote: true },
  });
  // The schema itself, as a module, so validators need no file I/O at run time.
  const constName = target.name[0].toLowerCase() + target.name.slice(1) + 'Schema';
  const schemaModule = `${banner}\n\nexport const ${constName} = ${JSON.stringify(schema, null, 2)} as const;\n`;
  return [
    { path: target.out, text: types },
    { path: target.out.replace(/\.ts$/, '-schema.ts'), text: schemaModule },
  ];
}

export { targets };

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let drift = 0;
  for (const target of targets) {
    for (const file of await renderTypes(target)) {
      if (check) {
        const current = await readFile(root + file.path, 'utf8').catch(() => '');
        if (current !== file.text) {
          drift++;
          console.error(`${file.path} is out of date with ${target.schema}: run pnpm generate:types`);
        }
      } else {
        await writeFile(root + file.path, file.text);
        console.log(`wrote ${file.path}`);
      }
    }
  }
  process.exitCode = drift ? 1 : 0;
}
