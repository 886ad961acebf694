/* Sortable tables (an indicator's comparison across provinces): each heading marked data-sort
   gets a button; pressing it sorts the rows by that column's data-sort-value (numbers or text),
   and pressing it again reverses the order. Rows without a value (gaps) stay last. The table is
   complete without this script; it only reorders rows that are already there. */
(function () {
  "use strict";
  function value(row, index, numeric) {
    var cell = row.cells[index];
    var raw = cell ? cell.getAttribute("data-sort-value") : null;
    if (raw === null || raw === "") return null;
    return numeric ? parseFloat(raw) : raw;
  }
  function sortBy(table, index, numeric, descending) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = value(a, index, numeric), y = value(b, index, numeric);
      if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
      var order = numeric ? x - y : String(x).localeCompare(String(y));
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  function init(table) {
    var headings = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headings, function (th, index) {
      var kind = th.getAttribute("data-sort");
      if (!kind) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var descending = th.getAttribute("aria-sort") === "ascending";
        Array.prototype.forEach.call(headings, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        sortBy(table, index, kind === "number", descending);
      });
    });
  }
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), init);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
