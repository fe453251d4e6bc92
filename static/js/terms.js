// Editor: the termbase side panel shows the terms of the paragraph being edited (htmx).
// A paragraph is the text between blank lines around the cursor, as the check reads it.
(() => {
  const panel = document.getElementById("terms-panel");
  const form = document.getElementById("document-form");
  if (!panel || !form || !window.htmx) return;
  let timer = null;
  let last = "";

  function paragraphAt(value, caret) {
    const separator = /\n[ \t]*\n/g;
    let from = 0;
    let to = value.length;
    let match;
    while ((match = separator.exec(value)) !== null) {
      if (match.index + match[0].length <= caret) from = match.index + match[0].length;
      else if (match.index >= caret) { to = match.index; break; }
    }
    return value.slice(from, to).trim();
  }

  function update(event) {
    const field = event.target;
    if (!field.matches("textarea, input[type=text]")) return;
    const column = field.closest("[lang].language-column");
    if (!column) return;
    const text = paragraphAt(field.value, field.selectionStart || 0);
    const key = column.lang + "\u0000" + text;
    if (key === last) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      last = key;
      htmx.ajax("POST", panel.dataset.url, {
        source: panel, target: panel, values: { lang: column.lang, text: text },
      });
    }, 400);
  }

  ["focusin", "keyup", "click"].forEach((name) => form.addEventListener(name, update));
})();
