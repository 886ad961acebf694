// Makes the static SVG charts interactive (tooltips) where JavaScript runs.
// Loaded on every page; it is small. The Vega bundle (about 900 KB, served by this site) is
// fetched only when a chart scrolls into view or gets hover/focus, never on first paint.
// If anything fails, the static SVG drawn at build time stays in place.
// Every chart offers its PNG and SVG (buttons this script adds; no image file is offered at build
// time): made by Vega from the view drawn here (drawn first if it is not yet) and framed by
// chart-download.js with the chart's title, source line and licence, so a copy keeps where it
// comes from. A deferred chart (data-deferred: past the first few of its page) has no static
// SVG: it is drawn when the reader opens its disclosure. Without JavaScript its table of values
// stands in for it, and its CSV is the download.
(function () {
  "use strict";
  // The bundle sits beside this script; resolve it from our own address, which is right on
  // every page depth (document.currentScript is only set while this script first runs).
  var self = document.currentScript;
  var bundleUrl = new URL("vega.bundle.js", self && self.src ? self.src : document.baseURI).href;
  // The framing of downloaded charts (chart-download.js), a module fetched on the first download.
  var downloadsUrl = new URL("chart-download.js", self && self.src ? self.src : document.baseURI).href;
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

  var views = new WeakMap();  // figure -> the promise of its drawn view

  function darkScheme() {
    return document.body && document.body.getAttribute("data-md-color-scheme") === "slate";
  }

  // Draw the chart from its spec in place of the static SVG; the promise of its Vega view.
  function enhance(figure) {
    if (views.has(figure)) return views.get(figure);
    figure.setAttribute("data-state", "loading");
    var target = figure.querySelector(".chart-static");
    var specUrl = new URL(figure.getAttribute("data-spec"), document.baseURI).href;
    var drawn = Promise.all([loadBundle(), fetchSpec(specUrl)])
      .then(function (results) {
        var holder = document.createElement("div");
        holder.className = "chart-interactive";
        holder.hidden = true;  // drawn off-screen first: the static chart stays until this one is ready
        target.parentNode.insertBefore(holder, target);  // in the figure, or in a deferred chart's disclosure
        // ast: expressions read by Vega's interpreter, not compiled with new Function, which the
        // site's Content-Security-Policy forbids (no 'unsafe-eval').
        return results[0](holder, results[1], { actions: false, renderer: "svg", tooltip: { theme: darkScheme() ? "dark" : "light" }, ast: true })
          .then(function (result) {
            var svg = holder.querySelector("svg");
            if (!svg || !target) throw new Error("no chart drawn");
            svg.setAttribute("role", "img");
            svg.setAttribute("aria-labelledby", figure.getAttribute("aria-labelledby") || "");
            svg.querySelectorAll("[role^=graphics-]").forEach(function (m) { m.removeAttribute("role"); });
            holder.hidden = false;
            target.remove();
            figure.setAttribute("data-state", "interactive");
            return result.view;
          })
          .catch(function (error) { holder.remove(); throw error; });
      });
    drawn.catch(function () {
      views.delete(figure);  // a later click may try again
      figure.setAttribute("data-state", "static");
    });
    views.set(figure, drawn);
    return drawn;
  }

  // The PNG and SVG buttons of a chart: only the formats its paragraph names (data-png, data-svg).
  function offerImages(figure) {
    var downloads = figure.querySelector(".chart-downloads");
    if (!downloads || downloads.querySelector("button.chart-image")) return;
    ["png", "svg"].filter(function (format) {
      return downloads.hasAttribute("data-" + format);
    }).forEach(function (format) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "chart-image";
      button.textContent = downloads.getAttribute("data-" + format);
      button.addEventListener("click", function () {
        button.disabled = true;
        Promise.all([enhance(figure), import(downloadsUrl)])
          .then(function (parts) { return parts[1].saveChart(figure, parts[0], format); })
          .catch(function () {})
          .then(function () { button.disabled = false; });
      });
      downloads.appendChild(document.createTextNode(" · "));
      downloads.appendChild(button);
    });
  }

  // A deferred chart is drawn when its disclosure is opened, not when it scrolls into view.
  function watchDeferred(figure) {
    var disclosure = figure.querySelector("details.chart-open");
    if (!disclosure) return;
    if (disclosure.open) { enhance(figure).catch(function () {}); return; }
    disclosure.addEventListener("toggle", function () { if (disclosure.open) enhance(figure).catch(function () {}); });
  }

  var observer = null;

  function start() {
    var all = Array.prototype.slice.call(document.querySelectorAll("figure.chart[data-spec]:not([data-watched])"));
    all.forEach(offerImages);
    all.filter(function (f) { return f.hasAttribute("data-deferred"); }).forEach(function (figure) {
      figure.setAttribute("data-watched", "");
      watchDeferred(figure);
    });
    var figures = all.filter(function (f) { return !f.hasAttribute("data-deferred"); });
    figures.forEach(function (figure) {
      figure.setAttribute("data-watched", "");
      ["mouseenter", "focusin", "touchstart"].forEach(function (name) {
        figure.addEventListener(name, function () { enhance(figure).catch(function () {}); }, { once: true, passive: true });
      });
    });
    if (!figures.length || !("IntersectionObserver" in window)) return;
    if (!observer) {
      observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) { observer.unobserve(entry.target); enhance(entry.target).catch(function () {}); }
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
