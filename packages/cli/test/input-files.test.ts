import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputLines, readFailure } from '../src/input-files.js';
import { readJsonDocuments } from '../src/json-documents.js';
import { nestingDepth, parseJson } from '../src/json-text.js';

const stdinOf = (chunks: string[]) => ({
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: Readable.from(chunks.map((c) => Buffer.from(c))),
});

async function lines(chunks: string[], max?: number) {
  const out: (string | undefined)[] = [];
  for await (const line of inputLines('-', stdinOf(chunks), 'case', max)) out.push(line.text);
  return out;
}

describe('inputLines streams lines whatever the chunking', () => {
  it('gives the same lines however the bytes are cut (multi-byte characters included)', async () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'é', '⁹', '✓', ' ', '\r'), maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (ls, cuts) => {
          const bytes = Buffer.from(ls.join('\n'));
          const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const pieces = [0, ...at, bytes.length]
            .slice(1)
            .map((end, i, all) => bytes.subarray(i === 0 ? 0 : all[i - 1], end));
          const out: (string | undefined)[] = [];
          for await (const l of inputLines('-', { ...stdinOf([]), stdin: Readable.from(pieces) }, 'case'))
            out.push(l.text);
          const text = ls.join('\n');
          const expected = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
          if (text.endsWith('\n') || text === '') expected.pop(); // no line after the last end of line
          expect(out).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('drops a leading byte-order mark and reports a line over the limit without keeping it', async () => {
    expect(await lines(['\uFEFFab', 'c\nd\r\n'])).toEqual(['abc', 'd']);
    expect(await lines(['0123', '456789\nok\n'], 5)).toEqual([undefined, 'ok']);
  });
});

describe('one reader for evaluate and validate', () => {
  async function problems(text: string): Promise<string[]> {
    const out: string[] = [];
    for await (const r of readJsonDocuments('-', stdinOf([text])))
      if (!r.ok) out.push(...r.problems.map((p) => `${p.line}:${p.message}`));
    return out;
  }
  it('refuses an array line in JSONL, an empty array, and an empty input', async () => {
    expect(await problems('{"a":1}\n[{"a":1}]\n')).toEqual(['2:a JSONL line holds an array, not one object']);
    expect(await problems('[]')).toEqual(['1:an empty array: no cases to read']);
    expect(await problems('\n\n')).toEqual(['undefined:is empty']);
  });
});

describe('JSON text', () => {
  it('refuses nesting past the limit before parsing, and counts brackets inside strings as text', () => {
    expect(nestingDepth('['.repeat(200_000)).at).toBe(64);
    expect(nestingDepth('{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}').at).toBe(-1);
    const deep = parseJson('['.repeat(200_000), 'f.json');
    expect(!deep.ok && deep.problem.message).toMatch(/nested more than 64 levels deep/);
  });
  it('gives line and column of a syntax error, also where the engine gives no position', () => {
    const r = parseJson('{\n  "a": 1,\n  "b": ?\n}', 'f.json');
    expect(!r.ok && r.problem.line).toBe(3);
    expect(!r.ok && r.problem.message).toBe("not valid JSON at column 8: Unexpected token '?'");
    const comma = parseJson('[\n1,\n]', 'f.json');
    expect(!comma.ok && [comma.problem.line, comma.problem.message.slice(0, 26)]).toEqual([
      3,
      'not valid JSON at column 1',
    ]);
    const colon = parseJson('{"a" 1}', 'f.json');
    expect(!colon.ok && colon.problem.message).toBe("not valid JSON at column 6: Expected ':' after property name");
  });
});

describe('readFailure', () => {
  it('names the file, the reason and a fix for each way a read fails', () => {
    expect(readFailure('c.json', { code: 'EACCES' }, 'case').message).toBe(
      'c.json: the case file cannot be read: permission denied. Fix: make it readable (chmod u+r), or give another file.',
    );
    expect(readFailure('c.json', { code: 'ENOENT' }, 'case').message).toMatch(/^c\.json: no such case file\. Fix: /);
    expect(readFailure('dir', { code: 'EISDIR' }, 'case').message).toMatch(
      /^dir: is a directory, not a case file\. Fix: /,
    );
    expect(readFailure('-', { code: 'EIO' }).message).toMatch(
      /^<stdin>: the input file cannot be read \(EIO\)\. Fix: /,
    );
  });
});
