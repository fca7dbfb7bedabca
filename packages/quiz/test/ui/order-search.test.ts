import { createElement } from 'react';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { ACTIONS, ACTION_IDS } from '@masdrill/rules';
import { createSession, drillScenario, generatedCaseOf, searchCatalogue } from '../../src/index.js';
import { ACTION_SYNONYMS } from '../../src/action-synonyms.js';
import { QuizApp } from '../../src/ui/index.js';
import { keysFor, newPlayer } from './play-by-keys.js';
import { waitFor } from './wait-for-frame.js';

/** What a clinician types, and the action it must put first in the order search. */
const TYPED: readonly [string, (typeof ACTION_IDS)[number]][] = [
  ['cef', 'empirical-antibiotics'],
  ['abx', 'empirical-antibiotics'],
  ['antibiotic', 'empirical-antibiotics'],
  ['MP', 'methylprednisolone-pulse'],
  ['methylpred', 'methylprednisolone-pulse'],
  ['CsA', 'cyclosporine'],
  ['IVIG', 'ivig'],
  ['immunoglobulin', 'ivig'],
  ['Kineret', 'anakinra'],
  ['anakinra', 'anakinra'],
  ['dex', 'dexamethasone'],
];

describe('the order search knows what clinicians type (ACTION_SYNONYMS)', () => {
  it.each(TYPED)('"%s" finds %s first', (query, id) => {
    expect(searchCatalogue(query)[0]?.id).toBe(id);
    expect(searchCatalogue(query.toLowerCase())[0]?.id).toBe(id);
  });

  it('a whole synonym ranks before a word that merely contains the letters ("MP" is not "eMPirical")', () => {
    const ids = searchCatalogue('mp').map((e) => e.id);
    expect(ids.indexOf('methylprednisolone-pulse')).toBeLessThan(ids.indexOf('empirical-antibiotics'));
  });

  it('forgives a typo when nothing matches as typed, and finds nothing for nonsense', () => {
    expect(searchCatalogue('tocilizimab')[0]?.id).toBe('tocilizumab');
    expect(searchCatalogue('methylprednisolon')[0]?.id).toBe('methylprednisolone-pulse');
    expect(searchCatalogue('xyzzy')).toEqual([]);
    expect(searchCatalogue('')).toHaveLength(ACTION_IDS.length);
  });

  it('the table holds names only: no digits outside a name such as IL-6 or VP-16, no doses', () => {
    for (const id of ACTION_IDS)
      for (const s of ACTION_SYNONYMS[id]) {
        expect(s, `${id}: ${s}`).not.toMatch(/\b\d+(\.\d+)?\s*(mg|g|ml|mL|kg|%|h)\b/);
        expect(s.trim(), `${id}: ${s}`).toBe(s);
      }
  });

  it('in the Ink quiz, typing each one on the order form search highlights its action; Enter opens that order', async () => {
    const scenario = drillScenario('mas', 7);
    const app = render(createElement(QuizApp, { session: createSession(scenario, generatedCaseOf(scenario)!) }));
    const frame = () => app.lastFrame() ?? '';
    const p = newPlayer();
    let f = await waitFor(frame, (x) => x.includes('Press Enter'));
    // Answer the questions as the scripted trainee does until the order sheet, then open the search.
    for (let i = 0; i < 50 && !/Orders at hour /.test(f); i++) {
      const before = f;
      app.stdin.write(keysFor(f, p)!);
      f = await waitFor(frame, (x) => x !== before);
    }
    app.stdin.write('a');
    await waitFor(frame, (x) => x.includes('Search actions: '));
    for (const [query, id] of TYPED) {
      for (const ch of query) app.stdin.write(ch);
      await waitFor(frame, (x) => x.includes(`Search actions: ${query}▏`));
      expect(frame(), query).toContain(`› ${ACTIONS[id].name}`);
      for (const _ of query) app.stdin.write('\u007f');
      await waitFor(frame, (x) => x.includes('Search actions: ▏'));
    }
    for (const ch of 'Kineret') app.stdin.write(ch);
    await waitFor(frame, (x) => x.includes('Search actions: Kineret▏'));
    app.stdin.write('\r');
    expect(await waitFor(frame, (x) => x.includes('New order: '))).toContain(ACTIONS.anakinra.name);
    app.unmount();
  }, 120_000);
});
