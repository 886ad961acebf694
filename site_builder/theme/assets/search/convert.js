/* The bulk conversion (templates/communes_convert.md): the reader's CSV file is read, matched
 * row by row and offered back for download, all in this page; nothing is sent anywhere (the
 * only requests are for this site's lookup files). CSV rules: address-csv.js; matching:
 * address-matcher.js over every unit (_all.json, fetched once). */
(function () {
  "use strict";
  var page = document.getElementById("address-convert");
  if (!page) return;
  var root = page.getAttribute("data-root") || "";
  var labels = JSON.parse(document.getElementById("convert-labels").textContent);
  var fileInput = document.getElementById("convert-file");
  var columnSelect = document.getElementById("convert-column");
  var button = document.getElementById("convert-run");
  var progress = document.getElementById("convert-progress");
  var status = document.getElementById("convert-status");
  var error = document.getElementById("convert-error");
  var download = document.getElementById("convert-download");
  var CHUNK = 250;  // rows between two updates of the progress bar
  var modules = null;
  var table = null;
  var fileName = "addresses.csv";

  // A label with a form per number (CLDR plural categories, as the page's translations give them)
  // takes the form of values.count in the page's language.
  var pluralRules = new Intl.PluralRules(document.documentElement.lang || "en");

  function say(key, values) {
    var text = labels[key] || key;
    if (typeof text === "object") text = text[pluralRules.select((values || {}).count)] || text.other;
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(String(values[name])); });
    return text;
  }

  function load() {
    modules = modules || Promise.all([
      import(new URL(root + "assets/search/commune-lookup.js", document.baseURI).href),
      import(new URL(root + "assets/search/address-csv.js", document.baseURI).href),
    ]).then(function (m) {
      var lookup = m[0].communeLookup(new URL(page.getAttribute("data-lookup"), document.baseURI));
      return { lookup: lookup, csv: m[1] };
    });
    return modules;
  }

  function fail(key, values) {
    error.textContent = say("error." + key, values);
    error.hidden = false;
    status.textContent = "";
    button.disabled = true;
  }

  function reset() {
    error.hidden = true;
    error.textContent = "";
    download.hidden = true;
    progress.hidden = true;
    progress.value = 0;
    if (download.href && download.href.indexOf("blob:") === 0) URL.revokeObjectURL(download.href);
  }

  function chooseFile() {
    reset();
    table = null;
    columnSelect.replaceChildren();
    button.disabled = true;
    var file = fileInput.files && fileInput.files[0];
    if (!file) return;
    fileName = file.name;
    status.textContent = say("reading");
    Promise.all([load(), file.arrayBuffer()]).then(function (parts) {
      var m = parts[0];
      return m.lookup.ready().then(function (base) {
        table = m.csv.readTable(parts[1], base.rules.csv);
        var preferred = m.csv.addressColumn(table.header, base.rules);
        table.header.forEach(function (name, i) {
          var option = document.createElement("option");
          option.value = String(i);
          option.textContent = name || say("column_number", { number: i + 1 });
          columnSelect.appendChild(option);
        });
        columnSelect.value = String(preferred >= 0 ? preferred : 0);
        button.disabled = false;
        status.textContent = say("ready", {
          rows: say("rows", { count: table.rows.length }), columns: say("columns", { count: table.header.length }), name: fileName,
        });
      });
    }).catch(function (problem) {
      if (problem && problem.key) fail(problem.key, problem.values);
      else fail("failed");
    });
  }

  function convert() {
    if (!table) return;
    reset();
    button.disabled = true;
    var column = Number(columnSelect.value);
    var rows = table.rows;
    progress.max = rows.length || 1;
    progress.hidden = false;
    status.textContent = say("loading");
    var counts = { exact: 0, likely: 0, ambiguous: 0, not_found: 0 };
    load().then(function (m) {
      return Promise.all([m.lookup.everyUnit(), m.lookup.ready()]).then(function (parts) {
        var matcher = parts[0], base = parts[1];
        var provinceName = function (id) { var p = base.places.provinces.get(id); return p ? p[1] : id; };
        var out = [];
        return new Promise(function (resolve) {
          (function step(start) {
            var end = Math.min(rows.length, start + CHUNK);
            for (var i = start; i < end; i++) {
              var match = matcher.match(rows[i][column] || "");
              counts[match.status] += 1;
              out.push(rows[i].concat(m.csv.outputCells(match, provinceName)));
            }
            progress.value = end;
            status.textContent = say("progress", { done: end, count: rows.length });
            if (end < rows.length) setTimeout(function () { step(end); }, 0);
            else resolve(out);
          })(0);
        }).then(function (converted) {
          var text = m.csv.writeTable(table.header.concat(m.csv.OUTPUT_COLUMNS), converted, table.delimiter, base.rules.csv);
          var blob = new Blob([text], { type: "text/csv;charset=utf-8" });
          download.href = URL.createObjectURL(blob);
          download.setAttribute("download", fileName.replace(/\.[^.]*$/, "") + "-converted.csv");
          download.hidden = false;
          status.textContent = say("done", {
            count: rows.length, exact: counts.exact, likely: counts.likely, ambiguous: counts.ambiguous, not_found: counts.not_found,
          });
          page.setAttribute("data-converted", String(rows.length));
          button.disabled = false;
        });
      });
    }).catch(function () {
      fail("failed");
    });
  }

  fileInput.addEventListener("change", chooseFile);
  button.addEventListener("click", convert);
  if (fileInput.files && fileInput.files.length) chooseFile();
})();
