/**
 * Saves text as a file through the browser's own download (works in the browser shell and in
 * Electron): a Blob URL on a temporary link. The CSV from the core already starts with a
 * byte-order mark, so Excel opens Korean text as UTF-8.
 */
/** The last file saved this way, for end-to-end tests and support (window.__lcStudio.lastDownload()). */
let last: { filename: string; text: string } | null = null;
export const lastDownload = () => last;

export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  last = { filename, text };
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
