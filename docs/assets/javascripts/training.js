/*
 * Training paths in the browser: knowledge checks, progress, save/load/reset, certificate.
 *
 * Loaded by overrides/training/page.html on the training pages only. Its settings are the
 * JSON block #ag-training-config written by hooks/training_paths.py. Every page works
 * without this script: the parts that need it are `hidden` until it shows them.
 *
 * Privacy: progress is kept in ONE localStorage key (settings.storageKey) as versioned JSON,
 *   {"app": "anhorigguiden-training", "version": 1, "name": "",
 *    "paths": {"<path id>": {"done": {"<module id>": "YYYY-MM-DD"}}}}
 * and in a file only when the reader saves one. Nothing is ever sent anywhere: this script
 * makes no network request.
 *
 * Certificate check code: SHA-256 of "<path id>|<module ids, comma-separated, in order>|
 * <YYYY-MM-DD>", where the date is the day the last module was marked done; the first 8
 * hex digits, in capitals, grouped XXXX-XXXX. tests/test_training_browser.py recomputes it
 * in Python.
 */
(function () {
  "use strict";

  var APP = "anhorigguiden-training";
  var VERSION = 1;
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var MAX_FILE_BYTES = 200000;
  var MAX_NAME = 200;

  var settingsNode = document.getElementById("ag-training-config");
  if (!settingsNode) {
    return;
  }
  var settings = JSON.parse(settingsNode.textContent);
  var strings = settings.strings;
  var storageWorks = true;
  var state = load();

  // Text with {placeholders}.
  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function today() {
    var now = new Date();
    return [now.getFullYear(), String(now.getMonth() + 1).padStart(2, "0"), String(now.getDate()).padStart(2, "0")].join("-");
  }

  function isDate(value) {
    if (typeof value !== "string" || !DATE.test(value)) {
      return false;
    }
    var parsed = new Date(value + "T00:00:00Z");
    return !isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
  }

  function emptyState() {
    return { app: APP, version: VERSION, name: "", paths: {} };
  }

  // A stored or loaded value made safe, or null if it is not our format.
  function validated(data) {
    if (!data || typeof data !== "object" || Array.isArray(data)) {
      return null;
    }
    if (data.app !== APP || data.version !== VERSION) {
      return null;
    }
    if (data.name !== undefined && (typeof data.name !== "string" || data.name.length > MAX_NAME)) {
      return null;
    }
    if (!data.paths || typeof data.paths !== "object" || Array.isArray(data.paths)) {
      return null;
    }
    var result = emptyState();
    result.name = data.name || "";
    var pathIds = Object.keys(data.paths);
    for (var i = 0; i < pathIds.length; i += 1) {
      var pathId = pathIds[i];
      var entry = data.paths[pathId];
      if (!ID.test(pathId) || !entry || typeof entry !== "object" || !entry.done || typeof entry.done !== "object" || Array.isArray(entry.done)) {
        return null;
      }
      var done = {};
      var moduleIds = Object.keys(entry.done);
      for (var j = 0; j < moduleIds.length; j += 1) {
        if (!ID.test(moduleIds[j]) || !isDate(entry.done[moduleIds[j]])) {
          return null;
        }
        done[moduleIds[j]] = entry.done[moduleIds[j]];
      }
      result.paths[pathId] = { done: done };
    }
    return result;
  }

  function load() {
    var raw = null;
    try {
      raw = window.localStorage.getItem(settings.storageKey);
    } catch (error) {
      storageWorks = false;
    }
    if (!raw) {
      return emptyState();
    }
    try {
      return validated(JSON.parse(raw)) || emptyState();
    } catch (error) {
      return emptyState();
    }
  }

  function save() {
    try {
      window.localStorage.setItem(settings.storageKey, JSON.stringify(state));
      storageWorks = true;
    } catch (error) {
      storageWorks = false;
    }
    return storageWorks;
  }

  function pathById(id) {
    return settings.paths.filter(function (path) {
      return path.id === id;
    })[0];
  }

  function doneDates(path) {
    var entry = state.paths[path.id];
    return path.modules
      .map(function (moduleId) {
        return entry && entry.done[moduleId];
      })
      .filter(Boolean);
  }

  function progressText(path) {
    return format(strings.progress, { done: doneDates(path).length, total: path.modules.length });
  }

  // The day the path was completed (its last module marked done), or null.
  function completionDate(path) {
    var dates = doneDates(path);
    return dates.length === path.modules.length ? dates.sort()[dates.length - 1] : null;
  }

  function show(element) {
    if (element) {
      element.hidden = false;
    }
  }

  // Put a message in a live region; emptied first, so that a repeated message is announced
  // again. Only the latest message of a region is shown, however quickly they follow.
  var latest = new WeakMap();
  function announce(region, build, kind) {
    if (!region) {
      return;
    }
    var token = {};
    latest.set(region, token);
    region.textContent = "";
    region.classList.remove("ag-training-feedback--right", "ag-training-feedback--wrong");
    window.setTimeout(function () {
      if (latest.get(region) !== token) {
        return;
      }
      if (kind) {
        region.classList.add("ag-training-feedback--" + kind);
      }
      if (typeof build === "string") {
        var paragraph = document.createElement("p");
        paragraph.textContent = build;
        region.appendChild(paragraph);
      } else {
        build(region);
      }
    }, 50);
  }

  function storageProblem(region) {
    if (!storageWorks) {
      announce(region, strings.no_storage);
    }
  }

  // The landing page: each path's progress.
  function showLanding() {
    settings.paths.forEach(function (path) {
      var text = document.querySelector('[data-ag-progress-text="' + path.id + '"]');
      if (text) {
        text.textContent = progressText(path);
        show(text);
      }
    });
  }

  // A path's overview: the bar, the words, a badge per done module, and the tools.
  function showOverview() {
    var path = pathById(settings.path);
    var box = document.querySelector("[data-ag-progress]");
    if (box) {
      var bar = box.querySelector("progress");
      bar.max = path.modules.length;
      bar.value = doneDates(path).length;
      bar.textContent = progressText(path);
      box.querySelector("[data-ag-progress-text]").textContent = progressText(path);
      show(box);
    }
    var entry = state.paths[path.id];
    document.querySelectorAll("[data-ag-done]").forEach(function (badge) {
      badge.hidden = !(entry && entry.done[badge.getAttribute("data-ag-done")]);
    });
  }

  function setUpTools() {
    var tools = document.querySelector("[data-ag-tools]");
    if (!tools) {
      return;
    }
    var status = tools.querySelector("[data-ag-tools-status]");
    var path = pathById(settings.path);

    tools.querySelector("[data-ag-export]").addEventListener("click", function () {
      var file = "anhorigguiden-utbildning-" + today() + ".json";
      var data = { app: APP, version: VERSION, exported: new Date().toISOString(), name: state.name, paths: state.paths };
      var url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
      var link = document.createElement("a");
      link.href = url;
      link.download = file;
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(function () {
        URL.revokeObjectURL(url);
      }, 10000);
      announce(status, format(strings.exported, { file: file }));
    });

    var input = tools.querySelector("[data-ag-import]");
    var importRun = 0; // only the latest chosen file counts, however long an earlier one takes
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      var run = (importRun += 1);
      if (!file) {
        return;
      }
      var reject = function () {
        if (run === importRun) {
          announce(status, strings.import_bad, "wrong");
        }
      };
      if (file.size > MAX_FILE_BYTES) {
        input.value = "";
        reject();
        return;
      }
      file.text().then(function (text) {
        if (run !== importRun) {
          return;
        }
        var loaded = null;
        try {
          loaded = validated(JSON.parse(text));
        } catch (error) {
          loaded = null;
        }
        input.value = "";
        if (!loaded) {
          reject();
          return;
        }
        state = loaded;
        save();
        refresh();
        announce(status, storageWorks ? strings.imported : strings.no_storage, storageWorks ? "right" : "wrong");
      }, reject);
    });

    var dialog = tools.querySelector("[data-ag-reset-dialog]");
    var resetButton = tools.querySelector("[data-ag-reset]");
    var reset = function () {
      delete state.paths[path.id];
      save();
      refresh();
      announce(status, storageWorks ? strings.reset_done : strings.no_storage);
    };
    resetButton.addEventListener("click", function () {
      if (dialog && typeof dialog.showModal === "function") {
        dialog.returnValue = "";
        dialog.showModal();
      } else if (window.confirm(document.getElementById("ag-reset-text").textContent)) {
        reset();
      }
    });
    if (dialog) {
      dialog.addEventListener("close", function () {
        if (dialog.returnValue === "confirm") {
          reset();
        }
        resetButton.focus();
      });
    }
    show(tools);
  }

  // A module: the knowledge check and the "done" checkbox.
  function setUpModule() {
    var path = pathById(settings.path);
    document.querySelectorAll("[data-ag-question]").forEach(function (form) {
      var button = form.querySelector("[data-ag-answer]");
      var feedback = form.querySelector("[data-ag-feedback]");
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
        if (!inputs.some(function (input) { return input.checked; })) {
          announce(feedback, strings.choose);
          return;
        }
        var right = inputs.every(function (input) {
          return input.checked === input.hasAttribute("data-ag-correct");
        });
        if (!right) {
          announce(feedback, strings.wrong, "wrong");
          return;
        }
        announce(feedback, function (region) {
          var why = form.querySelector("[data-ag-why]").cloneNode(true);
          var source = form.querySelector("[data-ag-source]").cloneNode(true);
          why.removeAttribute("data-ag-why");
          source.removeAttribute("data-ag-source");
          var verdict = document.createElement("strong");
          verdict.textContent = strings.right + " ";
          why.insertBefore(verdict, why.firstChild);
          region.appendChild(why);
          region.appendChild(source);
        }, "right");
      });
      show(button);
    });

    var section = document.querySelector("[data-ag-done-section]");
    if (!section) {
      return;
    }
    var checkbox = section.querySelector("[data-ag-module-done]");
    var status = section.querySelector("[data-ag-done-status]");
    var entry = state.paths[path.id];
    checkbox.checked = Boolean(entry && entry.done[settings.module]);
    checkbox.addEventListener("change", function () {
      state = load(); // another tab may have changed the progress meanwhile
      var current = state.paths[path.id] || (state.paths[path.id] = { done: {} });
      if (checkbox.checked) {
        current.done[settings.module] = today();
      } else {
        delete current.done[settings.module];
      }
      save();
      if (!storageWorks) {
        storageProblem(status);
        return;
      }
      var message = checkbox.checked ? strings.saved_done : strings.saved_not_done;
      announce(status, format(message, { progress: progressText(path) }));
    });
    show(section);
    storageProblem(status);
  }

  // The certificate: name, date and check code, from this browser's progress only.
  function setUpCertificate() {
    var path = pathById(settings.path);
    var noScript = document.querySelector("[data-ag-certificate-nojs]");
    var waiting = document.querySelector("[data-ag-certificate-incomplete]");
    var ready = document.querySelector("[data-ag-certificate-ready]");
    if (noScript) {
      noScript.hidden = true;
    }
    var date = completionDate(path);
    if (!date) {
      waiting.querySelector("[data-ag-certificate-incomplete-text]").textContent = format(strings.certificate_incomplete, {
        done: doneDates(path).length,
        total: path.modules.length,
      });
      show(waiting);
      return;
    }
    var nameInput = ready.querySelector("[data-ag-name]");
    var nameShown = ready.querySelector("[data-ag-certificate-name]");
    nameInput.value = state.name;
    nameShown.textContent = state.name;
    nameInput.addEventListener("input", function () {
      state = load();
      state.name = nameInput.value.slice(0, MAX_NAME);
      nameShown.textContent = state.name;
      save();
    });
    var time = document.createElement("time");
    time.textContent = date;
    time.setAttribute("datetime", date);
    ready.querySelector("[data-ag-certificate-date]").replaceChildren(time);
    ready.querySelector("[data-ag-print]").addEventListener("click", function () {
      window.print();
    });
    checkCode(path, date).then(function (code) {
      ready.querySelector("[data-ag-certificate-code]").textContent = code;
      show(ready);
    });
  }

  function checkCode(path, date) {
    var text = [path.id, path.modules.join(","), date].join("|");
    return sha256Hex(text).then(function (hex) {
      var code = hex.slice(0, 8).toUpperCase();
      return code.slice(0, 4) + "-" + code.slice(4);
    });
  }

  function sha256Hex(text) {
    var bytes = new TextEncoder().encode(text);
    if (window.crypto && window.crypto.subtle && typeof window.crypto.subtle.digest === "function") {
      return window.crypto.subtle.digest("SHA-256", bytes).then(function (buffer) {
        return Array.prototype.map
          .call(new Uint8Array(buffer), function (byte) {
            return byte.toString(16).padStart(2, "0");
          })
          .join("");
      });
    }
    // crypto.subtle exists only in secure contexts (https, localhost): a copy served over
    // plain http falls back to this implementation of FIPS 180-4.
    return Promise.resolve(sha256Fallback(bytes));
  }

  var K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
  ];

  function rotate(x, n) {
    return (x >>> n) | (x << (32 - n));
  }

  function sha256Fallback(bytes) {
    var hash = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var padded = Math.ceil((bytes.length + 9) / 64) * 64;
    var data = new Uint8Array(padded);
    data.set(bytes);
    data[bytes.length] = 0x80;
    var view = new DataView(data.buffer);
    var bits = bytes.length * 8;
    view.setUint32(padded - 8, Math.floor(bits / 0x100000000));
    view.setUint32(padded - 4, bits >>> 0);
    var w = new Array(64);
    for (var offset = 0; offset < padded; offset += 64) {
      var i;
      for (i = 0; i < 16; i += 1) {
        w[i] = view.getUint32(offset + i * 4);
      }
      for (i = 16; i < 64; i += 1) {
        var s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >>> 3);
        var s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
      }
      var a = hash[0], b = hash[1], c = hash[2], d = hash[3], e = hash[4], f = hash[5], g = hash[6], h = hash[7];
      for (i = 0; i < 64; i += 1) {
        var t1 = (h + (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0;
        var t2 = ((rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
        h = g;
        g = f;
        f = e;
        e = (d + t1) >>> 0;
        d = c;
        c = b;
        b = a;
        a = (t1 + t2) >>> 0;
      }
      hash = [a, b, c, d, e, f, g, h].map(function (value, index) {
        return (hash[index] + value) >>> 0;
      });
    }
    return hash
      .map(function (value) {
        return value.toString(16).padStart(8, "0");
      })
      .join("");
  }

  function refresh() {
    if (settings.kind === "landing") {
      showLanding();
    } else if (settings.kind === "path") {
      showOverview();
    }
  }

  if (settings.kind === "landing") {
    showLanding();
  } else if (settings.kind === "path") {
    showOverview();
    setUpTools();
  } else if (settings.kind === "module") {
    setUpModule();
  } else if (settings.kind === "certificate") {
    setUpCertificate();
  }
})();
