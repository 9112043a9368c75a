/**
 * Saves text as a file through the browser's own download (works in the browser shell and in
 * Electron): a Blob URL on a temporary link. The CSV from the core already starts with a
 * byte-order mark, so Excel opens Korean text as UTF-8.
 */
import { DIAGNOSTICS } from '../build-flags.js';

/** The last file saved this way, for end-to-end tests (window.__lcStudio.lastDownload()); kept only in the build for tests. */
let last: { filename: string; text: string } | null = null;
export const lastDownload = () => last;

export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  // Buyer lists stay out of memory in the product: only the build for tests keeps a copy.
  if (DIAGNOSTICS) last = { filename, text };
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
