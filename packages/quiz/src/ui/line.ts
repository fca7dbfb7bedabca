/**
 * Screens as lines of text: the Ink quiz lays them out, the --plain mode prints them. A style is
 * decoration only — every meaning is also in the words or symbols (H/L, ↑↓, ›, [x], ⚠), so
 * nothing relies on colour.
 */
export type LineStyle = 'title' | 'selected' | 'dim' | 'warn' | 'good' | 'bad' | 'plain';

export interface Line {
  readonly text: string;
  readonly style?: LineStyle;
}

export const line = (text: string, style?: LineStyle): Line => (style ? { text, style } : { text });

/** Breaks a line at spaces to fit the width (continuations indented); a word longer than the width is cut. */
export function wrapLine(l: Line, columns: number): Line[] {
  const width = Math.max(20, columns - 1);
  if (l.text.length <= width) return [l];
  const out: Line[] = [];
  let rest = l.text;
  let first = true;
  while (rest.length) {
    const room = first ? width : width - 4;
    if (rest.length <= room) {
      out.push({ ...l, text: first ? rest : `    ${rest}` });
      break;
    }
    let cut = rest.lastIndexOf(' ', room);
    if (cut <= room / 3) cut = room;
    out.push({ ...l, text: first ? rest.slice(0, cut) : `    ${rest.slice(0, cut)}` });
    rest = rest.slice(cut).trimStart();
    first = false;
  }
  return out;
}
