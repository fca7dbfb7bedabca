/** Escapes for the text formats the writers emit. */

/** HTML text and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Markdown inline text: characters that would start emphasis, links, HTML or table cells. */
export function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

/** Splits text into pieces that each fit a CDATA section ("]]>" cannot): concatenated, they give the text back. */
export function cdataParts(s: string): string[] {
  const parts = s.split(']]>');
  return parts.map((p, i) => `${i > 0 ? '>' : ''}${p}${i < parts.length - 1 ? ']]' : ''}`);
}
