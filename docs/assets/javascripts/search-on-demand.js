/*
 * Search on demand, and search on any input. Loaded before Material's bundle
 * (overrides/main.html), because it changes what the bundle finds at start-up.
 *
 * 1. Material 9.8 starts its search worker and requests the search index on every page
 *    view (over http; from disk it already waits for the search to be opened). Most
 *    readers never search, so this waits until the reader first focuses, clicks or opens
 *    the search: until then the worker is a stand-in that keeps Material's messages and
 *    listeners, and the index request is held back. Then both start, and the results are
 *    the same (the first search waits a moment for the index). From disk (file://) the
 *    worker is the iframe-worker shim, loaded before this file: it is wrapped the same way.
 *    Tested in tests/test_search_and_keyboard.py (no index or worker request before first use).
 *
 * 2. Material reads the search box on `keyup` only, so text that arrives without key
 *    presses (dictation, paste, autocomplete, an input method's composition) started no
 *    search. Every `input` event (outside a composition) and every `compositionend` is
 *    passed on as a `keyup`; Material ignores a value it has already searched for.
 */
(function () {
  "use strict";

  var QUERY = "[data-md-component=search-query]";
  var INDEX = /(^|\/)search\/search_index\.json(\?|#|$)/;
  var started = false;
  var waiting = []; // what to do once the reader reaches for the search

  function start() {
    if (started) return;
    started = true;
    var run = waiting;
    waiting = [];
    run.forEach(function (task) { task(); });
  }

  function whenStarted(task) {
    if (started) task(); else waiting.push(task);
  }

  // The worker: a stand-in until the search is started.
  var RealWorker = window.Worker;
  if (RealWorker) {
    window.Worker = function OnDemandWorker(url, options) {
      var real = null;
      var queue = [];
      var listeners = [];
      whenStarted(function () {
        real = new RealWorker(url, options);
        listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
        queue.forEach(function (message) { real.postMessage(message); });
        queue = listeners = null;
      });
      this.postMessage = function (message) {
        if (real) real.postMessage(message); else queue.push(message);
      };
      this.addEventListener = function (type, listener, opts) {
        if (real) real.addEventListener(type, listener, opts); else listeners.push([type, listener, opts]);
      };
      this.removeEventListener = function (type, listener, opts) {
        if (real) { real.removeEventListener(type, listener, opts); return; }
        listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== listener; });
      };
      this.terminate = function () {
        if (real) real.terminate(); else queue = [];
      };
    };
  }

  // The index: Material requests it with XMLHttpRequest; the request is sent once started.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.agSearchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.agSearchIndex || started) return send.apply(request, args);
    whenStarted(function () { send.apply(request, args); });
  };

  // What starts the search: the box focused or clicked, the search opened (phone layout),
  // or a keyboard shortcut, which focuses the box.
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches(QUERY)) start();
  }, true);
  document.addEventListener("pointerdown", function (event) {
    if (event.target.closest && event.target.closest("label[for=__search], " + QUERY)) start();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) start();
  }, true);

  // Input without key presses.
  function forward(event) {
    var box = event.target;
    if (!box.matches || !box.matches(QUERY)) return;
    if (event.type === "input" && event.isComposing) return; // wait for compositionend
    start();
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
  document.addEventListener("input", forward, true);
  document.addEventListener("compositionend", forward, true);

  // The box may already have focus (autofocus, or a reload that kept it).
  if (document.activeElement && document.activeElement.matches && document.activeElement.matches(QUERY)) start();
})();
