/**
 * Saving a file the page made, without the `downloads` permission: a Blob URL on an `<a download>` link, clicked.
 */

/**
 * Offers `contents` as a file named `name`. Text is written as UTF-8, so a leading U+FEFF becomes the byte order
 * mark; a Blob (a backup made in a worker) is offered as it is.
 */
export function downloadFile(doc: Document, name: string, contents: string | Blob, type: string): void {
  const url = URL.createObjectURL(typeof contents === 'string' ? new Blob([contents], { type }) : contents);
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty for it to start.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
