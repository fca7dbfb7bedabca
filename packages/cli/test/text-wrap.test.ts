import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, type Case } from '@masdrill/rules';
import { formatEvaluation } from '../src/format-evaluation.js';
import { COLUMNS, wrapBlock, wrapLine } from '../src/text-wrap.js';

const fits = (line: string): boolean => [...line].length <= COLUMNS || !line.trim().includes(' ');

describe('wrapLine', () => {
  it('keeps every word, in order, and no line runs past the width unless it is one long word', () => {
    const word = fc.string({ minLength: 1, maxLength: 30 }).filter((w) => !/\s/.test(w));
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 40 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 20, max: 100 }),
        (words, indent, width) => {
          const lines = wrapLine(words.join(' '), ' '.repeat(indent), width);
          expect(lines.join(' ').split(/ +/).filter(Boolean)).toEqual(words);
          for (const line of lines) expect(line.length <= width || !line.trim().includes(' ')).toBe(true);
        },
      ),
    );
  });
  it('leaves a short line alone and hangs continuations under the indent', () => {
    expect(wrapLine('short', '  ')).toEqual(['short']);
    expect(wrapLine('aaa bbb ccc', '    ', 8)).toEqual(['aaa bbb', '    ccc']);
    expect(wrapBlock('  - one two three four', 14)).toBe('  - one two\n    three four');
  });
});

describe('the evaluate table fits 80 columns', () => {
  const dir = new URL('../../../cases/canonical/', import.meta.url);
  const cases = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
    .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Case);
  for (const items of [false, true]) {
    it(`${items ? 'with' : 'without'} --items: every line but an unbreakable URL`, () => {
      for (const c of cases) {
        const lines = formatEvaluation(c, evaluate(c), { items }).split('\n');
        expect(lines.filter((l) => !fits(l))).toEqual([]);
      }
    });
  }
});
