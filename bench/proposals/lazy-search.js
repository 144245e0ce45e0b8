/* WIRED IN since the ux-b branch as docs/assets/javascripts/search-on-demand.js, which also
   holds back the index request (this proposal only deferred the worker) and passes on input
   without key presses. Kept as the record of the first measurement. Guide page, first load,
   after: 117.7 kB -> 79.6 kB (gzip, 19 -> 18 requests), tests/test_search_and_keyboard.py.

   PROPOSAL (as first written): start Material's search worker only
   when the reader first focuses or opens the search, not on every page load.

   Material 9.8.1's bundle creates the search worker at start-up and posts it the index; the
   worker then loads lunr's language files. That is 12.5 kB + 3.4 kB (gzip) of every first
   load, about a fifth of a page. This stand-in for `Worker` keeps the messages and the
   listeners until the reader searches, then starts the real worker and hands them over; the
   results are the same, the first search waits for the worker (a few hundred ms).

   Measured with `scripts/bench.py` on the tree committed as 6a39d61 (two small pages per
   language): guide page first load 82 857 -> 67 955 bytes, 0.94 -> 0.77 of stock Material;
   search found the same results. On the larger tree of 22 November (per-language indexes
   of 28 kB gzip against stock's merged 50 kB) ours is already at 0.77 without it; this
   would take about 16 kB more off every first load.

   To wire it in: copy to docs/assets/javascripts/lazy-search.js and load it before
   Material's bundle, in overrides/main.html:

     {% block scripts %}
       <script src="{{ 'assets/javascripts/lazy-search.js' | url }}"></script>
       {{ super() }}
     {% endblock %}
*/
(function () {
  "use strict";
  var RealWorker = window.Worker;
  if (!RealWorker) return;

  function LazyWorker(url, options) {
    var real = null;
    var queue = [];
    var listeners = [];

    function start() {
      if (real) return;
      real = new RealWorker(url, options);
      listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
      queue.forEach(function (message) { real.postMessage(message); });
      queue = listeners = null;
    }

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
    this.terminate = function () { if (real) real.terminate(); };

    function watch() {
      var input = document.querySelector("[data-md-component=search-query]");
      var toggle = document.getElementById("__search");
      if (input) {
        input.addEventListener("focus", start, { once: true });
        input.addEventListener("input", start, { once: true });
        if (document.activeElement === input) start();
      }
      if (toggle) toggle.addEventListener("change", start, { once: true });
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
    else watch();
  }

  window.Worker = LazyWorker;
})();
