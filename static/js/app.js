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
