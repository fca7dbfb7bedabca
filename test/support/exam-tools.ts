import { readFileSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import yauzl from 'yauzl';
import { validateXML } from 'xmllint-wasm';
import { REPO_ROOT } from './run-cli.js';

/** The official schemas (../shared/schemas beside the repository). */
export const SCHEMAS = join(REPO_ROOT, '..', 'shared', 'schemas');

export interface ZipEntry {
  readonly name: string;
  readonly text: string;
  readonly modified: Date;
}

/** Reads every entry of a zip (yauzl: an unzip independent of the writer's fflate), in stored order. */
export function readZip(bytes: Uint8Array): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (error, zip) => {
      if (error || !zip) {
        reject(error);
        return;
      }
      const out: ZipEntry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) {
            reject(e);
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.push({
              name: entry.fileName,
              text: Buffer.concat(chunks).toString('utf8'),
              modified: entry.getLastModDate(),
            });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function schemaFiles(dir: string) {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((rel) => rel.endsWith('.xsd'))
    .map((rel) => ({ fileName: rel.split(sep).join('/'), contents: readFileSync(join(dir, rel)) }));
}

/**
 * Validates XML documents against an official XSD with xmllint-wasm (libxml2 compiled to
 * WebAssembly), many documents in one call (the schema compiles once).
 */
export async function validateAgainst(
  schemaDir: string,
  mainXsd: string,
  docs: readonly { fileName: string; contents: string }[],
): Promise<{ valid: boolean; errors: string[] }> {
  const files = schemaFiles(join(SCHEMAS, schemaDir));
  const r = await validateXML({
    xml: docs.map((d) => ({ fileName: d.fileName, contents: d.contents })),
    schema: [files.find((f) => f.fileName === mainXsd)!],
    preload: files.filter((f) => f.fileName !== mainXsd),
    initialMemoryPages: 512,
  });
  return { valid: r.valid, errors: r.errors.map((e) => e.rawMessage) };
}
