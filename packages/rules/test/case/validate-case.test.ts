import { describe, expect, it } from 'vitest';
import { validateCase, formatProblem, jsonPath } from '../../src/index.js';
import { makeCase } from '../support/make-case.js';

function problems(data: unknown) {
  const r = validateCase(data, 'case.json');
  if (r.ok) throw new Error('expected the case to be invalid');
  return r.problems;
}

describe('validateCase', () => {
  it('accepts a minimal authored case', () => {
    expect(validateCase(makeCase()).ok).toBe(true);
  });

  it('names the JSON path and suggests the property a typo meant', () => {
    const c = makeCase({ labs: [{ hour: 0, ferritin: 900 }] }) as unknown as { labs: Record<string, unknown>[] };
    c.labs[0] = { hour: 0, feritin: 900 };
    const [p] = problems(c);
    expect(p).toMatchObject({ file: 'case.json', path: '$.labs[0].feritin', message: 'unknown property "feritin"' });
    expect(p!.fix).toContain('did you mean "ferritin"');
  });

  it('says what type was expected, with the unit the field is in', () => {
    const c = makeCase({ labs: [{ hour: 0 }] }) as unknown as { labs: Record<string, unknown>[] };
    c.labs[0] = { hour: 0, platelets: '120' };
    const [p] = problems(c);
    expect(p!.path).toBe('$.labs[0].platelets');
    expect(p!.message).toContain('expected a number, got the string "120"');
    expect(p!.fix).toContain('×10⁹/L');
  });

  it('lists the allowed values of an enum', () => {
    const c = makeCase() as unknown as { background: Record<string, unknown> };
    c.background.sjia = 'yes';
    const [p] = problems(c);
    expect(p!.path).toBe('$.background.sjia');
    expect(p!.fix).toBe('use one of "known", "suspected", "none"');
  });

  it('reports a missing required property at its parent', () => {
    const c = makeCase() as unknown as Record<string, unknown>;
    delete c.patient;
    expect(problems(c).map((p) => p.message)).toContain('missing required property "patient"');
  });

  it('rejects out-of-range values and says to check the unit', () => {
    const c = makeCase({ observations: [{ hour: 0, fio2: 40 }] });
    const [p] = problems(c);
    expect(p!.path).toBe('$.observations[0].fio2');
    expect(p!.message).toContain('must be ≤ 1');
  });

  it('formats a problem as one line with file, path and fix', () => {
    expect(formatProblem({ file: 'a.json', path: '$.x', message: 'bad', fix: 'do y', line: 3 })).toBe(
      'a.json:3: $.x: bad. Fix: do y',
    );
  });

  it('renders JSON pointers as readable paths', () => {
    expect(jsonPath('')).toBe('$');
    expect(jsonPath('/labs/12/dDimer')).toBe('$.labs[12].dDimer');
    expect(jsonPath('/a~1b/x y')).toBe('$["a/b"]["x y"]');
  });
});
