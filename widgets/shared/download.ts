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
