// Editor: warn before leaving the page with unsaved text (no inline script: CSP).
(() => {
  const form = document.getElementById("document-form");
  if (!form) return;
  let dirty = form.ownerDocument.getElementById("stale-warning") !== null;
  form.addEventListener("input", () => { dirty = true; });
  form.addEventListener("submit", () => { dirty = false; });
  window.addEventListener("beforeunload", (event) => {
    if (!dirty) return;
    event.preventDefault();
    event.returnValue = form.dataset.dirtyWarning;
  });
})();
