/*
 * Read aloud ("Lyssna"): reads the page's main text with the browser's own speech
 * synthesis, in the language the text is marked with (lang="..." on the page or on the
 * content). Nothing is sent anywhere: no service, no request, no storage.
 *
 * The group comes from overrides/partials/page-tools.html with `hidden` set. It is shown
 * where the browser has speechSynthesis and a voice for the page's language, and stays
 * hidden otherwise: a note saying so took the line under every page's title from readers
 * who cannot use the button (the accessibility statement says when it is missing). Voices
 * often arrive late, so the check runs again on `voiceschanged`.
 */
(function () {
  "use strict";

  var group = document.querySelector("[data-ag-read-aloud]");
  if (!group) return;
  var play = group.querySelector("[data-ag-read-aloud-play]");
  var label = group.querySelector("[data-ag-read-aloud-label]");
  var stop = group.querySelector("[data-ag-read-aloud-stop]");

  // The group shows only with a voice to read with.
  function available(yes) {
    group.hidden = !yes;
  }

  var synth = window.speechSynthesis;
  if (!synth || typeof window.SpeechSynthesisUtterance !== "function") {
    available(false);
    return;
  }
  var article = group.closest("article") || document.querySelector("article");
  if (!play || !label || !stop || !article) return;

  // Blocks read one utterance at a time: short utterances pause naturally between
  // headings and paragraphs, and some browsers stop a long utterance after a while.
  var BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, th, td, summary, figcaption, blockquote";
  // Inside a block, not read: the citations "(källa: ...)" after each paragraph and the
  // numbered ones (.citation, or anything marked data-read-aloud="skip"; they stay on the
  // screen and on the Källor page), and anything hidden.
  var SKIPPED = '.citation, [data-read-aloud="skip"]';
  var NOT_READ = "a.ag-cite, " + SKIPPED + ", [data-ag-no-read], [hidden], script, style";
  var state = "idle"; // idle, speaking, paused
  var run = 0; // increases on every start and stop, so that late events of an old run are ignored

  function languageOf(element) {
    var marked = element.closest("[lang]");
    return (marked && marked.getAttribute("lang")) || document.documentElement.lang || "";
  }

  function primary(tag) {
    return tag.toLowerCase().replace("_", "-").split("-")[0];
  }

  function voiceFor(lang) {
    var wanted = primary(lang);
    var voices = synth.getVoices() || [];
    var exact = null;
    var near = null;
    for (var i = 0; i < voices.length; i++) {
      var voiceLang = (voices[i].lang || "").toLowerCase().replace("_", "-");
      if (primary(voiceLang) !== wanted) continue;
      if (voiceLang === lang.toLowerCase() && !exact) exact = voices[i];
      if (!near) near = voices[i];
    }
    return exact || near;
  }

  function pageLanguage() {
    var first = article.querySelector("h1") || article;
    return languageOf(first);
  }

  function blocks() {
    var texts = [];
    var found = article.querySelectorAll(BLOCKS);
    for (var i = 0; i < found.length; i++) {
      var element = found[i];
      if (element.closest("[data-ag-no-read], [hidden], .md-source-file, .ag-page-meta, " + SKIPPED)) continue;
      var details = element.closest("details");
      if (details && !details.open && !element.closest("summary")) continue; // folded away
      var outer = element.parentElement && element.parentElement.closest(BLOCKS);
      if (outer && article.contains(outer)) continue; // read as part of its enclosing block
      var copy = element.cloneNode(true);
      var skipped = copy.querySelectorAll(NOT_READ);
      for (var j = 0; j < skipped.length; j++) skipped[j].remove();
      var text = (copy.textContent || "").replace(/\(\s*\)/g, "").replace(/\s+/g, " ").trim();
      if (text) texts.push({ text: text, lang: languageOf(element) });
    }
    return texts;
  }

  function show(next) {
    state = next;
    label.textContent = group.getAttribute(
      next === "speaking" ? "data-label-pause" : next === "paused" ? "data-label-resume" : "data-label-listen"
    );
    stop.hidden = next === "idle";
  }

  function start() {
    var queue = blocks();
    var mine = ++run;
    synth.cancel();
    if (!queue.length) return;
    queue.forEach(function (block, index) {
      var utterance = new SpeechSynthesisUtterance(block.text);
      utterance.lang = block.lang;
      var voice = voiceFor(block.lang);
      if (voice) utterance.voice = voice;
      if (index === queue.length - 1) {
        utterance.addEventListener("end", function () {
          if (mine === run) show("idle");
        });
      }
      utterance.addEventListener("error", function () {
        if (mine === run) show("idle");
      });
      synth.speak(utterance);
    });
    show("speaking");
  }

  function end() {
    run++;
    synth.cancel();
    show("idle");
  }

  play.addEventListener("click", function () {
    if (state === "idle") {
      start();
    } else if (state === "speaking") {
      synth.pause();
      show("paused");
    } else {
      synth.resume();
      show("speaking");
    }
  });

  stop.addEventListener("click", function () {
    end();
    play.focus(); // the stop button disappears: keep the keyboard's place
  });

  // Speech would otherwise go on after the reader has left the page.
  window.addEventListener("pagehide", function () {
    if (state !== "idle") end();
  });

  function offer() {
    var voice = !!voiceFor(pageLanguage());
    if (!voice && state !== "idle") end();
    available(voice);
    if (!voice) stop.hidden = true;
  }

  offer();
  if (typeof synth.addEventListener === "function") {
    synth.addEventListener("voiceschanged", offer);
  } else {
    synth.onvoiceschanged = offer;
  }
})();
