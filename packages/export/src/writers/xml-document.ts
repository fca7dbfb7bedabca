import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { cdataParts } from './text-escape.js';

export type { XMLBuilder };

/** A new XML document: `<?xml version="1.0" encoding="UTF-8"?>` on line 1, no BOM. */
export function xmlDocument(): XMLBuilder {
  return create({ version: '1.0', encoding: 'UTF-8' });
}

/** Serialises with two-space indentation and a final newline. */
export function xmlText(doc: XMLBuilder): string {
  return `${doc.end({ prettyPrint: true, indent: '  ' })}\n`;
}

/** Appends text as CDATA sections, split so none holds "]]>". */
export function appendCdata(el: XMLBuilder, text: string): XMLBuilder {
  for (const part of cdataParts(text)) el.dat(part);
  return el;
}
