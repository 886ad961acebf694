/* The copy button of each figure (templates/partials/macros.html, figure_table): copies the
 * figure's citation, the table's data-citation with its {fields} taken from the figure's row and
 * {url} the row's full address (its permalink against the page's canonical address, under the
 * site's site_url), and says so beside the button. Loaded with the theme's script, on the
 * reader's first interaction (partials/theme-script.html); until then, and without JavaScript,
 * the buttons stay hidden and the "Link to this figure" link beside each works on its own. Where
 * the browser refuses the clipboard, the citation is shown selected, to copy by hand. */
(function () {
  "use strict";

  function text(row, selector) {
    var element = row.querySelector(selector);
    return element ? element.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function citation(button) {
    var row = button.closest("tr"), table = button.closest("[data-citation]");
    var canonical = document.querySelector('link[rel="canonical"]');
    var permalink = row.querySelector("a.figure-permalink").getAttribute("href");
    var publisher = text(row, ".source .source-meta");
    var fields = {
      indicator: text(row, "td.indicator a"),
      place: row.getAttribute("data-place") || "",
      value: text(row, ".value"),
      measure: text(row, ".measure"),
      period: text(row, "td.period"),
      source: text(row, ".source-link, .source-title") + (publisher ? " (" + publisher + ")" : ""),
      url: new URL(permalink, canonical ? canonical.href : window.location.href).href,
    };
    return table.getAttribute("data-citation").replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : all;
    });
  }

  function copyText(value) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(value);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = value;
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
    var table = button.closest("[data-citation]");
    var value = citation(button);
    copyText(value).then(function () {
      status(button).textContent = " " + (table.getAttribute("data-copied") || "");
    }).catch(function () {
      var note = status(button);
      note.textContent = " " + (table.getAttribute("data-failed") || "") + " ";
      var shown = document.createElement("output");
      shown.className = "figure-citation-text";
      shown.textContent = value;
      note.appendChild(shown);
      var range = document.createRange();
      range.selectNodeContents(shown);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element && event.target.closest("button.figure-copy");
    if (button) copy(button);
  });
  document.querySelectorAll("button.figure-copy[hidden]").forEach(function (button) { button.hidden = false; });
})();
