// The upload page, enhanced: drop files on the zone, watch the upload's progress, and read the
// import result without leaving the page. Without script the form posts and the server
// answers with the same result.
(function () {
  "use strict";

  var form = document.querySelector("form[data-upload]");
  if (!form || !window.XMLHttpRequest || !window.FormData || !window.DOMParser) {
    return;
  }
  var input = form.querySelector("input[type='file']");
  var zone = form.querySelector("[data-drop-zone]");
  var chosen = form.querySelector("[data-chosen-files]");
  var progressBox = form.querySelector("[data-progress]");
  var progress = progressBox.querySelector("progress");
  var progressLabel = progressBox.querySelector("label");
  var status = form.querySelector("[data-upload-status]");
  var button = form.querySelector("button[type='submit']");

  function showChosen() {
    chosen.textContent = "";
    var files = input.files || [];
    for (var i = 0; i < files.length; i += 1) {
      var item = document.createElement("li");
      item.textContent = files[i].name + " (" + sizeText(files[i].size) + ")";
      chosen.appendChild(item);
    }
    chosen.hidden = files.length === 0;
  }

  function sizeText(bytes) {
    if (bytes >= 1024 * 1024) {
      return (bytes / (1024 * 1024)).toFixed(1) + " MB";
    }
    return Math.max(1, Math.round(bytes / 1024)) + " KB";
  }

  input.addEventListener("change", showChosen);

  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) {
      event.preventDefault();
      zone.classList.add("is-dragover");
    });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function () {
      zone.classList.remove("is-dragover");
    });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      showChosen();
    }
  });

  function finish() {
    button.disabled = false;
    button.removeAttribute("aria-busy");
  }

  function showResult(html) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var fresh = page.getElementById("import-result");
    var current = document.getElementById("import-result");
    if (fresh && current) {
      current.innerHTML = fresh.innerHTML;
      current.hidden = fresh.hidden;
    }
    // A refused upload (no file chosen) comes back with the message next to the field.
    var freshField = page.querySelector("form[data-upload] .field");
    var field = form.querySelector(".field");
    var error = freshField && freshField.querySelector(".field-error");
    var oldError = field.querySelector(".field-error");
    if (oldError) {
      oldError.remove();
    }
    field.classList.toggle("has-error", Boolean(error));
    if (error) {
      input.insertAdjacentElement("afterend", error);
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", input.id.replace("f-", "") + "-hint " + error.id);
      input.focus();
    } else {
      input.removeAttribute("aria-invalid");
      if (current && !current.hidden) {
        current.focus();
      }
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.responseType = "text";
    request.upload.addEventListener("progress", function (progressEvent) {
      if (progressEvent.lengthComputable) {
        var percent = Math.round((progressEvent.loaded / progressEvent.total) * 100);
        progress.value = percent;
        status.textContent = "Uploading: " + percent + " %";
      }
    });
    request.upload.addEventListener("load", function () {
      progress.removeAttribute("value"); // indeterminate while the server imports
      progressLabel.textContent = "Importing";
      status.textContent = "Uploaded. Importing…";
    });
    request.addEventListener("load", function () {
      progressBox.hidden = true;
      finish();
      if (request.status === 200 || request.status === 422) {
        status.textContent = request.status === 200 ? "Import finished." : "Nothing was uploaded.";
        showResult(request.responseText);
        if (request.status === 200) {
          form.reset();
          showChosen();
        }
      } else if (request.status === 413) {
        status.textContent = "The files are too large to upload at once: send fewer at a time.";
      } else if (request.status === 403) {
        status.textContent = "The page has expired: reload it and upload again.";
      } else {
        status.textContent = "The upload failed (HTTP " + request.status + "). Nothing was imported from it.";
      }
    });
    request.addEventListener("error", function () {
      progressBox.hidden = true;
      finish();
      status.textContent = "The upload did not reach the server. Check the connection and try again.";
    });
    progress.value = 0;
    progressLabel.textContent = "Uploading";
    progressBox.hidden = false;
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    status.textContent = "Uploading…";
    request.send(new FormData(form));
  });
})();
