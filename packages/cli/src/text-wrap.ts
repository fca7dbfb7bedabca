/** Terminal output fits this many columns (the 80: tables wrap rather than run off the edge). */
export const COLUMNS = 80;

/**
 * Word-wraps one line to `width`: the first line starts as given, continuation lines start with
 * `indent`. A single word longer than the width (a URL) stays whole on its own line.
 */
export function wrapLine(text: string, indent: string, width = COLUMNS): string[] {
  if (text.length <= width) return [text];
  const lead = /^\s*/.exec(text)![0];
  // Words and the runs of spaces between them: spacing inside a line (aligned columns) is kept.
  const tokens = text.slice(lead.length).split(/( +)/);
  const lines: string[] = [];
  let line = lead;
  let empty = true;
  for (let i = 0; i < tokens.length; i += 2) {
    const word = tokens[i]!;
    const space = i > 0 ? tokens[i - 1]! : '';
    if (word === '') continue;
    if (!empty && line.length + space.length + word.length > width) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    line += (empty ? '' : space) + word;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** Wraps every line of a block, continuing each under its own first word (after a bullet such as "- " or "• "). For reports and help. */
export function wrapBlock(text: string, width = COLUMNS): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const hang = /^(\s*(?:[-•*·✓?✗]\s+|\d+[.)]\s+)?)/.exec(line)![0];
      // An indented line without a bullet continues two columns in; a paragraph at the margin stays there.
      return wrapLine(
        line,
        ' '.repeat(Math.min(hang.length, 40)) + (hang.trim() === '' && hang.length > 0 ? '  ' : ''),
        width,
      );
    })
    .join('\n');
}
