/*
 * Saving the reader's own data, shared by the private tools (tools.js) and the training
 * pages (training.js): "Save as a file", a JSON file written by the browser itself (a Blob
 * behind a download link; no request leaves the browser), named with today's date; and
 * the one key each of them keeps in this browser's localStorage.
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

  // What is kept in this browser under `key`: { raw: its text or null, works: false when
  // the browser refuses storage (a private window, storage blocked) }.
  function readStored(key) {
    try {
      return { raw: window.localStorage.getItem(key), works: true };
    } catch (error) {
      return { raw: null, works: false };
    }
  }

  // Keeps `data` as JSON in this browser under `key`; false when the browser refuses.
  function writeStored(key, data) {
    try {
      window.localStorage.setItem(key, JSON.stringify(data));
      return true;
    } catch (error) {
      return false;
    }
  }

  window.anhorigguidenSaveFile = { today: today, saveJson: saveJson, readStored: readStored, writeStored: writeStored };
})();
