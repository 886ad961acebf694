/* The header search box (partials/search.html), answered by Pagefind and the commune lookup.
 *
 * Nothing of either is fetched when a page loads: pagefind/pagefind.js (and through it the
 * index, in small pieces) and commune-lookup.js are imported on the first keystroke. Units
 * whose name matches come first, each linked to its current unit on its province's page
 * (Pagefind ranks by words, so "phuc xa" alone would bring pages with many a "Phúc" and "Xã");
 * then Pagefind's pages, a page titled as typed (a province's name) first. Results are built with
 * textContent; Pagefind's excerpts keep only their <mark> highlights, read from an inert
 * document, never inserted as HTML, and lose the folded copies of words with đ that the index
 * holds beside them ("Đà da Nẵng": publish/search_index.py). */
(function () {
  "use strict";
  var box = document.querySelector("[data-site-search]");
  if (!box) return;
  var input = box.querySelector(".md-search__input");
  var form = box.querySelector(".md-search__form");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var toggle = document.getElementById("__search");
  var root = new URL(box.getAttribute("data-root") || "./", document.baseURI);  // this edition: its pages
  var siteRoot = new URL(box.getAttribute("data-site-root") || "./", document.baseURI);  // the index and lookup, once for all editions
  var text = function (name) { return box.getAttribute("data-text-" + name) || ""; };
  var pagefind = null;
  var communes = null;
  var MAX_RESULTS = 10;
  var MAX_SUB_RESULTS = 3;
  var MAX_UNITS = 5;

  function loadCommunes() {
    communes = communes || import(new URL("assets/search/commune-lookup.js", root).href).then(function (m) {
      return { module: m, lookup: m.communeLookup(new URL(box.getAttribute("data-lookup"), siteRoot)) };
    });
    return communes;
  }

  function findUnits(query) {
    return loadCommunes().then(function (c) {
      if (c.module.tooShort(query)) return [];
      return c.lookup.find(query).then(function (match) {
        return Promise.all(match.candidates.slice(0, MAX_UNITS).map(function (found) { return c.lookup.summary(found.row, text); }));
      }).then(function (units) {
        return units.filter(Boolean).map(function (unit) {
          var li = document.createElement("li");
          li.className = "md-search-result__item";
          var href = new URL(unit.href, root);
          li.appendChild(link(href.pathname + href.hash, unit.title, null, "h1", unit.where));
          return li;
        });
      });
    }).catch(function () { return []; });  // pages are still found without the lookup
  }

  var excerpts = null;  // search-excerpts.js, imported with Pagefind: the excerpts' words without
  var cleaner = null;    // the index's folded copies; the module once it has come

  function loadPagefind() {
    if (!pagefind) {
      excerpts = import(new URL("assets/search/search-excerpts.js", root).href);
      pagefind = import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (pf) {
        // Result URLs are site-relative ("/vi/provinces/x/"); the site may live below a path.
        return pf.options({ baseUrl: siteRoot.pathname, excerptLength: 24 }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  function setOpen(open) {
    if (toggle && toggle.checked !== open) toggle.checked = open;
  }

  function excerpt(html) {
    // Keep the text and the <mark> highlights of Pagefind's excerpt; drop any other markup.
    var tokens = [];
    var doc = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
    doc.body.childNodes.forEach(function (node) {
      var marked = node.nodeType === Node.ELEMENT_NODE && node.tagName === "MARK";
      node.textContent.split(/(\s+)/).forEach(function (text) { if (text) tokens.push({ text: text, marked: marked }); });
    });
    var p = document.createElement("p");
    (cleaner ? cleaner.withoutFoldedCopies(tokens) : tokens).forEach(function (token) {
      if (token.marked) {
        var mark = document.createElement("mark");
        mark.textContent = token.text;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(token.text));
      }
    });
    return p;
  }

  function link(url, title, html, level, plain) {
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var heading = document.createElement(level);
    heading.textContent = title;
    article.appendChild(heading);
    if (html) article.appendChild(excerpt(html));
    if (plain) {
      var p = document.createElement("p");
      p.textContent = plain;
      article.appendChild(p);
    }
    a.appendChild(article);
    return a;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    li.appendChild(link(data.url, (data.meta && data.meta.title) || data.url, data.excerpt, "h1"));
    (data.sub_results || []).filter(function (sub) { return sub.url !== data.url; })
      .slice(0, MAX_SUB_RESULTS).forEach(function (sub) {
        li.appendChild(link(sub.url, sub.title, sub.excerpt, "h2"));
      });
    return li;
  }

  function show(count, items) {
    meta.textContent = count === 0 ? text("none") : count === 1 ? text("one") : text("other").replace("#", String(count));
    list.replaceChildren.apply(list, items);
  }

  function search() {
    var query = input.value.trim();
    if (!query) {
      meta.textContent = text("placeholder");
      list.replaceChildren();
      return;
    }
    loadPagefind().then(function (pf) {
      return pf.debouncedSearch(query, {}, 150);
    }).then(function (found) {
      if (!found || input.value.trim() !== query) return null;  // a newer query is on its way
      var pages = Promise.all(found.results.slice(0, MAX_RESULTS).map(function (r) { return r.data(); }));
      return Promise.all([loadCommunes(), findUnits(query), pages, excerpts]).then(function (parts) {
        if (input.value.trim() !== query) return;
        cleaner = parts[3];
        var units = parts[1], data = parts[2], fold = parts[0].module.fold;
        // Pages titled as typed ("da nang": the province, then the former province) come first,
        // above the units of that name.
        var titled = function (d) { return fold((d.meta && d.meta.title) || "") === fold(query); };
        var lead = data.filter(titled).sort(function (a, b) { return a.url.indexOf("/former/") - b.url.indexOf("/former/"); });
        var rest = data.filter(function (d) { return !titled(d); });
        show(units.length + found.results.length, lead.map(item).concat(units, rest.map(item)));
      });
    }).catch(function (error) {
      meta.textContent = String(error && error.message || error);
    });
  }

  input.addEventListener("input", search);
  input.addEventListener("focus", function () { setOpen(true); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) window.location.href = first.href;
  });
  form.addEventListener("reset", function () { setTimeout(search, 0); });
  if (toggle) {
    toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });
  }
  document.addEventListener("keydown", function (event) {
    var typing = event.target instanceof HTMLElement && event.target.closest("input, textarea, select, [contenteditable]");
    if (event.key === "Escape" && toggle && toggle.checked) {
      setOpen(false);
      input.blur();
    } else if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "/" || event.key === "s")) {
      event.preventDefault();
      setOpen(true);
      input.focus();
      input.select();
    }
  });
})();
