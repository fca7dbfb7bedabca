import { caseFromCanonical, NUMERIC_ANALYTES, ANALYTES, type Case, type UnitSystem } from '@masdrill/rules';
import { caseStream, DIFFICULTIES, GENERATOR_VERSION, KINDS, MixError, parseMix, type Difficulty, type Kind, type Mix, mixOf, isKind } from '@masdrill/generator';
import { stringify } from 'csv-stringify/sync';
import { caseToFhirBundle, withoutTruth } from '@masdrill/export';
import { BatchedWriter, ByteBatch } from '../batched-writer.js';
import { CliError } from '../cli-error.js';
import { DISCLAIMER } from '../help.js';
import type { Io } from '../main.js';
import { parseFlags } from '../parse-flags.js';
import { orderedBatches, workerCount } from '../parallel-writer.js';
import { createProgress } from '../progress.js';
import { openAtomic } from '../write-atomically.js';

export type Format = 'json' | 'jsonl' | 'csv' | 'fhir';
export type Units = 'canonical' | UnitSystem;

const FORMATS: readonly Format[] = ['jsonl', 'json', 'csv', 'fhir'];
const UNITS: readonly Units[] = ['canonical', 'conventional', 'si'];
const DEFAULT_MIX = 'mas:1,sjia-flare:1,sepsis:1,misc:1';
const MAX_N = 100_000_000;
const MAX_THREADS = 16;

/**
 * CSV layout (long format): ONE ROW PER CASE PER TIME POINT. The hours of a case are the union of
 * its observation and lab hours, ascending (a known-sJIA case starts at −168, the pre-illness
 * baseline). Case-level columns repeat on every row of the case; an empty cell means "not measured
 * / not assessed at this hour" (never "normal"). Booleans are true/false. Lab headers carry their
 * unit for the chosen --units.
 */
const CASE_COLUMNS = [
  'id', 'seed', 'index', 'generatorVersion', 'difficulty',
  'kind', 'subtype', 'masPresent', 'trigger', 'severity',
  'ageYears', 'sex', 'weightKg', 'heightCm',
  'sjia', 'sjiaDurationYears', 'immunosuppressiveTherapy',
  'hospitalized', 'died', 'suspectedInfection',
  'marrowHemophagocytosis', 'echoLvefMin', 'echoCoronaryZMax', 'bloodCulture', 'viralPositive', 'sarsCov2Pcr', 'sarsCov2Serology',
] as const;

const OBSERVATION_COLUMNS = [
  'temperatureC', 'feverDays', 'hepatomegaly', 'splenomegaly', 'lymphadenopathy', 'activeArthritis', 'rash', 'conjunctivitis',
  'mucosalChanges', 'extremityChanges', 'giSymptoms', 'cnsInvolvement', 'gcs', 'pupils', 'hemorrhage', 'shock', 'vasoactiveCount',
  'respiratorySupport', 'fio2', 'spo2', 'sbp', 'dbp', 'heartRate', 'respiratoryRate',
] as const;

function unitOf(analyte: (typeof NUMERIC_ANALYTES)[number], units: Units): string {
  return units === 'canonical' ? ANALYTES[analyte].canonicalUnit : ANALYTES[analyte].systemUnits[units];
}

/** The CSV header for a unit system. */
export function csvHeader(units: Units): string[] {
  return [
    ...CASE_COLUMNS, 'hour', ...OBSERVATION_COLUMNS,
    ...NUMERIC_ANALYTES.flatMap((a) => (a === 'triglycerides' ? [`${a} [${unitOf(a, units)}]`, 'triglyceridesFasting'] : [`${a} [${unitOf(a, units)}]`])),
    'nkCellActivity',
  ];
}

const cell = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v));

/** The rows of one case in the long CSV layout. */
export function csvRows(c: Case): string[][] {
  const t = c.truth;
  const inv = c.investigations;
  const marrow = inv.boneMarrow?.length ? inv.boneMarrow.some((m) => m.hemophagocytosis) : undefined;
  const lvefs = (inv.echo ?? []).map((e) => e.lvefPercent).filter((v): v is number => v !== undefined);
  const zs = (inv.echo ?? []).map((e) => e.coronaryZMax).filter((v): v is number => v !== undefined);
  const blood = (inv.cultures ?? []).filter((x) => x.specimen === 'blood');
  const bloodCell = blood.length === 0 ? '' : blood.some((x) => x.result === 'positive') ? `positive: ${blood.find((x) => x.result === 'positive')!.organism ?? 'unnamed'}` : blood[0]!.result;
  const viral = (inv.viralTests ?? []).filter((v) => v.result === 'positive' && v.virus !== 'SARS-CoV-2').map((v) => v.virus).join(';');
  const sars = c.background.sarsCov2;
  const caseCells = [
    c.id, c.provenance.seed, c.provenance.index, c.provenance.generatorVersion, c.provenance.difficulty,
    t?.kind, t?.subtype, t?.masPresent, t?.trigger, t?.severity,
    c.patient.ageYears, c.patient.sex, c.patient.weightKg, c.patient.heightCm,
    c.background.sjia, c.background.sjiaDurationYears, c.background.immunosuppressiveTherapy?.join(';'),
    c.encounter.hospitalized, c.encounter.died, c.encounter.suspectedInfection,
    marrow, lvefs.length ? Math.min(...lvefs) : undefined, zs.length ? Math.max(...zs) : undefined, bloodCell, viral, sars?.rnaOrAntigen, sars?.serology,
  ].map(cell);
  const hours = [...new Set([...c.observations.map((o) => o.hour), ...c.labs.map((l) => l.hour)])].sort((a, b) => a - b);
  return hours.map((hour) => {
    const o = c.observations.find((x) => x.hour === hour) as Record<string, unknown> | undefined;
    const l = c.labs.find((x) => x.hour === hour) as Record<string, unknown> | undefined;
    const row = [...caseCells, String(hour)];
    for (const k of OBSERVATION_COLUMNS) row.push(cell(o?.[k]));
    for (const a of NUMERIC_ANALYTES) {
      row.push(cell(l?.[a]));
      if (a === 'triglycerides') row.push(cell(l?.triglyceridesFasting));
    }
    row.push(cell(l?.nkCellActivity));
    return row;
  });
}

/**
 * Decimals to keep for an analyte in a unit: its canonical reporting precision carried through the
 * conversion factor (TG 0 dp in mg/dL → 2 dp in mmol/L; CRP 1 dp in mg/L → 2 dp in mg/dL), so a
 * converted value keeps its information and loses the float noise of the multiplication.
 */
function decimalsIn(analyte: string, unit: string): number {
  const def = ANALYTES[analyte as (typeof NUMERIC_ANALYTES)[number]];
  const factor = def.units[unit] ?? 1;
  return Math.max(0, def.precision + Math.ceil(Math.log10(1 / factor) - 1e-9));
}

function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/** A converted case with every lab value rounded to the precision its unit carries. */
function clean(c: Case, units: UnitSystem): Case {
  for (const panel of c.labs) {
    const p = panel as unknown as Record<string, unknown>;
    for (const k of Object.keys(p)) {
      const v = p[k];
      if (k !== 'hour' && typeof v === 'number' && k in ANALYTES) p[k] = roundTo(v, decimalsIn(k, ANALYTES[k as (typeof NUMERIC_ANALYTES)[number]].systemUnits[units]));
    }
  }
  const ranges = c.labReferenceRanges as Record<string, { lower?: number; upper?: number }> | undefined;
  if (ranges) {
    const out: Record<string, { lower?: number; upper?: number }> = {};
    for (const [k, r] of Object.entries(ranges)) {
      const d = decimalsIn(k, ANALYTES[k as (typeof NUMERIC_ANALYTES)[number]].systemUnits[units]);
      out[k] = { ...(r.lower !== undefined ? { lower: roundTo(r.lower, d) } : {}), ...(r.upper !== undefined ? { upper: roundTo(r.upper, d) } : {}) };
    }
    c.labReferenceRanges = out as Case['labReferenceRanges'];
  }
  return c;
}

export const GENERATE_HELP = `masdrill generate — labelled synthetic patients over time (MAS, sJIA flare, sepsis, MIS-C).
${DISCLAIMER}

Usage: masdrill generate [--kind K | --mix K:W,...] [--n N] [--seed S] [flags]

  --kind K           one kind for every case: ${KINDS.join(', ')}
  --mix K:W,...      a mix with whole-number weights, e.g. mas:10,sepsis:5,misc:5
                     (default ${DEFAULT_MIX}); each block of W-total cases holds the exact proportions
  --n N              number of cases (default 10)
  --seed S           0 … 4294967295 (default 1). Case i of seed S is the same whatever --n is.
  --start I          first case index (default 0), to regenerate a slice of a larger cohort
  --difficulty D     standard | hard (hard: values straddling the cut-offs, missing tests,
                     marrow without hemophagocytosis, hyperferritinemic sepsis, high-ferritin flares)
  --format F         jsonl (default, one case per line) | json (an array) | csv (see --columns) |
                     fhir (one FHIR R4 transaction Bundle per line: Patient, Encounter, lab Observations)
  --condition        fhir: add a Condition for the labelled diagnosis (the ground truth)
  --no-truth         strip the ground truth (truth, encounter.died) from every case written
  --units U          canonical (default: the units the rules read) | conventional | si
  --out FILE         write FILE atomically (a temporary file renamed on success, removed on failure);
                     without --out, cases go to standard output
  --threads T        worker threads that generate in parallel (default: one per core, up to 4,
                     from 50,000 cases; 0: this thread only). The output is the same either way.
  --quiet            no progress bar (it shows only when stderr is a terminal anyway)
  --columns          print the CSV column layout and exit
  -h, --help         this help

Generator ${GENERATOR_VERSION}. Every case records seed, index, generator version and difficulty.
`;

export function columnsHelp(units: Units): string {
  return `CSV layout of masdrill generate --format csv (units: ${units})
One row per case per time point (hours from presentation, ascending; -168 = pre-illness baseline
of known sJIA). Case-level columns repeat on each row of a case. Empty cell = not measured or not
assessed at that hour (never "normal"). Booleans are true/false; lists are ";"-separated.

Case columns:
  ${CASE_COLUMNS.join(', ')}
  (marrowHemophagocytosis: any marrow showing it; echoLvefMin / echoCoronaryZMax: over all echoes;
   bloodCulture: negative | positive: <organism>; viralPositive: positive non-SARS-CoV-2 viral tests)
Time-point columns:
  hour, ${OBSERVATION_COLUMNS.join(', ')}
Lab columns (unit in the header):
  ${csvHeader(units).slice(CASE_COLUMNS.length + 1 + OBSERVATION_COLUMNS.length).join(', ')}
`;
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`masdrill generate: ${flag} "${value}" is not allowed. Fix: use one of ${allowed.join(', ')}.`);
}

function wholeNumber(flag: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim())) throw new CliError(`masdrill generate: ${flag} "${value}" is not a whole number. Fix: give ${flag} ${min === 0 ? 'a number from 0' : `a number from ${min}`} to ${max}.`);
  const n = Number(value);
  if (n < min || n > max) throw new CliError(`masdrill generate: ${flag} ${value} is out of range. Fix: give ${flag} from ${min} to ${max}.`);
  return n;
}

export interface GenerateOptions {
  readonly mix: Mix;
  readonly n: number;
  readonly seed: number;
  readonly start: number;
  readonly difficulty: Difficulty;
  readonly format: Format;
  readonly units: Units;
  readonly out: string | undefined;
  readonly quiet: boolean;
  /** Worker threads; undefined: decided by the cohort's size and the cores (parallel-writer.ts). */
  readonly threads: number | undefined;
  readonly noTruth: boolean;
  readonly condition: boolean;
}

/** argv → options, or a CliError naming the flag and the fix. Pure. */
export function parseGenerateFlags(argv: readonly string[]): GenerateOptions | 'help' | { columns: Units } {
  const { values, positionals } = parseFlags('generate', argv, {
    kind: { type: 'string' }, mix: { type: 'string' }, n: { type: 'string' }, seed: { type: 'string' }, start: { type: 'string' },
    difficulty: { type: 'string' }, format: { type: 'string' }, units: { type: 'string' }, out: { type: 'string' }, threads: { type: 'string' },
    quiet: { type: 'boolean' }, columns: { type: 'boolean' }, 'no-truth': { type: 'boolean' }, condition: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  if (positionals.length > 0) throw new CliError(`masdrill generate: unexpected argument "${positionals[0]}". Fix: generate takes flags only, e.g. --kind mas --n 10.`);
  const str = (k: string): string | undefined => values[k] as string | undefined;
  const units = oneOf('--units', str('units'), UNITS, 'canonical');
  if (values.columns) return { columns: units };
  if (str('kind') !== undefined && str('mix') !== undefined) throw new CliError('masdrill generate: give --kind or --mix, not both. Fix: drop one (a single kind is --mix K:1).');
  let mix: Mix;
  const kind = str('kind');
  if (kind !== undefined) {
    if (!isKind(kind)) throw new CliError(`masdrill generate: --kind "${kind}" is not a kind. Fix: use one of ${KINDS.join(', ')}.`);
    mix = mixOf({ [kind as Kind]: 1 });
  } else {
    try {
      mix = parseMix(str('mix') ?? DEFAULT_MIX);
    } catch (error) {
      if (error instanceof MixError) throw new CliError(`masdrill generate: --mix ${error.message}.`);
      throw error;
    }
  }
  if (str('format') === 'fhir' && units !== 'canonical') throw new CliError('masdrill generate: --format fhir writes UCUM units from the canonical ones. Fix: drop --units.');
  const out = str('out');
  if (out !== undefined && out.trim() === '') throw new CliError('masdrill generate: --out is empty. Fix: give a file name, or leave --out out to write to standard output.');
  return {
    mix,
    n: wholeNumber('--n', str('n'), 10, 0, MAX_N),
    seed: wholeNumber('--seed', str('seed'), 1, 0, 0xffffffff),
    start: wholeNumber('--start', str('start'), 0, 0, Number.MAX_SAFE_INTEGER - MAX_N),
    difficulty: oneOf('--difficulty', str('difficulty'), DIFFICULTIES, 'standard'),
    format: oneOf('--format', str('format'), FORMATS, 'jsonl'),
    units,
    out,
    quiet: values.quiet === true,
    threads: str('threads') === undefined ? undefined : wholeNumber('--threads', str('threads'), 0, 0, MAX_THREADS),
    noTruth: values['no-truth'] === true,
    condition: values.condition === true,
  };
}

/** What turns a range of the cohort into output bytes: plain data, so a worker thread can be given it. */
export interface BatchSpec {
  readonly mix: Mix;
  readonly seed: number;
  /** The cohort's first index (the JSON array's first item has no separator before it). */
  readonly start: number;
  readonly difficulty: Difficulty;
  readonly format: Format;
  readonly units: Units;
  readonly noTruth?: boolean;
  readonly condition?: boolean;
}

/**
 * The output of cases from … from+count−1 of the cohort, UTF-8: JSONL lines, JSON array items (each
 * after ",\n" but the cohort's first), or CSV rows (no header). The same bytes whichever way the
 * cohort is cut into batches, so batches made in parallel and written in order are the whole file.
 */
export function encodeBatch(spec: BatchSpec, from: number, count: number): Buffer {
  const cases = caseStream({ mix: spec.mix, n: count, seed: spec.seed, start: from, difficulty: spec.difficulty });
  const units = spec.units;
  const toUnits = units === 'canonical' ? (c: Case) => c : (c: Case) => clean(caseFromCanonical(c, units), units);
  const convert = spec.noTruth ? (c: Case) => toUnits(withoutTruth(c)) : toUnits;
  const out = new ByteBatch(count * 5000);
  if (spec.format === 'csv') {
    const rows: string[][] = [];
    for (const raw of cases) for (const row of csvRows(convert(raw))) rows.push(row);
    if (rows.length > 0) out.append(stringify(rows));
    return out.result();
  }
  let index = from;
  for (const raw of cases) {
    const text = JSON.stringify(spec.format === 'fhir' ? caseToFhirBundle(convert(raw), { condition: spec.condition === true }) : convert(raw));
    // Appended apart: `text + '\n'` made a 4 KB string to copy once more.
    if (spec.format === 'jsonl' || spec.format === 'fhir') { out.append(text); out.append('\n'); }
    else out.append(index > spec.start ? ',\n' + text : text);
    index++;
  }
  return out.result();
}

/** Cases per batch: small enough to stream (≈1 MB of JSON), large enough to hand to a worker thread. */
const BATCH = 256;
/** The worker thread script, next to this file's directory once built. */
const WORKER_SCRIPT = new URL('../generate-writer-worker.js', import.meta.url);

async function writeCases(options: GenerateOptions, stream: NodeJS.WritableStream, io: Io): Promise<void> {
  const sink = new BatchedWriter(stream);
  const progress = createProgress({ total: options.n, label: 'generate', stream: io.stderr, enabled: options.quiet || options.n < 1000 ? false : undefined });
  const spec: BatchSpec = { mix: options.mix, seed: options.seed, start: options.start, difficulty: options.difficulty, format: options.format, units: options.units, noTruth: options.noTruth, condition: options.condition };
  if (options.format === 'json') await sink.write(options.n === 0 ? '[' : '[\n');
  if (options.format === 'csv') await sink.write(stringify([csvHeader(options.units)]));
  const threads = workerCount(options.n, WORKER_SCRIPT, options.threads);
  const encode = (from: number, count: number): Uint8Array => encodeBatch(spec, from, count);
  for await (const batch of orderedBatches(options.start, options.n, BATCH, encode, { script: WORKER_SCRIPT, data: spec, threads })) {
    if (sink.closed) break;
    await sink.writeBytes(batch.bytes);
    progress.tick(batch.count);
  }
  if (options.format === 'json') await sink.write(options.n === 0 ? ']\n' : '\n]\n');
  await sink.flush();
  progress.done();
  const failure = sink.failure();
  if (failure) throw failure;
}

export async function generateCommand(argv: readonly string[], io: Io): Promise<number> {
  const options = parseGenerateFlags(argv);
  if (options === 'help') { io.stdout.write(GENERATE_HELP); return 0; }
  if ('columns' in options) { io.stdout.write(columnsHelp(options.columns)); return 0; }
  if (options.out === undefined) {
    await writeCases(options, io.stdout, io);
    return 0;
  }
  const file = await openAtomic(options.out, '--out');
  try {
    await writeCases(options, file.stream, io);
  } catch (error) {
    await file.abort();
    throw error;
  }
  await file.commit();
  return 0;
}
