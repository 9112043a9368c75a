/**
 * Saves text or bytes as a file through the browser's own download (works in the browser shell and
 * in Electron): a Blob URL on a temporary link. UTF-8 CSV from the core already starts with a
 * byte-order mark, so Excel opens Korean text as UTF-8; CP949 sheets come as bytes.
 */
import { DIAGNOSTICS } from '../build-flags.js';

/** The last file saved this way, for end-to-end tests (window.__lcStudio.lastDownload()); kept only in the build for tests. */
let last: { filename: string; text: string } | null = null;
export const lastDownload = () => last;

function save(filename: string, text: string, blob: Blob): void {
  // Buyer lists stay out of memory in the product: only the build for tests keeps a copy.
  if (DIAGNOSTICS) last = { filename, text };
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  save(filename, text, new Blob([text], { type }));
}

/** A file's bytes (base64 from the core); `text` is what it says, kept for the tests like downloadText. */
export function downloadBytes(filename: string, base64: string, text: string, type = 'text/csv'): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  save(filename, text, new Blob([bytes], { type }));
}
