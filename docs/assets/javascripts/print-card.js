/*
 * The conversation card's print button (overrides/training/card.html): shown only when
 * this script runs, since without it the button could do nothing. The print rules in
 * training.css put the card alone on one A5 sheet.
 */
(function () {
  "use strict";
  document.querySelectorAll("[data-ag-print-card]").forEach(function (button) {
    button.addEventListener("click", function () {
      window.print();
    });
    button.hidden = false;
  });
})();
