// Small progressive enhancements; every page works without them.
document.documentElement.classList.add("js");

document.addEventListener("change", (event) => {
  const select = event.target.closest("select[data-autosubmit]");
  if (select) select.form.requestSubmit();
});

// A form button marked data-once is disabled after the first click (double click on Issue);
// the server refuses a second issue anyway.
document.addEventListener("submit", (event) => {
  const button = event.target.querySelector("button[data-once]");
  if (button) setTimeout(() => { button.disabled = true; }, 0);
});

// Checkbox grids (circulation lists): "select all / none" buttons and a live count.
function updateCheckCount(group) {
  const count = group.querySelector("[data-check-count]");
  if (count) count.textContent = group.querySelectorAll("input[type=checkbox]:checked").length;
}

document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-check-all], [data-check-none]");
  if (!button) return;
  const group = button.closest("[data-check-group]");
  const checked = button.hasAttribute("data-check-all");
  group.querySelectorAll("input[type=checkbox]").forEach((box) => { box.checked = checked; });
  updateCheckCount(group);
});

document.addEventListener("change", (event) => {
  const group = event.target.closest("[data-check-group]");
  if (group) updateCheckCount(group);
});

// Forms that do something hard to undo ask first (the server does not depend on it).
document.addEventListener("submit", (event) => {
  const message = event.target.getAttribute("data-confirm");
  if (message && !window.confirm(message)) event.preventDefault();
});
