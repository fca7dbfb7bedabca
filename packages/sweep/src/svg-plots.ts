import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';

/**
 * Hand-written SVG: the same figures give the same bytes (no layout engine, no ids from a counter
 * shared across calls). d3-scale chooses ticks and formats them (its formats print U+2212 minus).
 */

export interface Series {
  readonly label: string;
  readonly colour: string;
  /** Points in data units, in drawing order. */
  readonly points: readonly (readonly [number, number])[];
}

export interface PlotOptions {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly x: { readonly domain: readonly [number, number]; readonly log?: boolean };
  readonly y: { readonly domain: readonly [number, number] };
  /** A dashed reference line (e.g. the ROC chance diagonal). */
  readonly diagonal?: boolean;
  readonly width?: number;
  readonly height?: number;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const fixed = (x: number): string => {
  const r = Math.round(x * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
};

/** Drops points closer than a tenth of a pixel to the last one kept (a ferritin curve has thousands). */
function thin(points: readonly (readonly [number, number])[]): string[] {
  const out: string[] = [];
  let last = '';
  for (const [x, y] of points) {
    const p = `${fixed(x)},${fixed(y)}`;
    if (p !== last) out.push(p);
    last = p;
  }
  return out;
}

export function linePlot(series: readonly Series[], options: PlotOptions): string {
  const width = options.width ?? 420;
  const height = options.height ?? 320;
  const margin = { top: 28, right: 12, bottom: 44, left: 52 };
  const legendHeight = 16 * series.length;
  const plotBottom = height - margin.bottom;
  const x: ScaleContinuousNumeric<number, number> = options.x.log
    ? scaleLog()
        .domain([...options.x.domain])
        .range([margin.left, width - margin.right])
        .clamp(true)
    : scaleLinear()
        .domain([...options.x.domain])
        .range([margin.left, width - margin.right]);
  const y = scaleLinear()
    .domain([...options.y.domain])
    .range([plotBottom, margin.top]);
  const xTicks = options.x.log ? x.ticks(4).filter((t) => Math.log10(t) % 1 === 0) : x.ticks(5);
  const xFormat = options.x.log ? (t: number) => x.tickFormat(4, ',')(t) : x.tickFormat(5);
  const yTicks = y.ticks(5);
  const yFormat = y.tickFormat(5);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height + legendHeight}" width="${width}" height="${height + legendHeight}" role="img" aria-label="${escapeXml(options.title)}">`,
  );
  parts.push(`<title>${escapeXml(options.title)}</title>`);
  parts.push(
    `<text x="${width / 2}" y="16" text-anchor="middle" class="plot-title">${escapeXml(options.title)}</text>`,
  );
  for (const t of yTicks)
    parts.push(
      `<line x1="${margin.left}" x2="${width - margin.right}" y1="${fixed(y(t))}" y2="${fixed(y(t))}" class="grid"/><text x="${margin.left - 6}" y="${fixed(y(t) + 4)}" text-anchor="end" class="tick">${escapeXml(yFormat(t))}</text>`,
    );
  for (const t of xTicks)
    parts.push(
      `<line x1="${fixed(x(t))}" x2="${fixed(x(t))}" y1="${margin.top}" y2="${plotBottom}" class="grid"/><text x="${fixed(x(t))}" y="${plotBottom + 16}" text-anchor="middle" class="tick">${escapeXml(xFormat(t))}</text>`,
    );
  parts.push(
    `<rect x="${margin.left}" y="${margin.top}" width="${width - margin.left - margin.right}" height="${plotBottom - margin.top}" class="frame"/>`,
  );
  if (options.diagonal)
    parts.push(
      `<line x1="${fixed(x(options.x.domain[0]))}" y1="${fixed(y(options.y.domain[0]))}" x2="${fixed(x(options.x.domain[1]))}" y2="${fixed(y(options.y.domain[1]))}" class="diagonal"/>`,
    );
  for (const s of series) {
    const points = thin(s.points.map(([px, py]) => [x(px), y(py)] as const));
    if (points.length > 0)
      parts.push(`<polyline points="${points.join(' ')}" fill="none" stroke="${s.colour}" stroke-width="1.6"/>`);
  }
  parts.push(
    `<text x="${(margin.left + width - margin.right) / 2}" y="${height - 8}" text-anchor="middle" class="axis">${escapeXml(options.xLabel)}</text>`,
  );
  parts.push(
    `<text transform="translate(14 ${(margin.top + plotBottom) / 2}) rotate(-90)" text-anchor="middle" class="axis">${escapeXml(options.yLabel)}</text>`,
  );
  series.forEach((s, i) => {
    const ly = height + 16 * i + 4;
    parts.push(
      `<line x1="${margin.left}" x2="${margin.left + 18}" y1="${ly}" y2="${ly}" stroke="${s.colour}" stroke-width="3"/><text x="${margin.left + 24}" y="${ly + 4}" class="legend">${escapeXml(s.label)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/**
 * A histogram rebinned onto `edges` (fractions of each group's measured cases per bin, so groups
 * of different sizes compare), drawn as a step outline.
 */
export function distributionSeries(
  bins: readonly (readonly [number, number])[],
  edges: readonly number[],
): [number, number][] {
  const counts = new Array<number>(edges.length - 1).fill(0);
  let total = 0;
  for (const [value, count] of bins) {
    total += count;
    let i = 0;
    while (i < edges.length - 2 && value >= edges[i + 1]!) i++;
    counts[i]! += count;
  }
  const points: [number, number][] = [];
  counts.forEach((c, i) => {
    const f = total > 0 ? c / total : 0;
    points.push([edges[i]!, f], [edges[i + 1]!, f]);
  });
  return points;
}
