import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script without types
import { renderTypes, targets } from '../../../scripts/generate-types.mjs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('generated types', () => {
  it('match the JSON Schemas they are generated from', async () => {
    for (const target of targets as { schema: string }[]) {
      for (const file of (await renderTypes(target)) as { path: string; text: string }[]) {
        const committed = await readFile(root + file.path, 'utf8');
        expect(committed, `${file.path} drifted from ${target.schema}: run pnpm generate:types`).toBe(file.text);
      }
    }
  });
});
