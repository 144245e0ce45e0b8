/*
 * Glossary terms (hooks/glossary_terms.py) explained in place.
 *
 * Each term is rendered as a link to its Ordlista entry with the definition as its title,
 * which works without JavaScript. Here each becomes a button that opens the definition
 * right below its line, with the link to the entry inside: on a phone or with a keyboard,
 * the reader learns the word without leaving the page. Escape closes an open definition
 * and returns to its term; so it also dismisses Material's hover tooltips (WCAG 1.4.13).
 */
(function () {
  var terms = document.querySelectorAll("article a.ag-term[title][data-ag-more]");
  for (var i = 0; i < terms.length; i++) toButton(terms[i], i);

  function toButton(link, index) {
    var wrap = document.createElement("span");
    wrap.className = "ag-term-wrap";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "ag-term";
    button.textContent = link.textContent;
    button.setAttribute("aria-expanded", "false");
    var box = document.createElement("span");
    box.className = "ag-term__definition";
    box.id = "ag-term-definition-" + index;
    box.hidden = true;
    button.setAttribute("aria-controls", box.id);
    var text = document.createElement("span");
    text.textContent = link.getAttribute("title") + " ";
    var more = document.createElement("a");
    more.href = link.getAttribute("href");
    more.textContent = link.getAttribute("data-ag-more");
    box.appendChild(text);
    box.appendChild(more);
    wrap.appendChild(button);
    wrap.appendChild(box);
    link.parentNode.replaceChild(wrap, link);
    button.addEventListener("click", function () {
      setOpen(button, box, box.hidden);
    });
  }

  function setOpen(button, box, open) {
    box.hidden = !open;
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".md-tooltip2--active").forEach(function (tooltip) {
      tooltip.classList.remove("md-tooltip2--active");
    });
    var inside = document.activeElement && document.activeElement.closest(".ag-term-wrap");
    var open = inside ? [inside] : document.querySelectorAll(".ag-term-wrap");
    for (var i = 0; i < open.length; i++) {
      var button = open[i].querySelector("button.ag-term");
      var box = open[i].querySelector(".ag-term__definition");
      if (box && !box.hidden) {
        setOpen(button, box, false);
        if (inside) button.focus();
      }
    }
  });
})();
