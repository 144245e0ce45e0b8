/*
 * "Save as a file", shared by the private tools (tools.js) and the training pages
 * (training.js): the reader's own data written as a JSON file by the browser itself (a
 * Blob behind a download link; no request leaves the browser), named with today's date.
 *
 * Loaded as a file of its own (a Content-Security-Policy without 'unsafe-inline'), just
 * before the script that uses it, by overrides/tools/page.html and
 * overrides/training/page.html; deferred scripts run in the order they are written.
 */
(function () {
  "use strict";

  // Today in the reader's time zone, as YYYY-MM-DD (also the dates training.js stores).
  function today() {
    var now = new Date();
    return [now.getFullYear(), String(now.getMonth() + 1).padStart(2, "0"), String(now.getDate()).padStart(2, "0")].join("-");
  }

  // Offers `data` as "<prefix>-<today>.json" and returns that file name.
  function saveJson(prefix, data) {
    var file = prefix + "-" + today() + ".json";
    var url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = file;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Not at once: a browser may still be reading the file after click() has returned.
    window.setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 10000);
    return file;
  }

  window.anhorigguidenSaveFile = { today: today, saveJson: saveJson };
})();
