import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citationKeyOf, evaluate, isKnownCitation, validateCase, type Case } from '@masdrill/rules';
import { REPO_ROOT } from './support/run-cli.js';

// Inventories come from content: every citation the criteria use, found two ways — in the
// evidence they emit for the canonical cases, and in the citation literals of their source.
const canonicalDir = `${REPO_ROOT}cases/canonical/`;
const canonical: Case[] = readdirSync(canonicalDir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
  .map((f) => {
    const v = validateCase(JSON.parse(readFileSync(canonicalDir + f, 'utf8')), f);
    if (!v.ok) throw new Error(`${f} is invalid`);
    return v.case;
  });

function citationsInEvidence(): Set<string> {
  const used = new Set<string>();
  for (const c of canonical) {
    for (const r of evaluate(c).results) {
      used.add(r.citation);
      for (const item of r.items) used.add(item.citation);
    }
  }
  return used;
}

function citationsInSource(): Set<string> {
  const dir = `${REPO_ROOT}packages/rules/src/criteria/`;
  const used = new Set<string>();
  const literal = /(?:citation\s*:|CITE\s*=|citation\s*=)\s*'([^']+)'/g;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    for (const m of readFileSync(dir + file, 'utf8').matchAll(literal)) used.add(m[1]!);
  }
  return used;
}

describe('citation inventory of the criteria', () => {
  it('every citation in the evidence resolves', () => {
    const used = citationsInEvidence();
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((c) => !isKnownCitation(c))).toEqual([]);
  });

  it('every citation literal in the criteria source resolves', () => {
    const used = citationsInSource();
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((c) => !isKnownCitation(c))).toEqual([]);
    const keys = [...new Set([...citationsInEvidence(), ...used].map(citationKeyOf))].sort();
    console.log(`criteria cite ${keys.length} sources: ${keys.join(', ')}`);
  });
});
