/* "Find your commune" (templates/communes.md): an old or new commune, ward or township name,
 * with or without diacritics, lists the matching units and links each to its current unit's
 * anchor on its province's page. The lookup (commune-lookup.js and the piece of the data a
 * query needs) is fetched from this site on the first keystroke. Every name is data: the list
 * is built with textContent and createElement, never innerHTML. */
(function () {
  "use strict";
  var finder = document.getElementById("commune-finder");
  if (!finder) return;
  var input = document.getElementById("commune-query");
  var status = document.getElementById("commune-status");
  var list = document.getElementById("commune-results");
  var labels = JSON.parse(document.getElementById("commune-labels").textContent);
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

  function unitLink(m, target, text) {
    var a = element("a", "commune-link", text);
    a.setAttribute("href", root + m.unitHref(target));
    return a;
  }

  function item(m, row) {
    var current = row[0] === "c";
    var li = element("li", "commune-result commune-" + (current ? "current" : "former"));
    var head = element("p", "commune-head");
    head.appendChild(current ? unitLink(m, row[7][0], row[2]) : element("strong", "commune-name", row[2]));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(element("span", "commune-era", current ? labels.current : labels.former));
    li.appendChild(head);
    var where = [labels["type." + row[3]] || row[3], row[5], row[6]].filter(Boolean).join(" · ");
    li.appendChild(element("p", "commune-where", where));
    if (!current) {
      var to = element("p", "commune-to", labels.went_to + " ");
      if (!row[7].length) to.appendChild(document.createTextNode(labels.not_linked));
      row[7].forEach(function (target, i) {
        if (i) to.appendChild(document.createTextNode("; "));
        to.appendChild(unitLink(m, target, target[1]));
        to.appendChild(document.createTextNode(" (" + target[3] + ")"));
      });
      li.appendChild(to);
    }
    return li;
  }

  function show(m, found) {
    var shown = found.slice(0, MAX_SHOWN);
    var count = found.length === 1 ? say("one") : say("other", { count: found.length });
    status.textContent = !found.length ? say("none", { query: input.value.trim() })
      : found.length > shown.length ? count + " " + say("more", { shown: shown.length }) : count;
    list.replaceChildren.apply(list, shown.map(function (row) { return item(m, row); }));
  }

  function search() {
    var text = input.value;
    if (!text.trim()) {
      status.textContent = say("hint");
      list.replaceChildren();
      return;
    }
    status.textContent = say("loading");
    load().then(function (m) {
      return lookup.find(text).then(function (found) {
        if (input.value !== text) return;  // the reader typed on
        if (!found.length && m.tooShort(text)) {
          status.textContent = say("hint");
          list.replaceChildren();
        } else {
          show(m, found);
        }
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
