import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every probability, coefficient, range and noise scale lives in a table beside its source
 * (src/tables/), not inline in the code that synthesises a patient or its response: a number in
 * the code has no provenance a reader or the source inventory can see. A fractional literal is
 * always such a parameter; whole numbers are too ambiguous to police (hours, GCS 15, ×10 rounding).
 */
const SRC = join(import.meta.dirname, '..', 'src');
const SYNTHESIS_FILES = [
  ...readdirSync(join(SRC, 'kinds')).map((f) => join('kinds', f)),
  ...readdirSync(join(SRC, 'response')).map((f) => join('response', f)),
  'observations.ts',
  'patient.ts',
  'case-body.ts',
  'lab-model.ts',
  'generate-case.ts',
].filter((f) => f.endsWith('.ts'));

/** Fractional literals the synthesis code may hold, each for a reason that makes it not a parameter. */
const STRUCTURAL: { readonly [file: string]: readonly string[] } = {
  // The glucocorticoid tier of a regimen: none, low-moderate, high dose (a type, not a tuned number).
  [join('response', 'control.ts')]: ['0.5'],
};

function fractionalLiterals(file: string): { text: string; line: number }[] {
  const source = readFileSync(join(SRC, file), 'utf8');
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, source);
  const found: { text: string; line: number }[] = [];
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token !== ts.SyntaxKind.NumericLiteral) continue;
    const text = scanner.getTokenText();
    if (Number.isInteger(Number(text.replace(/_/g, '')))) continue;
    found.push({ text, line: source.slice(0, scanner.getTokenStart()).split('\n').length });
  }
  return found;
}

describe('population and response parameters sit in the tables, not in the code', () => {
  it('reads the synthesis files (every kind, the response model, observations, the lab model)', () => {
    for (const f of [
      join('kinds', 'mas.ts'),
      join('kinds', 'sepsis.ts'),
      join('response', 'respond-labs.ts'),
      'lab-model.ts',
    ])
      expect(SYNTHESIS_FILES).toContain(f);
  });

  it('the scan finds a fractional literal where there is one', () => {
    const source = 'const p = rng.chance(0.2) ? 1_000.5 : 3;';
    const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, source);
    const literals: string[] = [];
    for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken; t = scanner.scan())
      if (t === ts.SyntaxKind.NumericLiteral) literals.push(scanner.getTokenText());
    expect(literals).toEqual(['0.2', '1_000.5', '3']);
  });

  for (const file of SYNTHESIS_FILES) {
    it(`${file}: no fractional literal outside the tables`, () => {
      const allowed = STRUCTURAL[file] ?? [];
      const stray = fractionalLiterals(file)
        .filter((l) => !allowed.includes(l.text))
        .map((l) => `${file}:${l.line} ${l.text}`);
      expect(stray, 'move the number into its table in src/tables/ with cite() or prior()').toEqual([]);
    });
  }
});
