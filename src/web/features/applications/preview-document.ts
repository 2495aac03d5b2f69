/**
 * Opens a document the server produces (a generated material's preview) in a new tab. The tab is
 * opened at once, inside the click, so that no pop-up blocker stops it, and shows the PDF when it
 * arrives; on an error it closes again and the error is thrown for the page to show.
 */
export async function openDocument(load: () => Promise<Blob>): Promise<void> {
  const tab = window.open("", "_blank");
  try {
    const url = URL.createObjectURL(await load());
    if (tab) tab.location.href = url;
    else window.location.assign(url);
    // The tab has read it by then; the URL is not kept alive for the page's lifetime.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (err) {
    tab?.close();
    throw err;
  }
}
