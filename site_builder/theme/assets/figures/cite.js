/* The copy button of each figure (templates/partials/macros.html, figure_table): copies the
 * figure's citation, which the build wrote into data-citation with the full address of the
 * figure's row, and says so beside the button. Without this script the buttons stay hidden;
 * the "Link to this figure" link beside each works without it. Where the browser refuses the
 * clipboard, the citation is shown selected, to copy by hand. */
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
      area.remove();
      if (copied) resolve(); else reject(new Error("the browser refused to copy"));
    });
  }

  function status(button) {
    var note = button.nextElementSibling;
    if (!note || !note.classList.contains("figure-copy-status")) {
      note = document.createElement("span");
      note.className = "figure-copy-status";
      note.setAttribute("role", "status");
      button.parentNode.insertBefore(note, button.nextSibling);
    }
    return note;
  }

  function copy(button) {
    var text = button.getAttribute("data-citation") || "";
    copyText(text).then(function () {
      status(button).textContent = " " + (button.getAttribute("data-copied") || "");
    }).catch(function () {
      var note = status(button);
      note.textContent = " " + (button.getAttribute("data-failed") || "") + " ";
      var shown = document.createElement("output");
      shown.className = "figure-citation-text";
      shown.textContent = text;
      note.appendChild(shown);
      var range = document.createRange();
      range.selectNodeContents(shown);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    });
  }

  function start() {
    document.querySelectorAll("button.figure-copy[hidden]").forEach(function (button) { button.hidden = false; });
  }

  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element && event.target.closest("button.figure-copy");
    if (button) copy(button);
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
