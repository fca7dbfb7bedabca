import { line, wrapLine, type Line } from './line.js';

/*
 * The first screen, in a module that loads nothing else: the CLI prints it the moment it starts,
 * before Ink and the engine have loaded, and the Ink quiz draws the same lines (screens.ts).
 */

/** The educational-use notice every front end shows first. */
export const NOTICE = 'For education and simulation only: synthetic patients, not clinical decision support.';

export const WELCOME_LINES: readonly Line[] = [
  line('masdrill — a drill in pediatric macrophage activation syndrome (MAS)', 'title'),
  line('For education and simulation only: synthetic patients,', 'warn'),
  line('not clinical decision support.', 'warn'),
  line(''),
  line('A synthetic patient unfolds over simulated hours. At each stage you read the'),
  line('patient and the labs, name the leading diagnosis, say which criteria are met,'),
  line('decide whether to escalate, and write the orders. The patient responds to your'),
  line('orders; the debrief scores you against the guideline and quotes the statement'),
  line('behind each point.'),
  line(''),
  line('Keys: ↑↓ or j/k move · Enter choose · Space toggle · 1-9 pick · Tab next field', 'dim'),
  line('      Esc back · p patient · u units · ? help · q quit', 'dim'),
  line(''),
  line('Press Enter to meet the patient.', 'title'),
];

export const WELCOME_FOOTER = 'Enter start · ? help · q quit';

export function welcomeHeader(units: 'si' | 'conventional'): Line {
  return line(`Welcome · units: ${units === 'si' ? 'SI' : 'conventional'}`, 'title');
}

/** The first screen as plain text for a terminal `columns` wide (what the CLI prints before Ink loads). */
export function welcomeText(units: 'si' | 'conventional', columns: number): string {
  return (
    [welcomeHeader(units), ...WELCOME_LINES, line(WELCOME_FOOTER, 'dim')]
      .flatMap((l) => wrapLine(l, columns))
      .map((l) => l.text)
      .join('\n') + '\n'
  );
}
