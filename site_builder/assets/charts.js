// Makes the static SVG charts interactive (tooltips) where JavaScript runs.
// Loaded on every page; it is small. The Vega bundle (about 900 KB, served by this site) is
// fetched only when a chart scrolls into view or gets hover/focus, never on first paint.
// If anything fails, the static SVG drawn at build time stays in place.
// Once a chart is drawn here, it offers its PNG (no PNG is made at build time): a button that
// has Vega make it from the view it drew. A deferred chart (data-deferred: past the first few
// of its page) has no static SVG: it is drawn only when the reader opens its disclosure, and
// then offers its PNG and SVG. Without JavaScript its table of values stands in for it.
(function () {
  "use strict";
  // The bundle sits beside this script; resolve it from our own address, which is right on
  // every page depth (document.currentScript is only set while this script first runs).
  var self = document.currentScript;
  var bundleUrl = new URL("vega.bundle.js", self && self.src ? self.src : document.baseURI).href;
  var bundle = null;

  function loadBundle() {
    if (!bundle) {
      bundle = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        // As a module: the bundle declares top-level constants, which a classic script would
        // put in the page's global scope. It assigns window.vegaEmbed when it has run.
        tag.type = "module";
        tag.src = bundleUrl;
        tag.onload = function () {
          if (typeof window.vegaEmbed === "function") resolve(window.vegaEmbed);
          else reject(new Error("vega.bundle.js did not define vegaEmbed"));
        };
        tag.onerror = function () { reject(new Error("vega.bundle.js did not load")); };
        document.head.appendChild(tag);
      });
      bundle.catch(function () { bundle = null; });  // let a later chart try again
    }
    return bundle;
  }

  function fetchSpec(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("chart spec " + url + ": HTTP " + response.status);
      return response.json();
    });
  }

  function enhance(figure) {
    if (figure.getAttribute("data-state")) return;
    figure.setAttribute("data-state", "loading");
    var target = figure.querySelector(".chart-static");
    var specUrl = new URL(figure.getAttribute("data-spec"), document.baseURI).href;
    Promise.all([loadBundle(), fetchSpec(specUrl)])
      .then(function (results) {
        var holder = document.createElement("div");
        holder.className = "chart-interactive";
        holder.hidden = true;  // drawn off-screen first: the static chart stays until this one is ready
        target.parentNode.insertBefore(holder, target);  // in the figure, or in a deferred chart's disclosure
        // ast: expressions read by Vega's interpreter, not compiled with new Function, which the
        // site's Content-Security-Policy forbids (no 'unsafe-eval').
        return results[0](holder, results[1], { actions: false, renderer: "svg", tooltip: { theme: "light" }, ast: true })
          .then(function (result) {
            var svg = holder.querySelector("svg");
            if (!svg || !target) throw new Error("no chart drawn");
            svg.setAttribute("role", "img");
            svg.setAttribute("aria-labelledby", figure.getAttribute("aria-labelledby") || "");
            holder.hidden = false;
            target.remove();
            figure.setAttribute("data-state", "interactive");
            offerImages(figure, result.view);
          })
          .catch(function (error) { holder.remove(); throw error; });
      })
      .catch(function () { figure.setAttribute("data-state", "static"); });
  }

  // Buttons for the downloads a chart drawn here lacks (its PNG; a deferred chart's SVG too):
  // only the formats its paragraph names in a data-png / data-svg label. The image is made by
  // Vega from the view drawn here when the button is pressed, so none is made for charts nobody
  // downloads, and no data: link sits in the page.
  function offerImages(figure, view) {
    var downloads = figure.querySelector(".chart-downloads");
    if (!downloads || !view || typeof view.toImageURL !== "function") return;
    [["png", 2], ["svg", 1]].filter(function (format) {
      return downloads.hasAttribute("data-" + format[0]);
    }).forEach(function (format) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "chart-image";
      button.textContent = downloads.getAttribute("data-" + format[0]);
      button.addEventListener("click", function () {
        view.toImageURL(format[0], format[1]).then(function (url) {
          var link = document.createElement("a");
          link.href = url;
          link.download = figure.id + "." + format[0];
          document.body.appendChild(link);
          link.click();
          link.remove();
        });
      });
      downloads.appendChild(document.createTextNode(" · "));
      downloads.appendChild(button);
    });
  }

  // A deferred chart is drawn when its disclosure is opened, not when it scrolls into view.
  function watchDeferred(figure) {
    var disclosure = figure.querySelector("details.chart-open");
    if (!disclosure) return;
    if (disclosure.open) { enhance(figure); return; }
    disclosure.addEventListener("toggle", function () { if (disclosure.open) enhance(figure); });
  }

  var observer = null;

  function start() {
    var all = Array.prototype.slice.call(document.querySelectorAll("figure.chart[data-spec]:not([data-watched])"));
    all.filter(function (f) { return f.hasAttribute("data-deferred"); }).forEach(function (figure) {
      figure.setAttribute("data-watched", "");
      watchDeferred(figure);
    });
    var figures = all.filter(function (f) { return !f.hasAttribute("data-deferred"); });
    figures.forEach(function (figure) {
      figure.setAttribute("data-watched", "");
      ["mouseenter", "focusin", "touchstart"].forEach(function (name) {
        figure.addEventListener(name, function () { enhance(figure); }, { once: true, passive: true });
      });
    });
    if (!figures.length || !("IntersectionObserver" in window)) return;
    if (!observer) {
      observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) { observer.unobserve(entry.target); enhance(entry.target); }
        });
      }, { rootMargin: "200px" });
    }
    // Start watching on the reader's first interaction (a scroll, a pointer, a key): a chart in
    // view on arrival stays static until then, so the bundle is never part of the first load.
    var events = ["scroll", "wheel", "pointerdown", "pointermove", "keydown", "touchstart"];
    function watch() {
      events.forEach(function (name) { window.removeEventListener(name, watch, true); });
      figures.forEach(function (f) { observer.observe(f); });
    }
    events.forEach(function (name) { window.addEventListener(name, watch, { capture: true, passive: true }); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  // mkdocs-material's instant navigation swaps pages without running scripts again.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
})();
