/*
 * Escape hides the tooltip that Material's `content.tooltips` shows on focus or hover
 * (glossary terms: hooks/glossary_terms.py). WCAG 1.4.13 asks that such content can be
 * dismissed without moving the pointer or the focus; Material's tooltips cannot be.
 * The tooltip comes back the next time the term is focused or pointed at.
 */
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") {
    return;
  }
  document.querySelectorAll(".md-tooltip2--active").forEach(function (tooltip) {
    tooltip.classList.remove("md-tooltip2--active");
  });
});
