/*
 * Training paths in the browser: knowledge checks, progress, save/load/reset, certificate.
 *
 * Loaded by overrides/training/page.html on the training pages only. Its settings are the
 * JSON block #ag-training-config written by hooks/training_paths.py. Every page works
 * without this script: the parts that need it are `hidden` until it shows them.
 *
 * Completion means passing: a module is complete when every one of its questions has been
 * answered correctly (retries allowed); its completion date is the day the last of them
 * was. The certificate appears only when every module of the path is complete.
 *
 * Privacy: progress is kept in ONE localStorage key (settings.storageKey) as versioned JSON,
 *   {"app": "anhorigguiden-training", "version": 2, "name": "",
 *    "paths": {"<path id>": {"modules": {"<module id>": {
 *        "answers": {"<question number>": {"tries": 2, "right": "YYYY-MM-DD"}},
 *        "markedDone": "YYYY-MM-DD"}}}}}
 * ("right" is "" until the question is answered correctly; "markedDone" is kept from
 * version 1 only as a note), and in a file only when the reader saves one. Nothing is ever
 * sent anywhere: this script makes no network request.
 *
 * Version 1 ({"paths": {"<path>": {"done": {"<module>": "YYYY-MM-DD"}}}}, where a reader
 * ticked "done" without answering) is migrated: the date becomes `markedDone`, and the
 * module is not complete until its questions are answered. Progress saved by a newer
 * version is never overwritten by this one.
 *
 * Ids are keys chosen by editors: every map is made with Object.create(null) and read
 * with own-property checks, so that a module called "constructor" or "__proto__" is
 * stored and found like any other.
 */
(function () {
  "use strict";

  var APP = "anhorigguiden-training";
  var VERSION = 2;
  var ID = /^[a-z0-9_]+(?:-[a-z0-9_]+)*$/;
  var QUESTION = /^[1-9][0-9]{0,2}$/;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var MAX_FILE_BYTES = 500000;
  var MAX_NAME = 200;
  var MAX_TRIES = 100000;

  var settingsNode = document.getElementById("ag-training-config");
  var saveFile = window.anhorigguidenSaveFile; // save-file.js, loaded just before this file
  if (!settingsNode || !saveFile) {
    return;
  }
  var today = saveFile.today;
  var settings = JSON.parse(settingsNode.textContent);
  var strings = settings.strings;
  var storageWorks = true;
  var storedIsNewer = false; // saved by a newer version of this script: read-only here
  var state = load();

  function dict() {
    return Object.create(null);
  }

  function own(object, key) {
    return object !== null && typeof object === "object" && Object.prototype.hasOwnProperty.call(object, key);
  }

  function isMap(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  // Text with {placeholders}; an unknown placeholder is left as written.
  function format(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (whole, name) {
      return own(values, name) ? String(values[name]) : whole;
    });
  }

  function isDate(value) {
    if (typeof value !== "string" || !DATE.test(value)) {
      return false;
    }
    var parsed = new Date(value + "T00:00:00Z");
    return !isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
  }

  function emptyState() {
    return { app: APP, version: VERSION, name: "", paths: dict() };
  }

  // Every entry of `map` made safe by make(key, value), in a fresh dict; null as soon as
  // make refuses one (returns null): one entry that is not ours and the whole map is not.
  function validatedEntries(map, make) {
    var result = dict();
    var keys = Object.keys(map);
    for (var i = 0; i < keys.length; i += 1) {
      var value = make(keys[i], map[keys[i]]);
      if (!value) {
        return null;
      }
      result[keys[i]] = value;
    }
    return result;
  }

  // A version 1 path entry ({"done": {module: date}}) in the version 2 shape.
  function migratedPath(entry) {
    if (!isMap(entry) || !isMap(entry.done)) {
      return null;
    }
    var modules = validatedEntries(entry.done, function (id, date) {
      return ID.test(id) && isDate(date) ? { answers: dict(), markedDone: date } : null;
    });
    return modules && { modules: modules };
  }

  function validatedModule(entry) {
    if (!isMap(entry) || !isMap(entry.answers)) {
      return null;
    }
    if (own(entry, "markedDone") && !isDate(entry.markedDone)) {
      return null;
    }
    var answers = validatedEntries(entry.answers, function (number, answer) {
      if (!QUESTION.test(number) || !isMap(answer)) {
        return null;
      }
      var tries = answer.tries;
      if (typeof tries !== "number" || tries !== Math.floor(tries) || tries < 0 || tries > MAX_TRIES) {
        return null;
      }
      if (answer.right !== "" && !isDate(answer.right)) {
        return null;
      }
      return { tries: tries, right: answer.right };
    });
    if (!answers) {
      return null;
    }
    var result = { answers: answers };
    if (own(entry, "markedDone")) {
      result.markedDone = entry.markedDone;
    }
    return result;
  }

  function validatedPath(entry) {
    if (!isMap(entry) || !isMap(entry.modules)) {
      return null;
    }
    var modules = validatedEntries(entry.modules, function (id, module) {
      return ID.test(id) ? validatedModule(module) : null;
    });
    return modules && { modules: modules };
  }

  // A stored or loaded value made safe (version 1 migrated), or null if it is not ours.
  // A value of a newer version is reported by newerVersion(), not read.
  function validated(data) {
    if (!isMap(data) || data.app !== APP || (data.version !== 1 && data.version !== VERSION)) {
      return null;
    }
    if (own(data, "name") && (typeof data.name !== "string" || data.name.length > MAX_NAME)) {
      return null;
    }
    if (!isMap(data.paths)) {
      return null;
    }
    var paths = validatedEntries(data.paths, function (id, entry) {
      return ID.test(id) ? (data.version === 1 ? migratedPath(entry) : validatedPath(entry)) : null;
    });
    if (!paths) {
      return null;
    }
    var result = emptyState();
    result.name = data.name || "";
    result.paths = paths;
    return result;
  }

  function newerVersion(data) {
    return isMap(data) && data.app === APP && typeof data.version === "number" && data.version > VERSION;
  }

  function load() {
    var found = saveFile.readStored(settings.storageKey);
    if (!found.works) {
      storageWorks = false;
    }
    if (!found.raw) {
      return emptyState();
    }
    var data = null;
    try {
      data = JSON.parse(found.raw);
    } catch (error) {
      return emptyState();
    }
    storedIsNewer = newerVersion(data);
    return validated(data) || emptyState();
  }

  function save() {
    if (storedIsNewer) {
      return false; // never overwrite what a newer version saved
    }
    storageWorks = saveFile.writeStored(settings.storageKey, state);
    return storageWorks;
  }

  function pathById(id) {
    return settings.paths.filter(function (path) {
      return path.id === id;
    })[0];
  }

  function moduleEntry(pathId, moduleId) {
    var path = own(state.paths, pathId) ? state.paths[pathId] : null;
    return path && own(path.modules, moduleId) ? path.modules[moduleId] : null;
  }

  function moduleEntryToWrite(pathId, moduleId) {
    if (!own(state.paths, pathId)) {
      state.paths[pathId] = { modules: dict() };
    }
    var modules = state.paths[pathId].modules;
    if (!own(modules, moduleId)) {
      modules[moduleId] = { answers: dict() };
    }
    return modules[moduleId];
  }

  function rightCount(pathId, module) {
    var entry = moduleEntry(pathId, module.id);
    var count = 0;
    for (var number = 1; number <= module.questions; number += 1) {
      var key = String(number);
      if (entry && own(entry.answers, key) && entry.answers[key].right) {
        count += 1;
      }
    }
    return count;
  }

  // The day a module was completed (the last of its questions answered right), or null.
  function completionDate(pathId, module) {
    var entry = moduleEntry(pathId, module.id);
    if (!entry || rightCount(pathId, module) !== module.questions) {
      return null;
    }
    var last = "";
    for (var number = 1; number <= module.questions; number += 1) {
      var right = entry.answers[String(number)].right;
      last = right > last ? right : last;
    }
    return last;
  }

  function completeCount(path) {
    return path.modules.filter(function (module) {
      return completionDate(path.id, module);
    }).length;
  }

  function progressText(path) {
    return format(strings.progress, { done: completeCount(path), total: path.modules.length });
  }

  function show(element) {
    if (element) {
      element.hidden = false;
    }
  }

  function paragraph(text, className) {
    var element = document.createElement("p");
    element.textContent = text;
    if (className) {
      element.className = className;
    }
    return element;
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
        region.appendChild(paragraph(build));
      } else {
        build(region);
      }
    }, 50);
  }

  // Why saving did not happen, or null when it did.
  function saveProblem() {
    if (storedIsNewer) {
      return strings.newer;
    }
    return storageWorks ? null : strings.no_storage;
  }

  // The landing page: each path's progress.
  function showLanding() {
    document.querySelectorAll("[data-ag-progress-text]").forEach(function (text) {
      var path = pathById(text.getAttribute("data-ag-progress-text"));
      if (path) {
        text.textContent = progressText(path);
        show(text);
      }
    });
  }

  // A path's overview: the bar, the words, a badge per complete module, and the tools.
  function showOverview() {
    var path = pathById(settings.path);
    var box = document.querySelector("[data-ag-progress]");
    if (box) {
      var bar = box.querySelector("progress");
      bar.max = path.modules.length;
      bar.value = completeCount(path);
      bar.textContent = progressText(path);
      box.querySelector("[data-ag-progress-text]").textContent = progressText(path);
      show(box);
    }
    document.querySelectorAll("[data-ag-done]").forEach(function (badge) {
      var id = badge.getAttribute("data-ag-done");
      var module = path.modules.filter(function (m) {
        return m.id === id;
      })[0];
      badge.hidden = !(module && completionDate(path.id, module));
    });
  }

  // A modal question with two answers; falls back to window.confirm without <dialog>.
  function ask(dialog, textId, onConfirm, onCancel, returnFocus) {
    if (dialog && typeof dialog.showModal === "function") {
      dialog.returnValue = "";
      var closed = function () {
        dialog.removeEventListener("close", closed);
        if (dialog.returnValue === "confirm") {
          onConfirm();
        } else if (onCancel) {
          onCancel();
        }
        if (returnFocus) {
          returnFocus.focus();
        }
      };
      dialog.addEventListener("close", closed);
      dialog.showModal();
    } else if (window.confirm(document.getElementById(textId).textContent)) {
      onConfirm();
    } else if (onCancel) {
      onCancel();
    }
  }

  function setUpTools() {
    var tools = document.querySelector("[data-ag-tools]");
    if (!tools) {
      return;
    }
    var status = tools.querySelector("[data-ag-tools-status]");
    var path = pathById(settings.path);

    tools.querySelector("[data-ag-export]").addEventListener("click", function () {
      state = load();
      var data = { app: APP, version: VERSION, exported: new Date().toISOString(), name: state.name, paths: state.paths };
      var file = saveFile.saveJson("anhorigguiden-utbildning", data);
      announce(status, format(strings.exported, { file: file }));
    });

    var input = tools.querySelector("[data-ag-import]");
    var importDialog = tools.querySelector("[data-ag-import-dialog]");
    var importRun = 0; // only the latest chosen file counts, however long an earlier one takes
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      var run = (importRun += 1);
      if (!file) {
        return;
      }
      var reject = function (message) {
        input.value = "";
        if (run === importRun) {
          announce(status, message, "wrong");
        }
      };
      if (file.size > MAX_FILE_BYTES) {
        reject(strings.import_bad);
        return;
      }
      file.text().then(function (text) {
        if (run !== importRun) {
          return;
        }
        var data;
        try {
          data = JSON.parse(text);
        } catch (error) {
          reject(strings.import_bad_json);
          return;
        }
        var loaded = validated(data);
        if (!loaded) {
          reject(strings.import_bad);
          return;
        }
        // Replacing everything cannot be undone: ask first.
        ask(
          importDialog,
          "ag-import-text",
          function () {
            input.value = "";
            state = loaded;
            save();
            refresh();
            var problem = saveProblem();
            announce(status, problem || strings.imported, problem ? "wrong" : "right");
          },
          function () {
            input.value = "";
            announce(status, strings.import_kept);
          },
          input
        );
      }, function () {
        reject(strings.import_bad);
      });
    });

    var resetButton = tools.querySelector("[data-ag-reset]");
    resetButton.addEventListener("click", function () {
      ask(
        tools.querySelector("[data-ag-reset-dialog]"),
        "ag-reset-text",
        function () {
          state = load();
          delete state.paths[path.id];
          state.name = "";
          save();
          refresh();
          announce(status, saveProblem() || strings.reset_done);
        },
        null,
        resetButton
      );
    });
    show(tools);
    if (saveProblem()) {
      announce(status, saveProblem(), "wrong");
    }
  }

  // A module: each question answered, with feedback for the chosen option; the module is
  // complete when every question has been answered right.
  function setUpModule() {
    var path = pathById(settings.path);
    var module = path.modules.filter(function (m) {
      return m.id === settings.module;
    })[0];
    var status = document.querySelector("[data-ag-module-status]");
    var answers = document.querySelector("[data-ag-answers]");
    if (answers) {
      answers.hidden = true; // the answers are given one at a time, after an attempt
    }

    function statusText() {
      var entry = moduleEntry(path.id, module.id);
      var right = rightCount(path.id, module);
      var text = completionDate(path.id, module)
        ? format(strings.module_complete, { progress: progressText(path) })
        : format(strings.module_progress, { right: right, total: module.questions });
      if (entry && entry.markedDone && !completionDate(path.id, module)) {
        text += " " + format(strings.old_done, { date: entry.markedDone });
      }
      return text;
    }

    document.querySelectorAll("[data-ag-question]").forEach(function (form) {
      var number = form.getAttribute("data-ag-question");
      var feedback = form.querySelector("[data-ag-feedback]");
      var reveal = form.querySelector("[data-ag-reveal]");
      var copy = function (selector) {
        var element = form.querySelector(selector).cloneNode(true);
        element.hidden = false;
        Array.prototype.slice.call(element.attributes).forEach(function (attribute) {
          if (attribute.name.indexOf("data-ag-") === 0) {
            element.removeAttribute(attribute.name);
          }
        });
        return element;
      };
      var optionFeedback = function (value) {
        var found = null;
        form.querySelectorAll("[data-ag-option-feedback]").forEach(function (element) {
          if (element.getAttribute("data-ag-option-feedback") === value) {
            found = element;
          }
        });
        return found;
      };

      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var chosen = form.querySelector("input:checked");
        if (!chosen) {
          announce(feedback, strings.choose);
          return;
        }
        var chosenFeedback = optionFeedback(chosen.value);
        var right = chosenFeedback.hasAttribute("data-ag-right");
        state = load(); // another tab may have changed the progress meanwhile
        var entry = moduleEntryToWrite(path.id, module.id);
        var answer = own(entry.answers, number) ? entry.answers[number] : (entry.answers[number] = { tries: 0, right: "" });
        answer.tries = Math.min(answer.tries + 1, MAX_TRIES);
        var completedNow = false;
        if (right && !answer.right) {
          answer.right = today();
          completedNow = Boolean(completionDate(path.id, module));
        }
        save();
        reveal.hidden = right;
        announce(feedback, function (region) {
          // The feedback begins with its verdict ("Rätt." or "Inte riktigt.", EDITING.md),
          // so the words say what the colour of the box says.
          region.appendChild(copy("[data-ag-option-feedback='" + chosen.value + "']"));
          if (right) {
            region.appendChild(copy("[data-ag-source]"));
          } else {
            region.appendChild(paragraph(strings.try_again));
          }
        }, right ? "right" : "wrong");
        var problem = saveProblem();
        if (problem) {
          announce(status, problem, "wrong");
        } else if (completedNow || right) {
          announce(status, statusText(), completedNow ? "right" : null);
        }
      });

      reveal.addEventListener("click", function () {
        announce(feedback, function (region) {
          region.appendChild(copy("[data-ag-right-answer]"));
          region.appendChild(copy("[data-ag-right]"));
          region.appendChild(copy("[data-ag-source]"));
        });
        reveal.hidden = true;
      });
      show(form.querySelector("[data-ag-buttons]"));
    });

    // Where the reader stands, without announcing it on arrival.
    if (status) {
      status.replaceChildren(paragraph(saveProblem() || statusText()));
    }
  }

  // The certificate: only when every module is complete; each module's date, from this
  // browser's progress only.
  function setUpCertificate() {
    var path = pathById(settings.path);
    var noScript = document.querySelector("[data-ag-certificate-nojs]");
    var waiting = document.querySelector("[data-ag-certificate-incomplete]");
    var ready = document.querySelector("[data-ag-certificate-ready]");
    if (noScript) {
      noScript.hidden = true;
    }
    if (completeCount(path) !== path.modules.length) {
      waiting.querySelector("[data-ag-certificate-incomplete-text]").textContent = format(strings.certificate_incomplete, {
        done: completeCount(path),
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
    ready.querySelectorAll("[data-ag-certificate-module]").forEach(function (cell) {
      var id = cell.getAttribute("data-ag-certificate-module");
      var module = path.modules.filter(function (m) {
        return m.id === id;
      })[0];
      var date = module && completionDate(path.id, module);
      var time = document.createElement("time");
      time.textContent = date || strings.not_done;
      if (date) {
        time.setAttribute("datetime", date);
      }
      cell.replaceChildren(time);
    });
    ready.querySelector("[data-ag-print]").addEventListener("click", function () {
      window.print();
    });
    show(ready);
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
