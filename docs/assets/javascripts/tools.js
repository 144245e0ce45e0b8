/*
 * The private tools under /verktyg/ (an emergency plan, a prepared meeting): repeatable
 * rows, saving in this browser, a file to move it, deleting it, and the printed sheet.
 *
 * Loaded by overrides/tools/page.html on those pages only; its settings are the JSON block
 * #ag-tool-config. Without this script the form still prints blank, to fill in by hand.
 *
 * Privacy: what the reader writes is kept in ONE localStorage key per tool
 * (settings.storageKey), and only after the reader has chosen Save and read the warning
 * about shared computers. Its format is versioned:
 *   {"app": "anhorigguiden-<tool>", "version": 1,
 *    "fields": {"<name>": "text" | ["checked value", ...]},
 *    "rows": {"<group>": [{"<cell>": "text"}, ...]}}
 * A value saved by a NEWER version of this script is never overwritten. A file is written
 * only when the reader asks (a Blob, no request). This script makes no network request;
 * the form has no action and is never submitted, so nothing reaches the address bar.
 */
(function () {
  "use strict";

  var VERSION = 1;
  var MAX_TEXT = 5000;
  var MAX_ROWS = 30;
  var MAX_FILE_BYTES = 500000;
  var DEFAULT_ROWS = 3;
  var PHONE = /^\+?[\d\s\-()]+$/;

  var settingsNode = document.getElementById("ag-tool-config");
  var form = document.querySelector("[data-ag-form]");
  var saveFile = window.anhorigguidenSaveFile; // save-file.js, loaded just before this file
  if (!settingsNode || !form || !saveFile) {
    return;
  }
  var settings = JSON.parse(settingsNode.textContent);
  var strings = settings.strings;
  var APP = "anhorigguiden-" + settings.tool;
  var storage = document.querySelector("[data-ag-storage]");
  var status = storage.querySelector("[data-ag-status]");

  // What the stored value allows: "empty", "ours" (autosave on), "newer" (never write).
  var stored = "empty";
  var storageWorks = true;

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function say(text) {
    // Emptied first, so that the same message twice is announced twice.
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = text;
    }, 50);
  }

  // --- The form's shape: its fields and its groups of rows, read from the page ---------

  function namedFields() {
    return Array.prototype.filter.call(form.elements, function (element) {
      return element.name && !element.closest("[data-ag-row]");
    });
  }

  function fieldNames() {
    var names = {};
    namedFields().forEach(function (element) {
      names[element.name] = element.type === "checkbox" ? "checks" : "text";
    });
    return names;
  }

  function groups() {
    var result = {};
    form.querySelectorAll("[data-ag-rows]").forEach(function (list) {
      var template = form.querySelector('[data-ag-row-template="' + list.getAttribute("data-ag-rows") + '"]');
      result[list.getAttribute("data-ag-rows")] = {
        list: list,
        template: template,
        cells: Array.prototype.map.call(template.content.querySelectorAll("[data-ag-cell]"), function (input) {
          return input.getAttribute("data-ag-cell");
        }),
      };
    });
    return result;
  }

  var GROUPS = groups();
  var FIELDS = fieldNames();

  // --- Reading and writing the form --------------------------------------------------

  function read() {
    var data = { app: APP, version: VERSION, fields: {}, rows: {} };
    Object.keys(FIELDS).forEach(function (name) {
      var elements = namedFields().filter(function (element) {
        return element.name === name;
      });
      data.fields[name] = FIELDS[name] === "checks"
        ? elements.filter(function (box) { return box.checked; }).map(function (box) { return box.value; })
        : elements[0].value;
    });
    Object.keys(GROUPS).forEach(function (group) {
      data.rows[group] = Array.prototype.map.call(GROUPS[group].list.querySelectorAll("[data-ag-row]"), function (row) {
        var values = {};
        row.querySelectorAll("[data-ag-cell]").forEach(function (input) {
          values[input.getAttribute("data-ag-cell")] = input.value;
        });
        return values;
      });
    });
    return data;
  }

  function write(data) {
    namedFields().forEach(function (element) {
      var value = data.fields[element.name];
      if (element.type === "checkbox") {
        element.checked = Array.isArray(value) && value.indexOf(element.value) !== -1;
      } else {
        element.value = typeof value === "string" ? value : "";
      }
    });
    Object.keys(GROUPS).forEach(function (group) {
      var rows = data.rows[group] || [];
      var list = GROUPS[group].list;
      list.replaceChildren();
      var count = Math.max(rows.length, rows.length ? 1 : DEFAULT_ROWS);
      for (var i = 0; i < count; i += 1) {
        var row = newRow(group);
        list.appendChild(row);
        row.querySelectorAll("[data-ag-cell]").forEach(function (input) {
          input.value = (rows[i] && rows[i][input.getAttribute("data-ag-cell")]) || "";
        });
      }
      number(group);
    });
    form.querySelectorAll("input[type=tel]").forEach(checkPhone);
  }

  function isText(value) {
    return typeof value === "string" && value.length <= MAX_TEXT;
  }

  // A stored or loaded value made safe, "newer", or null if it is not this tool's format.
  // Stored or imported text: the validated data, "newer", or null for text that is not
  // JSON or not a saved tool.
  function parsedAndValidated(text) {
    try {
      return validated(JSON.parse(text));
    } catch (error) {
      return null;
    }
  }

  function validated(data) {
    if (!data || typeof data !== "object" || Array.isArray(data) || data.app !== APP) {
      return null;
    }
    if (typeof data.version === "number" && data.version > VERSION) {
      return "newer";
    }
    if (data.version !== VERSION || !data.fields || typeof data.fields !== "object" || !data.rows || typeof data.rows !== "object") {
      return null;
    }
    var result = { app: APP, version: VERSION, fields: {}, rows: {} };
    var names = Object.keys(data.fields);
    for (var i = 0; i < names.length; i += 1) {
      var value = data.fields[names[i]];
      var kind = FIELDS[names[i]];
      if (kind === "text" && isText(value)) {
        result.fields[names[i]] = value;
      } else if (kind === "checks" && Array.isArray(value) && value.every(isText)) {
        result.fields[names[i]] = value.slice();
      } else {
        return null;
      }
    }
    var groupNames = Object.keys(data.rows);
    for (var g = 0; g < groupNames.length; g += 1) {
      var group = GROUPS[groupNames[g]];
      var rows = data.rows[groupNames[g]];
      if (!group || !Array.isArray(rows) || rows.length > MAX_ROWS) {
        return null;
      }
      var clean = [];
      for (var r = 0; r < rows.length; r += 1) {
        if (!rows[r] || typeof rows[r] !== "object" || Array.isArray(rows[r])) {
          return null;
        }
        var row = {};
        var cells = Object.keys(rows[r]);
        for (var c = 0; c < cells.length; c += 1) {
          if (group.cells.indexOf(cells[c]) === -1 || !isText(rows[r][cells[c]])) {
            return null;
          }
          row[cells[c]] = rows[r][cells[c]];
        }
        clean.push(row);
      }
      result.rows[groupNames[g]] = clean;
    }
    return result;
  }

  // --- Repeatable rows -----------------------------------------------------------------

  function newRow(group) {
    var row = GROUPS[group].template.content.firstElementChild.cloneNode(true);
    row.querySelector("[data-ag-remove-row]").hidden = false;
    return row;
  }

  // Every row's legend, ids and remove button follow its position.
  function number(group) {
    var list = GROUPS[group].list;
    list.querySelectorAll("[data-ag-row]").forEach(function (row, index) {
      var n = index + 1;
      row.querySelector("[data-ag-row-legend]").textContent = format(list.getAttribute("data-ag-row-legend-text"), { number: n });
      var remove = row.querySelector("[data-ag-remove-row]");
      remove.textContent = format(list.getAttribute("data-ag-row-remove-text"), { number: n });
      remove.hidden = false;
      row.querySelectorAll("[data-ag-cell]").forEach(function (input) {
        var cell = input.getAttribute("data-ag-cell");
        var id = "ag-" + group + "-" + n + "-" + cell;
        input.id = id;
        row.querySelector('[data-ag-label="' + cell + '"]').htmlFor = id;
        var warning = row.querySelector('[data-ag-warning="' + cell + '"]');
        if (warning) {
          warning.id = id + "-warning";
          if (!warning.hidden) {
            input.setAttribute("aria-describedby", warning.id);
          }
        }
      });
    });
  }

  function setUpRows() {
    Object.keys(GROUPS).forEach(function (group) {
      var add = form.querySelector('[data-ag-add-row="' + group + '"]');
      add.hidden = false;
      add.addEventListener("click", function () {
        if (GROUPS[group].list.querySelectorAll("[data-ag-row]").length >= MAX_ROWS) {
          return;
        }
        var row = newRow(group);
        GROUPS[group].list.appendChild(row);
        number(group);
        row.querySelector("[data-ag-cell]").focus();
        changed();
      });
      GROUPS[group].list.addEventListener("click", function (event) {
        var remove = event.target.closest("[data-ag-remove-row]");
        if (!remove) {
          return;
        }
        var row = remove.closest("[data-ag-row]");
        var next = row.nextElementSibling || row.previousElementSibling;
        row.remove();
        number(group);
        // Focus stays in the group: the row that took its place, or the add button.
        (next ? next.querySelector("[data-ag-cell]") : add).focus();
        say(strings.row_removed);
        changed();
      });
      number(group);
    });
  }

  // --- Phone numbers -------------------------------------------------------------------

  function digits(phone) {
    return phone.replace(/[^\d+]/g, "");
  }

  function phoneIsValid(phone) {
    var count = phone.replace(/\D/g, "").length;
    return phone.trim() === "" || (PHONE.test(phone.trim()) && count >= 3 && count <= 15);
  }

  // A warning tied to the field (aria-describedby, aria-invalid); it does not block saving.
  function checkPhone(input) {
    var warning = input.parentNode.querySelector("[data-ag-warning]");
    var valid = phoneIsValid(input.value);
    warning.hidden = valid;
    warning.textContent = valid ? "" : strings.phone_invalid;
    if (valid) {
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
    } else {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", warning.id);
    }
  }

  // --- The printed sheet ---------------------------------------------------------------

  function telLink(phone) {
    var link = document.createElement("a");
    link.href = "tel:" + digits(phone);
    link.textContent = phone;
    link.dir = "ltr"; // a number reads left to right, also on an Arabic sheet
    return link;
  }

  // The reader's own words may be in another script than the page: each keeps its own direction.
  function fillCell(element, cell, value) {
    element.dir = "auto";
    if (cell === "phone" && value && phoneIsValid(value)) {
      element.appendChild(telLink(value));
    } else {
      element.textContent = value;
    }
  }

  function rowIsEmpty(row) {
    return Object.keys(row).every(function (cell) {
      return !row[cell].trim();
    });
  }

  function renderSheet() {
    var data = read();
    var sheet = document.querySelector("[data-ag-sheet]");
    sheet.querySelectorAll("[data-ag-out]").forEach(function (element) {
      element.textContent = (data.fields[element.getAttribute("data-ag-out")] || "").trim();
      element.dir = "auto";
    });
    sheet.querySelectorAll("[data-ag-out-rows]").forEach(function (element) {
      var cells = element.getAttribute("data-ag-cells").split(" ");
      var rows = data.rows[element.getAttribute("data-ag-out-rows")].filter(function (row) {
        return !rowIsEmpty(row);
      });
      var limit = Number(element.getAttribute("data-ag-limit")) || rows.length;
      element.replaceChildren();
      // On paper, blank rows are lines to write on.
      var shown = rows.length ? rows.slice(0, limit) : [{}, {}];
      shown.forEach(function (row) {
        var line = document.createElement(element.tagName === "TBODY" ? "tr" : "li");
        cells.forEach(function (cell) {
          var value = (row[cell] || "").trim();
          if (line.tagName === "TR") {
            var td = document.createElement("td");
            fillCell(td, cell, value);
            line.appendChild(td);
          } else if (value) {
            var part = document.createElement("span");
            part.className = "ag-card__" + cell;
            fillCell(part, cell, value);
            line.appendChild(part);
          }
        });
        element.appendChild(line);
      });
    });
    sheet.querySelectorAll("[data-ag-out-checked]").forEach(function (element) {
      element.replaceChildren();
      form.querySelectorAll('input[name="' + element.getAttribute("data-ag-out-checked") + '"]:checked').forEach(function (box) {
        var item = document.createElement("li");
        item.textContent = form.querySelector('label[for="' + box.id + '"]').textContent;
        element.appendChild(item);
      });
    });
    sheet.querySelectorAll("[data-ag-out-total]").forEach(function (element) {
      var where = element.getAttribute("data-ag-out-total").split(".");
      var total = 0;
      data.rows[where[0]].forEach(function (row) {
        var hours = parseFloat(String(row[where[1]] || "").replace(",", "."));
        total += isFinite(hours) && hours > 0 ? hours : 0;
      });
      element.textContent = total > 0 ? format(strings.hours_total, { hours: Math.round(total * 10) / 10 }) : "";
    });
  }

  // --- Saving in this browser ----------------------------------------------------------

  function loadStored() {
    var found = saveFile.readStored(settings.storageKey);
    if (!found.works) {
      storageWorks = false;
      return null;
    }
    if (!found.raw) {
      return null;
    }
    var data = parsedAndValidated(found.raw);
    if (data === "newer") {
      stored = "newer";
      return null;
    }
    stored = data ? "ours" : "empty";
    return data;
  }

  function save() {
    if (stored === "newer") {
      say(strings.newer);
      return false;
    }
    storageWorks = saveFile.writeStored(settings.storageKey, read());
    if (storageWorks) {
      stored = "ours";
    }
    return storageWorks;
  }

  // After the first save, the text is saved as the reader writes.
  // The printed sheet follows every change (print emulation fires no beforeprint event).
  function changed() {
    renderSheet();
    if (stored === "ours") {
      save();
    }
  }

  function dialog(kind, onConfirm, returnFocus) {
    var box = storage.querySelector('[data-ag-dialog="' + kind + '"]');
    var confirmed = false;
    var onClose = function () {
      box.removeEventListener("close", onClose);
      (returnFocus || document.body).focus();
      if (box.returnValue === "confirm" && !confirmed) {
        confirmed = true;
        onConfirm();
      }
    };
    box.returnValue = "";
    box.addEventListener("close", onClose);
    box.showModal();
  }

  function setUpStorage() {
    var saveButton = storage.querySelector("[data-ag-save]");
    saveButton.addEventListener("click", function () {
      if (stored === "newer") {
        say(strings.newer);
        return;
      }
      var done = function () {
        say(save() ? strings.saved : strings.no_storage);
      };
      if (stored === "ours") {
        done();
      } else {
        dialog("save", done, saveButton); // the shared-computer warning, before the first save
      }
    });

    storage.querySelector("[data-ag-print]").addEventListener("click", function () {
      renderSheet();
      window.print();
    });

    storage.querySelector("[data-ag-export]").addEventListener("click", function () {
      var file = saveFile.saveJson("anhorigguiden-" + settings.tool, read());
      say(format(strings.exported, { file: file }));
    });

    var input = storage.querySelector("[data-ag-import]");
    var error = storage.querySelector("[data-ag-import-error]");
    var hint = input.getAttribute("aria-describedby");
    var showError = function (text) {
      error.textContent = text || "";
      error.hidden = !text;
      if (text) {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", hint + " " + error.id);
      } else {
        input.removeAttribute("aria-invalid");
        input.setAttribute("aria-describedby", hint);
      }
    };
    var importRun = 0; // only the latest chosen file counts
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      var run = (importRun += 1);
      showError("");
      if (!file) {
        return;
      }
      var reject = function (text) {
        if (run === importRun) {
          input.value = "";
          showError(text || strings.import_bad);
          input.focus();
        }
      };
      if (file.size > MAX_FILE_BYTES) {
        reject();
        return;
      }
      file.text().then(function (text) {
        if (run !== importRun) {
          return;
        }
        var loaded = parsedAndValidated(text);
        if (loaded === "newer") {
          reject(strings.import_newer);
          return;
        }
        if (!loaded) {
          reject();
          return;
        }
        input.value = "";
        dialog("import", function () {
          write(loaded);
          changed();
          say(strings.imported);
        }, input);
      }, function () {
        reject();
      });
    });

    var deleteButton = storage.querySelector("[data-ag-delete]");
    deleteButton.addEventListener("click", function () {
      dialog("delete", function () {
        // Delete everything means everything: also what a newer version has saved.
        try {
          window.localStorage.removeItem(settings.storageKey);
        } catch (removeError) {
          storageWorks = false;
        }
        stored = "empty";
        write({ fields: {}, rows: {} });
        showError("");
        say(strings.deleted);
      }, deleteButton);
    });

    storage.hidden = false;
  }

  // --- Start -----------------------------------------------------------------------------

  // The form is never submitted: Enter in a field must not reload the page or put
  // anything in its address.
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  form.addEventListener("input", changed);
  form.addEventListener("change", function (event) {
    if (event.target.type === "tel") {
      checkPhone(event.target);
    }
    changed();
  });

  setUpRows();
  var saved = loadStored();
  if (saved) {
    write(saved);
  }
  setUpStorage();
  if (stored === "newer") {
    say(strings.newer);
  } else if (!storageWorks) {
    say(strings.no_storage);
  }
  window.addEventListener("beforeprint", renderSheet);
  renderSheet();
  document.documentElement.classList.add("ag-tool-ready");
})();
