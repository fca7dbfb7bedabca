import fs from 'node:fs'; import path from 'node:path';
import { validateXML } from 'xmllint-wasm';
function schemaFiles(dir) { return fs.readdirSync(dir, { recursive: true }).filter((r) => r.endsWith('.xsd')).map((r) => ({ fileName: r.split(path.sep).join('/'), contents: fs.readFileSync(path.join(dir, r)) })); }
async function validate(dir, main, xmls) {
  const files = schemaFiles(dir);
  const t = Date.now();
  const r = await validateXML({ xml: xmls, schema: [files.find((f) => f.fileName === main)], preload: files.filter((f) => f.fileName !== main), initialMemoryPages: 512 });
  console.log(main, xmls.length, r.valid, Date.now() - t, 'ms', r.errors.slice(0, 8).map((e) => e.rawMessage));
}
const q21 = '/tmp/i15-exam/q21';
const items = fs.readdirSync(q21 + '/items').map((f) => ({ fileName: 'items/' + f, contents: fs.readFileSync(q21 + '/items/' + f, 'utf8') }));
await validate('../shared/schemas/qti-2.1', 'imsqti_v2p1p2.xsd', [...items, { fileName: 'test.xml', contents: fs.readFileSync(q21 + '/test.xml', 'utf8') }]);
await validate('../shared/schemas/qti-2.1', 'imscp_v1p1.xsd', [{ fileName: 'imsmanifest.xml', contents: fs.readFileSync(q21 + '/imsmanifest.xml', 'utf8') }]);
await validate('../shared/schemas/qti-1.2', 'ims_qtiasiv1p2.xsd', [{ fileName: 'q12.xml', contents: fs.readFileSync('/tmp/i15-exam/q12/masdrill-exam-2026/masdrill-exam-2026.xml', 'utf8') }]);
await validate('../shared/schemas/qti-2.1', 'imscp_v1p1.xsd', [{ fileName: 'imsmanifest12.xml', contents: fs.readFileSync('/tmp/i15-exam/q12/imsmanifest.xml', 'utf8') }]);
