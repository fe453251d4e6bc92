// Side-by-side previews: number the headings of each language column in order and let the
// reviser bring section n of every column to the top at once, to compare section by
// section. Works for any kind whose preview marks [data-section-columns] (no inline
// script: CSP). The preview is replaced by htmx as the drafter types, so it re-runs then.
(() => {
  const number = (root) => {
    root.querySelectorAll("[data-section-columns]").forEach((row) => {
      const label = row.dataset.sectionLabel || "{n}";
      row.querySelectorAll("[data-section-column]").forEach((column) => {
        column.querySelectorAll("[data-sections] :is(h1,h2,h3,h4,h5,h6)").forEach((heading, i) => {
          if (heading.querySelector(".section-link")) return;
          const link = document.createElement("a");
          link.href = "#";
          link.className = "section-link";
          link.dataset.section = String(i + 1);
          link.textContent = `§ ${i + 1}`;
          link.setAttribute("aria-label", label.replace("{n}", String(i + 1)));
          heading.prepend(link, " ");
        });
      });
      row.classList.add("sections-aligned");
    });
  };

  document.addEventListener("click", (event) => {
    const link = event.target.closest(".section-link");
    if (!link) return;
    event.preventDefault();
    const row = link.closest("[data-section-columns]");
    row.querySelectorAll(`.section-link[data-section="${link.dataset.section}"]`).forEach((target) => {
      const paper = target.closest(".paper");
      const heading = target.parentElement;
      paper.scrollTop += heading.getBoundingClientRect().top - paper.getBoundingClientRect().top;
      heading.classList.add("section-current");
      setTimeout(() => heading.classList.remove("section-current"), 1500);
    });
    link.focus();
  });

  document.addEventListener("DOMContentLoaded", () => number(document));
  document.addEventListener("htmx:afterSwap", (event) => number(event.target));
})();
