// Side-by-side previews: each language copy is its print page in a frame
// (templates/documents/includes/print_preview.html, same origin, no script inside). Number
// the section headings of each copy, with links above its frame, and let the reviser bring
// section n of every copy to the top at once, to compare section by section (no inline
// script: CSP). The preview is replaced by htmx as the drafter types, so it re-runs then.
(() => {
  const HEADINGS = ".body :is(h1,h2,h3,h4)";

  const headings = (frame) => {
    const doc = frame.contentDocument;
    if (!doc || doc.URL !== "about:srcdoc" || doc.readyState !== "complete") return null;
    return [...doc.querySelectorAll(HEADINGS)];
  };

  const mark = (frame) => {
    const found = headings(frame);
    const nav = frame.parentElement.querySelector(".section-nav");
    if (found === null || !nav || nav.dataset.done) return;
    nav.dataset.done = "1";
    const label = frame.closest("[data-section-columns]").dataset.sectionLabel || "{n}";
    found.forEach((heading, i) => {
      const link = document.createElement("a");
      link.href = "#";
      link.className = "section-link";
      link.dataset.section = String(i + 1);
      link.textContent = `§ ${i + 1}`;
      link.title = heading.textContent.trim();
      link.setAttribute("aria-label", label.replace("{n}", String(i + 1)));
      nav.append(link, " ");
    });
  };

  const number = (root) => {
    root.querySelectorAll("[data-section-columns] iframe[data-section-column]").forEach((frame) => {
      frame.addEventListener("load", () => mark(frame));
      mark(frame);
    });
  };

  document.addEventListener("click", (event) => {
    const link = event.target.closest(".section-link");
    if (!link) return;
    event.preventDefault();
    const row = link.closest("[data-section-columns]");
    row.querySelectorAll("iframe[data-section-column]").forEach((frame) => {
      const heading = (headings(frame) || [])[Number(link.dataset.section) - 1];
      if (!heading) return;
      const view = frame.contentWindow;
      view.scrollTo(0, heading.getBoundingClientRect().top + view.scrollY);
      heading.classList.add("section-current");
      setTimeout(() => heading.classList.remove("section-current"), 1500);
    });
    link.focus();
  });

  document.addEventListener("DOMContentLoaded", () => number(document));
  document.addEventListener("htmx:afterSwap", (event) => number(event.target));
})();
