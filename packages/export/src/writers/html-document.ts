import MarkdownIt from 'markdown-it';
import { escapeHtml } from './text-escape.js';

const PRINT_CSS = `
body { font: 11pt/1.45 Georgia, 'Times New Roman', serif; max-width: 48em; margin: 2em auto; padding: 0 1em; color: #111; }
h1 { font-size: 1.6em; } h2 { font-size: 1.15em; margin-top: 1.8em; border-top: 1px solid #999; padding-top: .6em; }
h2 { break-after: avoid; } table { break-inside: avoid; }
table { border-collapse: collapse; margin: .6em 0; font: 9.5pt/1.3 Arial, Helvetica, sans-serif; }
th, td { border: 1px solid #888; padding: .15em .5em; } td + td, th + th { text-align: right; }
blockquote { border-left: 4px solid #b00; margin: 1em 0; padding: .2em 1em; background: #fdf3f3; }
ul { list-style: none; padding-left: 1em; } sub { color: #666; }
@page { size: A4; margin: 18mm; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } }
`;

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** A self-contained printable HTML page (inline CSS, no scripts, no external resources) from Markdown. */
export function htmlDocument(title: string, markdownText: string): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n<style>${PRINT_CSS}</style>\n</head>\n<body>\n${markdown.render(markdownText)}</body>\n</html>\n`;
}
