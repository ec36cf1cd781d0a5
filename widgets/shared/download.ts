import { call } from './api.ts';

/**
 * POSTs JSON and returns the answer's body as a file (a download authorised by what is in the
 * body, so secrets never go in the URL); throws `ApiError` like `request`.
 */
export function postForBlob(url: string, data: unknown): Promise<Blob> {
  const headers = { accept: '*/*', 'content-type': 'application/json' };
  return call(url, { method: 'POST', headers, body: JSON.stringify(data) }, (res) => res.blob());
}

/**
 * Hands a file already in memory to the browser's download manager under `name`: an object URL
 * and a temporary `<a download>`, placed inside `container` (a shadow root works) so the click
 * stays within the widget.
 */
export function saveBlob(blob: Blob, name: string, container: Node): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  container.appendChild(a);
  a.click();
  a.remove();
  // Some browsers read the URL after click() returns; a minute is plenty and frees the memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
