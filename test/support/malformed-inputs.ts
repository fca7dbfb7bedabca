import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { constraintProblems } from '@masdrill/quiz';
import { findCase } from '../../packages/generator/test/support/find-case.js';
import { loadScenarios } from './scenarios.js';

/**
 * A corpus of malformed inputs for every masdrill command: each must end in exit 2 with one
 * message naming the file (or flag), the line or field, and a fix; no stack trace, no engine
 * text, no output file left behind. Built by enumeration (every field of a valid case, plan and
 * answers file broken in the ways a person or a tool breaks them), so it is the same on every run.
 */

export type CommandName = 'evaluate' | 'validate' | 'generate' | 'grade' | 'play';

export interface Malformed {
  readonly command: CommandName;
  /** "category: detail", unique. */
  readonly name: string;
  /** Files to write in the run's directory (name → content). */
  readonly files: Readonly<Record<string, string>>;
  /** argv; "@name" is replaced by the path of file `name` in the run's directory, "@dir" by the directory. */
  readonly argv: readonly string[];
  readonly stdin?: string;
  /** Text the message must contain ("@name" → that file's path); every one of them. */
  readonly mentions: readonly string[];
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): string => readFileSync(ROOT + path, 'utf8');

export const VALID_CASE = read('cases/canonical/sjia-mas-classic.json');
export const VALID_PLAN_CASE = read('cases/plans/septic-shock.case.json');
export const VALID_PLAN = read('cases/plans/septic-shock.trainee.plan.json');
// The committed scenario reads a frozen case file relative to scenarios/; a scenario written to a
// temporary folder names its patient by seed instead: the first seed whose patient meets the
// scenario's constraints (searched, so a generator version that changes the random stream still
// gives a valid scenario).
const CLASSIC = 'sjia-mas-classic.yaml';
const classicSeed = findCase(
  { kind: 'mas' },
  `the constraints of ${CLASSIC}`,
  (c) =>
    constraintProblems(c, loadScenarios().find((s) => s.file === CLASSIC)!.scenario.constrain, CLASSIC).length === 0,
).seed;
const GENERATE = `generate: { kind: mas, seed: ${classicSeed} }`;
export const VALID_SCENARIO = read(`scenarios/${CLASSIC}`).replace(/^case: .*$/m, GENERATE);
export const VALID_ANSWERS = [
  'schemaVersion: 1',
  'scenario: sjia-mas-classic',
  'stages:',
  '  presentation:',
  '    diagnosis: mas',
  '    criteria: [eular-acr-2016]',
  '',
].join('\n');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every value of a JSON document with its path (as an array of keys). */
function* walk(value: Json, path: (string | number)[] = []): Generator<{ path: (string | number)[]; value: Json }> {
  yield { path, value };
  if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* walk(v, [...path, i]);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) yield* walk(v, [...path, k]);
}

function setAt(root: Json, path: (string | number)[], replace: (old: Json) => Json | undefined): Json {
  const copy = structuredClone(root);
  if (path.length === 0) return replace(copy) as Json;
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  const next = replace(node[last]!);
  if (next === undefined) delete node[last];
  else node[last] = next;
  return copy;
}

const fieldName = (path: (string | number)[]): string =>
  path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');

/** Fields whose schema allows null (null there is not malformed). */
const NULLABLE = new Set(['moreLikelyAlternativeDiagnosis']);

/**
 * Each field of a valid JSON document broken in every way that is malformed whatever the field:
 * the wrong type (a number for a string, a string for a number, an object for a scalar, an array
 * for an object), null, and an unknown key in every object (every schema object is closed).
 */
export function brokenFields(text: string): { name: string; text: string; field: string }[] {
  const doc = JSON.parse(text) as Json;
  const out: { name: string; text: string; field: string }[] = [];
  for (const { path, value } of walk(doc)) {
    const field = fieldName(path);
    const variants: [string, (old: Json) => Json | undefined][] = [];
    if (path.length > 0 && !NULLABLE.has(String(path[path.length - 1]))) variants.push(['null', () => null]);
    if (typeof value === 'number') variants.push(['number as string', (v) => String(v)]);
    if (typeof value === 'string') variants.push(['string as number', () => 12]);
    if (typeof value === 'boolean') variants.push(['boolean as string', (v) => String(v)]);
    if (value !== null && typeof value !== 'object') variants.push(['scalar as object', () => ({})]);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      variants.push(['object as array', () => []]);
      variants.push(['unknown key', (v) => ({ ...(v as Record<string, Json>), colour: 'blue' })]);
    }
    if (Array.isArray(value) && path.length > 0) variants.push(['array as object', () => ({})]);
    for (const [kind, replace] of variants)
      out.push({
        name: `${kind} at $${field}`,
        text: JSON.stringify(setAt(doc, path, replace), null, 2),
        field: `$${field}`,
      });
  }
  return out;
}

/** Text that is not a JSON document at all, or not one the commands read. */
export function brokenSyntax(valid: string): { name: string; text: string }[] {
  const cuts = [1, 7, 40, 120, Math.floor(valid.length / 3), Math.floor(valid.length / 2), valid.length - 2];
  return [
    { name: 'empty', text: '' },
    { name: 'whitespace only', text: '  \n\t\n' },
    { name: 'null', text: 'null' },
    { name: 'a number', text: '42' },
    { name: 'a string', text: '"case"' },
    { name: 'an empty object', text: '{}' },
    { name: 'an empty array', text: '[]' },
    { name: 'an array of numbers', text: '[1, 2]' },
    { name: 'deep nesting', text: '['.repeat(200_000) },
    { name: 'deep object nesting', text: '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000) },
    { name: 'trailing comma', text: valid.replace(/\n}\s*$/, ',\n}\n') },
    { name: 'single quotes', text: valid.replace(/"/g, "'") },
    { name: 'a comment', text: '// a case\n' + valid },
    { name: 'NaN', text: valid.replace(/: \d+(\.\d+)?/, ': NaN') },
    { name: 'binary bytes', text: '\u0000\u0001\u0002\uFFFD\uFFFD' },
    { name: 'BOM then garbage', text: '\uFEFFnot json' },
    { name: 'YAML instead of JSON', text: 'schemaVersion: 1\nid: x\n' },
    { name: 'two objects on one line', text: '{"a":1}{"b":2}' },
    ...cuts.map((at) => ({ name: `truncated at ${at}`, text: valid.slice(0, at) })),
  ];
}

function minified(text: string): string {
  return JSON.stringify(JSON.parse(text));
}

/** The whole corpus. */
export function malformedInputs(): Malformed[] {
  const list: Malformed[] = [];
  const add = (m: Malformed): void => {
    list.push(m);
  };

  // Every field of a case, broken; each variant read by one of the four readers in turn.
  brokenFields(VALID_CASE).forEach((b, i) => {
    const where = [b.field === '$' ? '$' : b.field.replace(/\[(\d+)\]/g, '[$1]')];
    switch (i % 5) {
      case 0:
        add({
          command: 'evaluate',
          name: `case file, ${b.name}`,
          files: { 'case.json': b.text },
          argv: ['evaluate', '@case.json'],
          mentions: ['@case.json', ...where],
        });
        break;
      case 1:
        add({
          command: 'evaluate',
          name: `case on stdin line 2, ${b.name}`,
          files: {},
          argv: ['evaluate', '-', '--json'],
          stdin: `${minified(VALID_CASE)}\n${minified(b.text)}\n`,
          mentions: ['<stdin>:2', ...where],
        });
        break;
      case 2:
        add({
          command: 'validate',
          name: `case file, ${b.name}`,
          files: { 'case.json': b.text },
          argv: ['validate', '@case.json'],
          mentions: ['@case.json', ...where],
        });
        break;
      case 3:
        add({
          command: 'validate',
          name: `JSONL line 3, ${b.name}`,
          files: { 'cases.jsonl': `${minified(VALID_CASE)}\n${minified(VALID_CASE)}\n${minified(b.text)}\n` },
          argv: ['validate', '@cases.jsonl'],
          mentions: ['@cases.jsonl:3', ...where],
        });
        break;
      default:
        add({
          command: 'grade',
          name: `case, ${b.name}`,
          files: { 'case.json': b.text, 'plan.json': VALID_PLAN },
          argv: ['grade', '--case', '@case.json', '--plan', '@plan.json'],
          mentions: ['@case.json', ...where],
        });
    }
  });

  // Every field of a plan, broken.
  for (const b of brokenFields(VALID_PLAN)) {
    add({
      command: 'grade',
      name: `plan, ${b.name}`,
      files: { 'case.json': VALID_PLAN_CASE, 'plan.json': b.text },
      argv: ['grade', '--case', '@case.json', '--plan', '@plan.json'],
      mentions: ['@plan.json', b.field],
    });
  }

  // Text that is not a case.
  for (const s of brokenSyntax(VALID_CASE)) {
    add({
      command: 'evaluate',
      name: `syntax: ${s.name}`,
      files: { 'case.json': s.text },
      argv: ['evaluate', '@case.json'],
      mentions: ['@case.json'],
    });
    add({
      command: 'evaluate',
      name: `syntax on stdin: ${s.name}`,
      files: {},
      argv: ['evaluate', '-'],
      stdin: s.text,
      mentions: ['<stdin>'],
    });
    add({
      command: 'validate',
      name: `syntax: ${s.name}`,
      files: { 'case.json': s.text },
      argv: ['validate', '@case.json'],
      mentions: ['@case.json'],
    });
    add({
      command: 'grade',
      name: `case syntax: ${s.name}`,
      files: { 'case.json': s.text, 'plan.json': VALID_PLAN },
      argv: ['grade', '--case', '@case.json', '--plan', '@plan.json'],
      mentions: ['@case.json'],
    });
    add({
      command: 'grade',
      name: `plan syntax: ${s.name}`,
      files: { 'case.json': VALID_PLAN_CASE, 'plan.json': s.text },
      argv: ['grade', '--case', '@case.json', '--plan', '@plan.json'],
      mentions: ['@plan.json'],
    });
  }

  // JSONL shapes the two case readers must agree on.
  const line = minified(VALID_CASE);
  for (const [name, text, at] of [
    ['an array line', `${line}\n[${line}]\n`, 2],
    ['an empty array line', `${line}\n[]\n`, 2],
    ['a number line', `${line}\n7\n`, 2],
    ['a broken line', `${line}\n{"schemaVersion": 1,\n`, 2],
    ['a line cut short', `${line}\n${line.slice(0, 200)}\n${line}\n`, 2],
  ] as const) {
    add({
      command: 'evaluate',
      name: `JSONL with ${name}`,
      files: { 'c.jsonl': text },
      argv: ['evaluate', '@c.jsonl', '--json'],
      mentions: [`@c.jsonl:${at}`],
    });
    add({
      command: 'validate',
      name: `JSONL with ${name}`,
      files: { 'c.jsonl': text },
      argv: ['validate', '@c.jsonl'],
      mentions: [`@c.jsonl:${at}`],
    });
  }

  // Meaning: right shape, wrong values.
  const c = JSON.parse(VALID_CASE) as { patient: Record<string, unknown>; labs: Record<string, unknown>[] };
  const meaning: [string, (x: typeof c) => void, string][] = [
    [
      'hemoglobin 950 g/dL',
      (x) => {
        x.labs[0]!.hemoglobin = 950;
      },
      '$.labs[0].hemoglobin',
    ],
    [
      'a 17-year-old of 1 kg',
      (x) => {
        x.patient.ageYears = 17;
        x.patient.weightKg = 1;
      },
      '$.patient.weightKg',
    ],
    [
      'an infant of 90 kg',
      (x) => {
        x.patient.ageYears = 0.5;
        x.patient.weightKg = 90;
      },
      '$.patient.weightKg',
    ],
    [
      'ferritin 9e9',
      (x) => {
        x.labs[0]!.ferritin = 9e9;
      },
      '$.labs[0].ferritin',
    ],
    [
      'units conflict',
      (x) => {
        (x as Record<string, unknown>).units = 'conventional';
      },
      '$.units',
    ],
    [
      'unknown units',
      (x) => {
        (x as Record<string, unknown>).units = 'imperial';
      },
      '$.units',
    ],
  ];
  for (const [name, change, field] of meaning) {
    const broken = structuredClone(c);
    change(broken);
    const text = JSON.stringify(broken, null, 2);
    const units = name === 'units conflict' ? ['--units', 'si'] : [];
    add({
      command: 'evaluate',
      name: `meaning: ${name}`,
      files: { 'case.json': text },
      argv: ['evaluate', '@case.json', ...units],
      mentions: ['@case.json', field],
    });
    add({
      command: 'validate',
      name: `meaning: ${name}`,
      files: { 'case.json': text },
      argv: ['validate', '@case.json', ...units],
      mentions: ['@case.json', field],
    });
    add({
      command: 'grade',
      name: `meaning: ${name}`,
      files: { 'case.json': text, 'plan.json': VALID_PLAN },
      argv: ['grade', '--case', '@case.json', '--plan', '@plan.json', ...units],
      mentions: ['@case.json', field],
    });
  }

  // Paths that are not readable files.
  for (const command of ['evaluate', 'validate'] as const) {
    add({
      command,
      name: 'a missing file',
      files: {},
      argv: [command, '@dir/missing.json'],
      mentions: ['missing.json'],
    });
  }
  add({ command: 'evaluate', name: 'a directory', files: {}, argv: ['evaluate', '@dir'], mentions: ['@dir'] });
  add({
    command: 'grade',
    name: 'a missing case',
    files: { 'plan.json': VALID_PLAN },
    argv: ['grade', '--case', '@dir/missing.json', '--plan', '@plan.json'],
    mentions: ['missing.json'],
  });
  add({
    command: 'grade',
    name: 'a directory as plan',
    files: { 'case.json': VALID_PLAN_CASE },
    argv: ['grade', '--case', '@case.json', '--plan', '@dir'],
    mentions: ['@dir'],
  });
  add({
    command: 'grade',
    name: 'both from stdin',
    files: {},
    argv: ['grade', '--case', '-', '--plan', '-'],
    mentions: ['--case', '--plan'],
  });
  add({
    command: 'play',
    name: 'a missing answers file',
    files: {},
    argv: ['play', '--kind', 'mas', '--seed', '1', '--answers', '@dir/missing.yaml'],
    mentions: ['missing.yaml'],
  });
  add({
    command: 'play',
    name: 'a missing scenario',
    files: {},
    argv: ['play', '--scenario', '@dir/missing.yaml'],
    mentions: ['missing.yaml'],
  });

  // Flags.
  const flags: [CommandName, string[], string][] = [
    ['evaluate', ['--window', '24:0'], '--window'],
    ['evaluate', ['--window', 'a:b'], '--window'],
    ['evaluate', ['--window', '-5'], '--window'],
    ['evaluate', ['--only', 'hlh-1994'], '--only'],
    ['evaluate', ['--only', ','], '--only'],
    ['evaluate', ['--units', 'imperial'], '--units'],
    ['evaluate', ['--statuses'], '--statuses'],
    ['evaluate', ['--jsn'], '--jsn'],
    ['evaluate', ['--window'], '--window'],
    ['validate', ['--units', 'metric'], '--units'],
    ['validate', ['--loud'], '--loud'],
    ['grade', ['--units', 'si-units'], '--units'],
    ['grade', ['--case'], '--case'],
    ['grade', ['--plan', '@plan.json'], '--case'],
    ['grade', ['--color'], '--color'],
    ['play', ['--kind', 'flu', '--seed', '1'], '--kind'],
    ['play', ['--kind', 'mas', '--seed', '-1'], '--seed'],
    ['play', ['--kind', 'mas', '--seed', 'x'], '--seed'],
    ['play', ['--kind', 'mas', '--seed', '4294967296'], '--seed'],
    ['play', ['--kind', 'mas'], '--seed'],
    ['play', ['--scenario', 'no-such-scenario'], 'no-such-scenario'],
    ['play', ['--speed', '2'], '--speed'],
  ];
  for (const [command, extra, flag] of flags) {
    const input =
      command === 'evaluate' || command === 'validate'
        ? ['@case.json']
        : command === 'grade' && !extra.includes('--plan') && !extra.includes('--case')
          ? ['--case', '@case.json', '--plan', '@plan.json']
          : [];
    add({
      command,
      name: `flag ${extra.join(' ')}`,
      files: { 'case.json': VALID_CASE, 'plan.json': VALID_PLAN },
      argv: [command, ...input, ...extra],
      mentions: [flag],
    });
  }
  const generateFlags: [string[], string][] = [
    [['--n', '-3'], '--n'],
    [['--n', 'lots'], '--n'],
    [['--n', '1e3'], '--n'],
    [['--n', '100000001'], '--n'],
    [['--seed', '-1'], '--seed'],
    [['--seed', '4294967296'], '--seed'],
    [['--seed', '0x10'], '--seed'],
    [['--start', '-1'], '--start'],
    [['--start', '1.5'], '--start'],
    [['--kind', 'bogus'], '--kind'],
    [['--kind', 'mas', '--mix', 'mas:1'], '--mix'],
    [['--mix', 'mas:ten'], '--mix'],
    [['--mix', 'mas:0'], '--mix'],
    [['--mix', 'flu:1'], '--mix'],
    [['--mix', ''], '--mix'],
    [['--difficulty', 'easy'], '--difficulty'],
    [['--format', 'xml'], '--format'],
    [['--units', 'imperial'], '--units'],
    [['--threads', '99'], '--threads'],
    [['--threads', '-2'], '--threads'],
    [['--frobnicate'], '--frobnicate'],
    [['extra'], 'extra'],
    [['--out', ''], '--out'],
    [['--out', '@dir'], '--out'],
    [['--out', '@dir/missing/x.jsonl'], '--out'],
  ];
  for (const [extra, flag] of generateFlags) {
    const out = extra.includes('--out') ? [] : ['--out', '@dir/never.jsonl'];
    add({
      command: 'generate',
      name: `flag ${extra.join(' ')}`,
      files: {},
      argv: ['generate', '--n', '3', ...extra, ...out],
      mentions: [flag],
    });
  }

  // Answers files for play (and validate), broken.
  const answers: [string, string, string][] = [
    ['an unknown stage', VALID_ANSWERS + '  presentaton:\n    diagnosis: mas\n', 'presentaton'],
    [
      'an unknown scenario',
      VALID_ANSWERS.replace('scenario: sjia-mas-classic', 'scenario: no-such-scenario'),
      'no-such-scenario',
    ],
    ['a bad diagnosis', VALID_ANSWERS.replace('diagnosis: mas', 'diagnosis: flu'), '$.stages.presentation.diagnosis'],
    ['a bad criteria id', VALID_ANSWERS.replace('eular-acr-2016', 'eular-2016'), '$.stages.presentation.criteria[0]'],
    [
      'criteria as a string',
      VALID_ANSWERS.replace('[eular-acr-2016]', 'eular-acr-2016'),
      '$.stages.presentation.criteria',
    ],
    ['stages as a list', 'schemaVersion: 1\nstages:\n  - presentation\n', '$.stages'],
    ['an unknown top-level key', VALID_ANSWERS + 'colour: blue\n', 'colour'],
    ['a bad indentation', VALID_ANSWERS.replace('    diagnosis', ' diagnosis'), '@answers.yaml'],
    [
      'an alias bomb',
      'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\nstages: {}\n',
      'alias',
    ],
    ['two documents', VALID_ANSWERS + '---\nstages: {}\n', 'more than one YAML document'],
    ['a duplicate key', VALID_ANSWERS + '  presentation:\n    diagnosis: mas\n', '@answers.yaml'],
    ['deep nesting', '['.repeat(100_000), '@answers.yaml'],
    ['a tab indent', VALID_ANSWERS.replace('    diagnosis', '\tdiagnosis'), '@answers.yaml'],
    ['an unclosed quote', VALID_ANSWERS.replace('diagnosis: mas', 'diagnosis: "mas'), '@answers.yaml'],
    [
      'a plan with an unknown action',
      VALID_ANSWERS + '    plan:\n      actions:\n        - { action: aspirin-ultra, atHour: 0 }\n',
      'aspirin-ultra',
    ],
  ];
  for (const [name, text, mention] of answers) {
    add({
      command: 'play',
      name: `answers: ${name}`,
      files: { 'answers.yaml': text, 'sjia-mas-classic.yaml': VALID_SCENARIO },
      argv: ['play', '--scenario', '@sjia-mas-classic.yaml', '--answers', '@answers.yaml'],
      mentions: ['@answers.yaml', mention],
    });
    // validate and play agree on answers files, the scenario they name and its stages included.
    add({
      command: 'validate',
      name: `answers: ${name}`,
      files: { 'answers.yaml': text, 'sjia-mas-classic.yaml': VALID_SCENARIO },
      argv: ['validate', '@answers.yaml'],
      mentions: ['@answers.yaml', mention],
    });
  }

  // Scenario files, broken.
  const scenarios: [string, string, string][] = [
    ['an unknown stage key', VALID_SCENARIO.replace('    hour: 0\n', '    hour: 0\n    hours: 0\n'), 'hours'],
    ['a stage without an id', VALID_SCENARIO.replace('  - id: presentation\n    hour: 0', '  - hour: 0'), 'id'],
    ['a bad kind', VALID_SCENARIO.replace(GENERATE, GENERATE.replace('kind: mas', 'kind: flu')), '$.generate.kind'],
    ['a negative seed', VALID_SCENARIO.replace(`seed: ${classicSeed}`, `seed: -${classicSeed + 1}`), '$.generate.seed'],
    ['a missing case file', VALID_SCENARIO.replace(GENERATE, 'case: nowhere.json'), 'nowhere.json'],
    ['a broken YAML line', VALID_SCENARIO.replace('title: Classic', 'title: [Classic'), '@sjia-mas-classic.yaml'],
    [
      'an alias bomb',
      VALID_SCENARIO +
        'x1: &a [y,y,y,y,y,y,y,y,y,y]\nx2: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nx3: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n',
      'alias',
    ],
    ['two documents', VALID_SCENARIO + '---\nid: x\n', 'more than one YAML document'],
  ];
  for (const [name, text, mention] of scenarios) {
    add({
      command: 'play',
      name: `scenario: ${name}`,
      files: { 'sjia-mas-classic.yaml': text },
      argv: ['play', '--scenario', '@sjia-mas-classic.yaml'],
      mentions: ['@sjia-mas-classic.yaml', mention],
    });
    add({
      command: 'validate',
      name: `scenario: ${name}`,
      files: { 'sjia-mas-classic.yaml': text },
      argv: ['validate', '@sjia-mas-classic.yaml'],
      mentions: ['@sjia-mas-classic.yaml', mention],
    });
  }
  return list;
}

/** Text that should never reach a user: engine messages, stack frames, formatting slips. */
export const LEAKS =
  /\n\s+at |RangeError|TypeError|SyntaxError|ReferenceError|internal error|YAML\.parse|parseAllDocuments|null null|give a o|\?\.|\[object Object\]|ERR_[A-Z_]+|\bundefined\b|Excessive alias/;
