const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => entities[c]);
}

/** An id usable in an HTML id attribute and a #fragment: anything outside [A-Za-z0-9_-] becomes _. */
export function anchorId(prefix: string, ...parts: string[]): string {
  return [prefix, ...parts].join('-').replace(/[^A-Za-z0-9_-]/g, '_');
}
