/*
 * The print button on the start page and guide pages (overrides/partials/actions.html).
 * It is rendered hidden, so that a reader without JavaScript never meets a button that
 * does nothing; here it is shown and prints the page (print.css decides what is printed).
 */
(function () {
  var button = document.querySelector("[data-ag-print]");
  if (!button || typeof window.print !== "function") return;
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
})();
