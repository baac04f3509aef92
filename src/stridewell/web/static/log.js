// The strength sheet at the gym: ticking a set starts the rest it prescribes, the session
// clock fills in the duration, and the phone's "Go" key does not send a half-done sheet.
// Without this script the sheet still works: tick, type and save.
(function () {
  "use strict";

  var sheet = document.querySelector("form[data-log-sheet]");
  if (!sheet) {
    return;
  }
  var timer = document.querySelector("[data-rest-timer]");
  var left = timer.querySelector("[data-rest-left]");
  var word = timer.querySelector("[data-rest-word]");
  var announce = document.querySelector("[data-rest-announce]");
  var doneCount = sheet.querySelector("[data-done-count]");
  var startedAt = sheet.querySelector("[data-started-at]");
  var duration = sheet.querySelector("[data-duration]");
  var endsAt = 0;
  var ticking = null;
  var hideLater = null;

  // When the sheet was first opened; kept in the form so adding an exercise keeps it.
  if (startedAt && !/^\d+$/.test(startedAt.value)) {
    startedAt.value = String(Date.now());
  }

  function clock(seconds) {
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    return minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function secondsLeft() {
    return Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
  }

  function say(text) {
    // Screen readers hear the start and the end of a rest, not every second of it.
    announce.textContent = "";
    window.setTimeout(function () {
      announce.textContent = text;
    }, 50);
  }

  function show() {
    var seconds = secondsLeft();
    left.textContent = clock(seconds);
    if (seconds <= 0) {
      finish("Rest over: time for the next set.");
    }
  }

  function start(seconds) {
    window.clearTimeout(hideLater);
    window.clearInterval(ticking);
    endsAt = Date.now() + seconds * 1000;
    timer.classList.remove("is-over");
    word.textContent = "Rest";
    timer.hidden = false;
    show();
    ticking = window.setInterval(show, 250);
    say("Rest " + clock(seconds) + " started.");
  }

  function finish(message) {
    window.clearInterval(ticking);
    ticking = null;
    left.textContent = "0:00";
    word.textContent = "Go";
    timer.classList.add("is-over");
    say(message);
    if (navigator.vibrate) {
      navigator.vibrate([200, 100, 200]);
    }
    hideLater = window.setTimeout(function () {
      timer.hidden = true;
    }, 5000);
  }

  timer.querySelector("[data-rest-add]").addEventListener("click", function () {
    if (ticking === null) {
      start(15);
    } else {
      endsAt += 15000;
      show();
    }
  });
  timer.querySelector("[data-rest-skip]").addEventListener("click", function () {
    if (ticking !== null) {
      finish("Rest skipped.");
    }
  });

  function countDone() {
    var boxes = sheet.querySelectorAll("[data-set-done]");
    var ticked = sheet.querySelectorAll("[data-set-done]:checked");
    if (doneCount && boxes.length) {
      doneCount.textContent = ticked.length + " of " + boxes.length + " sets done";
    }
  }

  // A single-leg set is done when both sides are: the left side is followed by the right,
  // not by the rest.
  function wholeSetDone(row) {
    var number = row.getAttribute("data-set-number");
    var partners = row.parentElement.querySelectorAll(
      ".set-row[data-set-number='" + number + "'] [data-set-done]"
    );
    return Array.prototype.every.call(partners, function (box) {
      return box.checked;
    });
  }

  sheet.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches("[data-set-done]")) {
      return;
    }
    var row = box.closest(".set-row");
    row.classList.toggle("is-done", box.checked);
    countDone();
    if (box.checked && wholeSetDone(row)) {
      var rest = parseInt(row.getAttribute("data-rest-s"), 10);
      if (rest > 0) {
        start(rest);
      }
    }
  });
  countDone();

  // "Go" on a phone keyboard closes the keyboard instead of sending the form; in the
  // exercise search it adds the exercise (the form's first button).
  sheet.addEventListener("keydown", function (event) {
    var field = event.target;
    if (event.key !== "Enter" || field.tagName !== "INPUT" || field.name === "add_exercise") {
      return;
    }
    event.preventDefault();
    field.blur();
  });

  // Saving with the duration left empty: the time since the sheet was opened, in minutes.
  sheet.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    if (!submitter || submitter.value !== "save" || !duration || duration.value.trim()) {
      return;
    }
    var minutes = Math.round((Date.now() - parseInt(startedAt.value, 10)) / 60000);
    if (minutes >= 1 && minutes <= 360) {
      duration.value = String(minutes);
    }
  });
  // A draft on this phone: a page reloaded, a tab restored or a browser restarted mid-session
  // gets its ticks, numbers and session clock back. Only into the same sheet (same planned
  // session, same rows), for 12 hours, and never over a sheet the server sent back with an
  // error (that one already holds what was typed). Saving the session drops it.
  var DRAFT_MS = 12 * 3600 * 1000;
  var draftKey = "stridewell-sheet:" + window.location.pathname;

  function store() {
    try {
      return window.localStorage;
    } catch (error) {
      return null; // storage blocked: the sheet works as before
    }
  }

  function identity() {
    var planned = sheet.elements.namedItem("planned_session");
    var rows = sheet.elements.namedItem("rows");
    return (planned ? planned.value : "") + "|" + (rows ? rows.value : "");
  }

  function saveDraft() {
    var storage = store();
    if (!storage) {
      return;
    }
    var fields = {};
    Array.prototype.forEach.call(sheet.elements, function (field) {
      if (!field.name || field.type === "hidden" || field.type === "submit") {
        return;
      }
      fields[field.name] = field.type === "checkbox" ? field.checked : field.value;
    });
    var draft = { at: Date.now(), sheet: identity(), started: startedAt.value, fields: fields };
    try {
      storage.setItem(draftKey, JSON.stringify(draft));
    } catch (error) {
      // storage full: the sheet works as before
    }
  }

  function restoreDraft() {
    var storage = store();
    if (!storage || document.querySelector(".error-summary")) {
      return;
    }
    var draft = null;
    try {
      draft = JSON.parse(storage.getItem(draftKey) || "null");
    } catch (error) {
      draft = null;
    }
    if (!draft || Date.now() - draft.at > DRAFT_MS || draft.sheet !== identity()) {
      storage.removeItem(draftKey);
      return;
    }
    var ticked = 0;
    Object.keys(draft.fields).forEach(function (name) {
      var field = sheet.elements.namedItem(name);
      if (!field || !field.type || field.type === "hidden") {
        return;
      }
      if (field.type === "checkbox") {
        field.checked = Boolean(draft.fields[name]);
        var row = field.closest(".set-row");
        if (row) {
          row.classList.toggle("is-done", field.checked);
        }
        ticked += field.checked ? 1 : 0;
      } else {
        field.value = draft.fields[name];
      }
    });
    if (/^\d+$/.test(draft.started || "")) {
      startedAt.value = draft.started;
    }
    countDone();
    if (ticked) {
      say("Your sets from earlier are back: " + ticked + " done.");
    }
  }

  restoreDraft();
  sheet.addEventListener("input", saveDraft);
  sheet.addEventListener("change", saveDraft);
  sheet.addEventListener("submit", function (event) {
    var storage = store();
    if (storage && event.submitter && event.submitter.value === "save") {
      storage.removeItem(draftKey);
    }
  });
})();
