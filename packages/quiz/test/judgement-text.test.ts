import { describe, expect, it } from 'vitest';
import { judgementText } from '../src/judgement-text.js';

describe('judgementText', () => {
  it('names the met sets, then the not-assessable ones, in canonical order whatever the order given', () => {
    expect(
      judgementText({ 'ferritin-esr': 'met', phoenix: 'not-met', 'hlh-2004': 'not-assessable', hscore: 'met' }),
    ).toBe('met: hscore + ferritin-esr · not assessable: hlh-2004');
  });

  it('says "none met" when no set is met, and leaves out an empty not-assessable list', () => {
    expect(judgementText({})).toBe('none met');
    expect(judgementText({ hscore: 'not-met' })).toBe('none met');
    expect(judgementText({ 'misc-who-2020': 'not-assessable' }, (id) => id.toUpperCase())).toBe(
      'none met · not assessable: MISC-WHO-2020',
    );
  });
});
