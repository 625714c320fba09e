/**
 * Saving a file the page made, without the `downloads` permission: a Blob URL on an `<a download>` link, clicked.
 */

/** Offers `text` as a file named `name`. The Blob is UTF-8, so a leading U+FEFF becomes the byte order mark. */
export function downloadText(doc: Document, name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
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
