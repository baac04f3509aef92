// Small progressive enhancements; every page works without them.
(function () {
  "use strict";

  // Fill an empty time-zone field with this device's zone.
  document.querySelectorAll("[data-fill-timezone]").forEach(function (input) {
    if (!input.value) {
      try {
        input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
      } catch (error) {
        // Older browsers: the field stays empty and the server uses UTC.
      }
    }
  });

  // A form is sent once: the button is disabled while the page loads the answer. A disabled
  // button is left out of the form data, so the one pressed (e.g. action=add, not save) is
  // carried in a hidden field first.
  document.querySelectorAll("form[method='post']").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var submitter = event.submitter;
      form.querySelectorAll("input[data-submitter]").forEach(function (old) {
        old.remove();
      });
      if (submitter && submitter.name) {
        var carried = document.createElement("input");
        carried.type = "hidden";
        carried.name = submitter.name;
        carried.value = submitter.value;
        carried.setAttribute("data-submitter", "");
        form.appendChild(carried);
      }
      form.querySelectorAll("button[type='submit']").forEach(function (button) {
        button.disabled = true;
        button.setAttribute("aria-busy", "true");
      });
    });
  });

  // Coming back with the Back button shows the page as it was left: enable its buttons again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("button[aria-busy='true']").forEach(function (button) {
      button.disabled = false;
      button.removeAttribute("aria-busy");
    });
  });

  // On a phone the tab bar scrolls sideways: keep the current section's tab in view.
  var current = document.querySelector(".main-nav [aria-current='page']");
  if (current && current.scrollIntoView) {
    current.scrollIntoView({ block: "nearest", inline: "center" });
  }

  // After a rejected form, take keyboard and screen-reader users to the list of problems.
  var summary = document.querySelector(".error-summary[tabindex]");
  if (summary) {
    summary.focus();
  }
})();
