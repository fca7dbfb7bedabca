import { escapeHtml } from '@masdrill/export';
import { CHROMIUM_ARGS } from '../headless-chromium.js';

/** The printed booklet's file name in the exam folder. */
export const PDF_FILE = 'booklet.pdf';

/** How to get the PDF when no browser is found: the one line the command prints. */
export const PDF_HOW_TO =
  'install a headless Chromium (Debian: apt-get install chromium-headless-shell) or set MASDRILL_CHROMIUM to a Chromium binary, then run the command again';

/** Print-only rules: each question starts a page; a lab table or an item's options never split. */
const PDF_CSS = `
@page { size: A4; }
body { max-width: none; margin: 0; padding: 0; }
h2 { break-before: page; break-after: avoid; }
table, blockquote, ul { break-inside: avoid; }
`;

const headerTemplate = (examId: string) =>
  `<div style="font: 8pt Arial, sans-serif; color: #555; width: 100%; padding: 0 18mm;">${escapeHtml(examId)}</div>`;
const FOOTER_TEMPLATE =
  '<div style="font: 8pt Arial, sans-serif; color: #555; width: 100%; padding: 0 18mm; text-align: right;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>';

/** A fixed PDF date (the zip packages' 2000-01-01), digits only so the length and xref offsets stay. */
const FIXED_PDF_DATE = '20000101000000';

/**
 * Chromium stamps /CreationDate and /ModDate with the clock: they are set to 2000-01-01 00:00 in
 * place (same length, so the cross-reference offsets still hold). Other bytes (Skia's document
 * ID, font subsets) are Chromium's own; the tests read the PDF's text rather than its bytes.
 */
export function withFixedPdfDates(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const fixed = text.replace(
    /\/(CreationDate|ModDate) \(D:(\d{14})/g,
    (_m, key: string) => `/${key} (D:${FIXED_PDF_DATE}`,
  );
  return Buffer.from(fixed, 'latin1');
}

/**
 * The self-contained HTML booklet printed to an A4 PDF by a headless Chromium (playwright-core,
 * loaded only here): margins for a header with the exam's ID and a footer with page numbers, each
 * question on a new page, tables kept whole. Nothing is fetched: every request is refused.
 */
export async function bookletPdf(html: string, examId: string, executablePath: string): Promise<Uint8Array> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.addStyleTag({ content: PDF_CSS });
    const pdf = await page.pdf({
      format: 'A4',
      margin: { top: '22mm', bottom: '20mm', left: '18mm', right: '18mm' },
      displayHeaderFooter: true,
      headerTemplate: headerTemplate(examId),
      footerTemplate: FOOTER_TEMPLATE,
      printBackground: true,
    });
    return withFixedPdfDates(pdf);
  } finally {
    await browser.close();
  }
}
