// newsdex serve: conveniences only; every page works without this file.
"use strict";

document.addEventListener("keydown", (event) => {
  // "/" focuses the search box, as on most search sites; Escape leaves it.
  const box = document.getElementById("q");
  if (!box) return;
  const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
  if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    box.focus();
    box.select();
  } else if (event.key === "Escape" && event.target === box) {
    box.blur();
  }
});

// A facet's filter box hides the listed values that do not match as you type; Enter asks the
// server for every matching value (the form works without this).
const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
for (const form of document.querySelectorAll("form.facet-filter")) {
  const input = form.querySelector("input[type=search]");
  const list = form.parentElement.querySelector("ul");
  if (!input || !list) continue;
  input.addEventListener("input", () => {
    const wanted = fold(input.value.trim());
    for (const item of list.children) {
      const value = item.querySelector("a.value");
      item.hidden = wanted !== "" && value !== null && !fold(value.textContent).includes(wanted);
    }
  });
}
