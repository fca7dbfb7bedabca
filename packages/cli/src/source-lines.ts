import { createRequire } from 'node:module';
import type { LineCounter, Node } from 'yaml';

type Yaml = typeof import('yaml');
let yaml: Yaml | undefined;
/** The YAML parser, loaded the first time a line is looked up: only a problem needs one, and a good input should not pay for it. */
function loadYaml(): Yaml {
  return (yaml ??= createRequire(import.meta.url)('yaml') as Yaml);
}

/** "$.labs[0].ferritin" or '$["a b"][2]' → ['labs', 0, 'ferritin'] */
export function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  const re = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const m of path.slice(1).matchAll(re)) {
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(Number(m[2]));
    else if (m[3] !== undefined) segments.push(JSON.parse(m[3]) as string);
  }
  return segments;
}

/**
 * Finds the line of a JSON path in the source text of a JSON or YAML file (JSON is YAML), so a
 * problem can say "case.json:42". A path that ends at a missing or unknown key points at the
 * nearest existing parent (for an unknown key, the key itself).
 */
export class SourceLines {
  private readonly counter: LineCounter;
  private readonly root: Node | null;

  constructor(text: string) {
    const { LineCounter, parseDocument } = loadYaml();
    this.counter = new LineCounter();
    const doc = parseDocument(text, { lineCounter: this.counter, keepSourceTokens: false, uniqueKeys: false });
    this.root = doc.contents as Node | null;
  }

  lineOf(path: string): number | undefined {
    let node: Node | null = this.root;
    let line = this.lineAt(node);
    const { isMap, isSeq } = loadYaml();
    for (const segment of pathSegments(path)) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === segment);
        if (!pair) break;
        line = this.lineAt(pair.key as Node) ?? line;
        node = pair.value as Node | null;
        line = this.lineAt(node) ?? line;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = (node.items[segment] as Node | undefined) ?? null;
        line = this.lineAt(node) ?? line;
      } else {
        break;
      }
    }
    return line;
  }

  private lineAt(node: Node | null | undefined): number | undefined {
    const start = node?.range?.[0];
    return start === undefined ? undefined : this.counter.linePos(start).line;
  }
}
