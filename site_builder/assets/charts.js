// Makes the static SVG charts interactive (tooltips) where JavaScript runs.
// Loaded on every page; it is small. The Vega bundle (about 900 KB) is fetched only when a
// chart scrolls into view or gets hover/focus, never on first paint. If anything fails, the
// static SVG rendered at build time stays in place.
(function () {
  "use strict";
  var script = document.currentScript;
  var bundleUrl = new URL("vega.bundle.js", script ? script.src : document.baseURI).href;
  var bundle = null;

  function loadBundle() {
    if (!bundle) {
      bundle = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = bundleUrl;
        tag.onload = function () { window.vegaEmbed ? resolve(window.vegaEmbed) : reject(new Error("no vegaEmbed")); };
        tag.onerror = reject;
        document.head.appendChild(tag);
      });
    }
    return bundle;
  }

  function enhance(figure) {
    if (figure.dataset.state) return;
    figure.dataset.state = "loading";
    var specUrl = new URL(figure.getAttribute("data-spec"), document.baseURI).href;
    var target = figure.querySelector(".chart-static");
    Promise.all([loadBundle(), fetch(specUrl).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })])
      .then(function (results) {
        var holder = document.createElement("div");
        holder.className = "chart-interactive";
        return results[0](holder, results[1], { actions: false, renderer: "svg", tooltip: { theme: "light" } })
          .then(function () {
            var svg = holder.querySelector("svg");
            if (svg && target) {
              svg.setAttribute("role", "img");
              svg.setAttribute("aria-labelledby", figure.getAttribute("aria-labelledby") || "");
              target.replaceWith(holder);
            }
            figure.dataset.state = "interactive";
          });
      })
      .catch(function () { figure.dataset.state = "static"; });
  }

  function start() {
    var figures = Array.prototype.slice.call(document.querySelectorAll("figure.chart[data-spec]"));
    if (!figures.length) return;
    figures.forEach(function (figure) {
      ["mouseenter", "focusin", "touchstart"].forEach(function (name) {
        figure.addEventListener(name, function () { enhance(figure); }, { once: true, passive: true });
      });
    });
    if ("IntersectionObserver" in window) {
      var observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) { observer.unobserve(entry.target); enhance(entry.target); }
        });
      }, { rootMargin: "200px" });
      // Observe after first paint so the bundle never competes with the page itself.
      window.requestAnimationFrame(function () { setTimeout(function () { figures.forEach(function (f) { observer.observe(f); }); }, 0); });
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  // mkdocs-material's instant navigation swaps pages without reloading scripts.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
})();
