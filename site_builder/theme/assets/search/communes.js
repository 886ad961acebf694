/* "Find your commune" (templates/communes.md): an address or a name, old or new, with or
 * without diacritics, lists the units it may mean, best first, each linked to its current unit's
 * anchor on its province's page; a former unit lists every current unit its area went to. The
 * lookup (commune-lookup.js, and the pieces of the data a query needs) is fetched from this site
 * on the first keystroke; the query stays in the address (?q=) so a result can be shared.
 * Every name is data: the list is built with textContent and createElement, never innerHTML. */
(function () {
  "use strict";
  var finder = document.getElementById("commune-finder");
  if (!finder) return;
  var input = document.getElementById("commune-query");
  var status = document.getElementById("commune-status");
  var list = document.getElementById("commune-results");
  var labels = JSON.parse(document.getElementById("commune-labels").textContent);
  var resolutions = JSON.parse(document.getElementById("commune-resolutions").textContent);
  var root = finder.getAttribute("data-root") || "";
  var MAX_SHOWN = 50;
  var module = null;
  var lookup = null;

  function load() {
    module = module || import(new URL(root + "assets/search/commune-lookup.js", document.baseURI).href).then(function (m) {
      lookup = m.communeLookup(new URL(finder.getAttribute("data-lookup"), document.baseURI));
      return m;
    });
    return module;
  }

  function say(key, values) {
    var text = labels[key] || "";
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(String(values[name])); });
    return text;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function unitLink(m, code, slug, text) {
    var a = element("a", "commune-link", text);
    a.setAttribute("href", root + m.unitHref(code, slug));
    return a;
  }

  function lawLine(provinceIds) {
    var p = element("p", "commune-law", labels.legal_basis + " ");
    provinceIds.forEach(function (id, i) {
      if (i) p.appendChild(document.createTextNode("; "));
      var law = resolutions[id];
      if (!law) {
        p.appendChild(document.createTextNode(say("not_recorded")));
        return;
      }
      var a = element("a", "commune-law-link", law.label);
      a.setAttribute("href", law.url);
      a.setAttribute("rel", "noopener");
      p.appendChild(a);
      if (law.adopted) p.appendChild(document.createTextNode(" (" + law.adopted + ")"));
    });
    return p;
  }

  function item(m, candidate, places, best) {
    var row = candidate.row;
    var current = row[0] === "c";
    var targets = row[7];
    var li = element("li", "commune-result commune-" + (current ? "current" : "former") + (best ? " commune-best" : ""));
    li.setAttribute("data-code", row[1]);
    var head = element("p", "commune-head");
    head.appendChild(current ? unitLink(m, row[1], places[row[6]][2], row[3]) : element("strong", "commune-name", row[3]));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(element("span", "commune-era", current ? labels.current : labels.former));
    if (candidate.fuzzy) head.appendChild(element("span", "commune-note", " " + labels.fuzzy));
    li.appendChild(head);
    var district = row[5] ? places.districts[row[5]] : null;
    var where = [labels["type." + row[4]] || row[4], district ? district[2] : "", places[row[6]][1]].filter(Boolean).join(" · ");
    li.appendChild(element("p", "commune-where", where));
    if (!current) {
      var to = element("p", "commune-to", labels.went_to + " ");
      if (!targets.length) to.appendChild(document.createTextNode(labels.not_linked));
      targets.forEach(function (target, i) {
        if (i) to.appendChild(document.createTextNode("; "));
        to.appendChild(unitLink(m, target[0], places[target[2]][2], target[1]));
        to.appendChild(document.createTextNode(" (" + places[target[2]][1] + ")"));
        if (targets.length > 1) to.appendChild(element("span", "unit-part", " " + (target[3] ? labels.main_part : labels.part)));
      });
      li.appendChild(to);
      if (targets.length > 1) li.appendChild(element("p", "commune-divided", say("divided", { count: targets.length })));
    }
    var provinceIds = targets.map(function (t) { return t[2]; }).filter(function (id, i, all) { return all.indexOf(id) === i; });
    if (provinceIds.length) li.appendChild(lawLine(provinceIds));
    return li;
  }

  function placesOf(found) {
    // The provinces and districts the shown rows name, looked up once each.
    var ids = {}, codes = {};
    found.forEach(function (c) {
      ids[c.row[6]] = true;
      c.row[7].forEach(function (t) { ids[t[2]] = true; });
      if (c.row[5]) codes[c.row[5]] = true;
    });
    var places = { districts: {} };
    return Promise.all(Object.keys(ids).map(function (id) {
      return lookup.province(id).then(function (p) { places[id] = p; });
    }).concat(Object.keys(codes).map(function (code) {
      return lookup.district(code).then(function (d) { places.districts[code] = d; });
    }))).then(function () { return places; });
  }

  function statusText(match, shown) {
    var count = match.candidates.length;
    if (!count) return say("none", { query: input.value.trim() });
    if (match.status === "ambiguous") {
      var top = match.candidates.filter(function (c) { return c.score === match.candidates[0].score; }).length;
      return say("ambiguous", { count: top }) + (count > shown ? " " + say("more", { shown: shown }) : "");
    }
    var text = count === 1 ? say("one") : say("other", { count: count });
    if (match.status === "likely") text += " " + say("likely");
    return text + (count > shown ? " " + say("more", { shown: shown }) : "");
  }

  function show(m, match) {
    var shown = match.candidates.slice(0, MAX_SHOWN);
    return placesOf(shown).then(function (places) {
      status.textContent = statusText(match, shown.length);
      finder.setAttribute("data-match", match.status);
      list.replaceChildren.apply(list, shown.map(function (c, i) {
        return item(m, c, places, i === 0 && match.status !== "ambiguous");
      }));
    });
  }

  function remember(text) {
    var url = new URL(window.location.href);
    if (text.trim()) url.searchParams.set("q", text); else url.searchParams.delete("q");
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
  }

  function search() {
    var text = input.value;
    remember(text);
    if (!text.trim()) {
      status.textContent = say("hint");
      finder.removeAttribute("data-match");
      list.replaceChildren();
      return;
    }
    status.textContent = say("loading");
    load().then(function (m) {
      return lookup.find(text).then(function (match) {
        if (input.value !== text) return null;  // the reader typed on
        if (!match.candidates.length && m.tooShort(text)) {
          status.textContent = say("hint");
          list.replaceChildren();
          return null;
        }
        return show(m, match);
      });
    }).catch(function () {
      status.textContent = say("failed");
    });
  }

  input.addEventListener("input", search);
  finder.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); search(); });
  var given = new URLSearchParams(window.location.search).get("q");
  if (given) {
    input.value = given;
    search();
  }
})();
