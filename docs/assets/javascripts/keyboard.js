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
 * Escape in the open search closes it and puts the focus back on the search box (wide
 * screens) or the search button (phones), not on <body>.
 *
 * Also: Material's palette radio inputs (input.md-option) are tab stops with no visible
 * box: they are taken out of the tab order, and the light/dark toggle's visible icon is
 * the button instead.
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
      if (event.key === "Enter") {
        // Material's handler opens the search and focuses its box on this keydown; the
        // keypress that follows would then reach the empty box and submit its form, and
        // the browser showed "Please fill out this field" (in its own language). Cancelling
        // the key's default stops that keypress; Material's handler still runs.
        event.preventDefault();
        return;
      }
      if (event.key !== " ") return;
      event.preventDefault(); // Space would scroll the page
      label.click(); // the label toggles its checkbox, and Material sees the change
    });
    toggle.addEventListener("change", sync);
    sync();
    return sync;
  }

  // Links behind an open sub-menu panel are hidden (search-and-keyboard.css).
  function visible(element) {
    if (element.checkVisibility) return element.checkVisibility({ visibilityProperty: true });
    return element.offsetParent !== null && getComputedStyle(element).visibility !== "hidden";
  }

  var menuButton = document.querySelector(".md-header label[for=__drawer]");
  var syncMenu = asButton(menuButton, drawer, script && script.getAttribute("data-label-menu"));
  var searchButton = document.querySelector(".md-header label[for=__search]");
  asButton(searchButton, search, searchBox && searchBox.getAttribute("aria-label"));

  // A section with a page of its own shows its title as a link and the label beside it as
  // an arrow only: the button that opens the section is named after the section.
  function sectionName(label) {
    var container = label.closest(".md-nav__container");
    var link = container && container.querySelector("a");
    return link ? link.textContent.replace(/\s+/g, " ").trim() : "";
  }

  // Inside the drawer, the labels that open a section's panel, the page's contents, or go
  // back a level are buttons too (in the wide layout they are hidden or plain links).
  var panelLabels = document.querySelectorAll(".md-nav--primary label[for]");
  for (var p = 0; p < panelLabels.length; p++) {
    var target = document.getElementById(panelLabels[p].getAttribute("for"));
    if (target && target.classList.contains("md-nav__toggle")) {
      asButton(panelLabels[p], target, panelLabels[p].getAttribute("aria-label") || panelLabels[p].textContent.trim() || sectionName(panelLabels[p]));
    }
  }

  // Opened from the keyboard: the focus moves into the menu, whose links come after the
  // header's other controls in the page (the drawer is part of the main area). Only from
  // the keyboard: a tap or a click also focuses the button (it is a tab stop), and the
  // link focused after it showed Material's focus colour, the blue of the current page's
  // link, with no ring (focus that follows a pointer shows none): "you are here", wrongly.
  if (drawer && menuButton) {
    var openedFromKeyboard = false;
    // Capture: before the Space handler above (asButton) clicks the label, and before
    // Material's Enter handler further up; either click changes the checkbox at once.
    menuButton.addEventListener("keydown", function (event) {
      openedFromKeyboard = event.key === "Enter" || event.key === " ";
    }, true);
    menuButton.addEventListener("pointerdown", function () { openedFromKeyboard = false; });
    drawer.addEventListener("change", function () {
      var fromKeyboard = openedFromKeyboard;
      openedFromKeyboard = false;
      if (!drawer.checked || !fromKeyboard || document.activeElement !== menuButton) return;
      var links = document.querySelectorAll(".md-sidebar--primary a[href]");
      for (var i = 0; i < links.length; i++) {
        if (visible(links[i])) { links[i].focus(); break; }
      }
    });
  }

  // The phone layout's search opens over the whole screen, hiding its own button: the
  // focus moves to the search box, so that the reader can type at once.
  if (search && searchBox) {
    search.addEventListener("change", function () {
      if (search.checked && document.activeElement !== searchBox) searchBox.focus();
    });
  }

  // Escape in the open search: Material closes it and takes the focus out of the search box,
  // leaving it on <body>, so that the next Tab starts again at the top of the page. The
  // focus goes back to where the search was opened from: the search box on wide screens,
  // the search button on phones (where the box folds away). Material's own key handler is
  // on the window and was registered first (its bundle runs before this deferred file):
  // the capture listener sees the search still open, the other runs after Material's.
  // Material opens the search whenever the box gains the focus (a click on its toggle, 1 ms
  // later): that one click is refused, so the search stays closed; typing opens it again.
  if (search && searchBox) {
    var returnFocusTo = null;
    var keepSearchClosed = false;
    window.addEventListener("keydown", function (event) {
      returnFocusTo = null;
      keepSearchClosed = false;
      if (event.key !== "Escape" || !search.checked) return;
      returnFocusTo = searchButton && visible(searchButton) ? searchButton : searchBox;
    }, true);
    window.addEventListener("keydown", function (event) {
      var target = returnFocusTo;
      returnFocusTo = null;
      if (event.key !== "Escape" || !target || search.checked) return;
      var focused = document.activeElement;
      if (!focused || focused === document.body || (focused.closest(".md-search") && !visible(focused))) {
        keepSearchClosed = target === searchBox;
        target.focus();
      }
    });
    search.addEventListener("click", function (event) {
      if (!keepSearchClosed || !search.checked) return;
      keepSearchClosed = false;
      event.preventDefault(); // the box was focused again to close the search, not to open it
    });
    // Typing or a click in the box, where the focus already is, opens it again.
    function reopenSearch() {
      keepSearchClosed = false;
      if (!search.checked) search.click(); // as Material opens it: a click on its toggle
    }
    searchBox.addEventListener("input", reopenSearch);
    searchBox.addEventListener("click", reopenSearch);
  }

  // Material also closes the drawer itself (a link followed, the overlay clicked).
  if (drawer && syncMenu) {
    new MutationObserver(syncMenu).observe(drawer, { attributes: true });
    window.addEventListener("hashchange", syncMenu);
    document.addEventListener("click", function () { window.setTimeout(syncMenu, 0); }, true);
  }

  function closeDrawer() {
    drawer.checked = false;
    drawer.dispatchEvent(new Event("change"));
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !drawer || !drawer.checked) return;
    closeDrawer();
    if (menuButton) menuButton.focus();
  });

  // Tabbing on past the menu's last link closes it: the page behind it is under the
  // drawer's shade, where the focus could not be seen.
  var sidebar = document.querySelector(".md-sidebar--primary");
  document.addEventListener("focusin", function (event) {
    if (!drawer || !drawer.checked || !sidebar) return;
    if (sidebar.contains(event.target) || event.target === menuButton) return;
    closeDrawer();
  });

  var options = document.querySelectorAll("input.md-option[aria-hidden=true]");
  for (var i = 0; i < options.length; i++) options[i].setAttribute("tabindex", "-1");

  // The light/dark toggle: Material makes its radio inputs the tab stops, 0×0 and hidden
  // behind the icon. The visible icon (a label) becomes the button instead: Enter works
  // through Material's own handler (it clicks a focused label), Space through ours. After a
  // switch the pressed icon is hidden, so the focus moves to the icon shown now.
  var palette = document.querySelector("form[data-md-component=palette]");
  if (palette) {
    var inputs = palette.querySelectorAll("input.md-option");
    var toggles = palette.querySelectorAll("label[for]");
    var fromToggle = false;
    for (var t = 0; t < inputs.length; t++) {
      inputs[t].setAttribute("tabindex", "-1");
      inputs[t].addEventListener("change", function () {
        if (!fromToggle) return;
        fromToggle = false;
        requestAnimationFrame(function () {
          var shown = palette.querySelector("label[for]:not([hidden])");
          if (shown) shown.focus();
        });
      });
    }
    for (var u = 0; u < toggles.length; u++) {
      var toggle = toggles[u];
      toggle.setAttribute("role", "button");
      toggle.setAttribute("tabindex", "0");
      if (toggle.title) toggle.setAttribute("aria-label", toggle.title);
      toggle.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" && event.key !== " ") return;
        fromToggle = true;
        if (event.key === " ") {
          event.preventDefault(); // no scrolling; the label toggles its input
          event.currentTarget.click();
        }
      });
    }
  }
})();
