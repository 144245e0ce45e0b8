/*
 * The header's menu and search buttons for keyboard users. In Material 9.8 they are
 * <label>s for hidden checkboxes (#__drawer, #__search): a mouse or finger opens the menu,
 * the Tab key never reaches it. Here each visible label becomes a button: a tab stop with
 * a name (data-label-menu, from data/ui.yml, on this script's tag), that opens and closes
 * with Enter (Material's handler) or Space (ours) and says whether it is open. Escape closes the open menu and puts
 * the focus back on its button. Where a label is not displayed (wide screens) it is no
 * tab stop anyway. search-and-keyboard.css keeps the closed drawer's links out of the
 * tab order.
 *
 * Also: Material's palette radio input (input.md-option) is a tab stop with no visible
 * control when the site has one colour scheme (aria-hidden, no toggle label): it is taken
 * out of the tab order.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var drawer = document.getElementById("__drawer");
  var search = document.getElementById("__search");
  var searchBox = document.querySelector("[data-md-component=search-query]");

  function asButton(label, toggle, name) {
    if (!label || !toggle) return null;
    label.setAttribute("role", "button");
    label.setAttribute("tabindex", "0");
    if (name) label.setAttribute("aria-label", name);
    function sync() { label.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
    // Enter: Material's own keyboard handler already clicks a focused label (bundle,
    // "case Enter"); clicking here too would toggle twice. Space is ours.
    label.addEventListener("keydown", function (event) {
      if (event.key !== " ") return;
      event.preventDefault(); // Space would scroll the page
      label.click(); // the label toggles its checkbox, and Material sees the change
    });
    toggle.addEventListener("change", sync);
    sync();
    return sync;
  }

  var menuButton = document.querySelector(".md-header label[for=__drawer]");
  var syncMenu = asButton(menuButton, drawer, script && script.getAttribute("data-label-menu"));
  var searchButton = document.querySelector(".md-header label[for=__search]");
  asButton(searchButton, search, searchBox && searchBox.getAttribute("aria-label"));

  // Opened from the keyboard: the focus moves into the menu, whose links come after the
  // header's other controls in the page (the drawer is part of the main area).
  if (drawer && menuButton) {
    drawer.addEventListener("change", function () {
      if (!drawer.checked || document.activeElement !== menuButton) return;
      var first = document.querySelector(".md-sidebar--primary a[href]");
      if (first) first.focus();
    });
  }

  // The phone layout's search opens over the whole screen, hiding its own button: the
  // focus moves to the search box, so that the reader can type at once.
  if (search && searchBox) {
    search.addEventListener("change", function () {
      if (search.checked && document.activeElement !== searchBox) searchBox.focus();
    });
  }

  // Material also closes the drawer itself (a link followed, the overlay clicked).
  if (drawer && syncMenu) {
    new MutationObserver(syncMenu).observe(drawer, { attributes: true });
    window.addEventListener("hashchange", syncMenu);
    document.addEventListener("click", function () { window.setTimeout(syncMenu, 0); }, true);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !drawer || !drawer.checked) return;
    drawer.checked = false;
    drawer.dispatchEvent(new Event("change"));
    if (menuButton) menuButton.focus();
  });

  var options = document.querySelectorAll("input.md-option[aria-hidden=true]");
  for (var i = 0; i < options.length; i++) options[i].setAttribute("tabindex", "-1");
})();
