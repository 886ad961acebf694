// The chart downloads of charts.js: a chart's PNG or SVG, made by Vega from the view drawn on the
// page, framed by the chart's title above it (its caption's .chart-title) and below it its source
// line (the figure's data-source), then the site, the page's full address and the licence (the
// header's site name, the canonical address, the footer's copyright line), on white whatever the
// page's colour scheme, so that a chart pasted into a report keeps where it comes from. The PNG
// also carries them as metadata (iTXt chunks: Title, Description, Copyright); the SVG as its
// <title> and <desc>.
// An ES module, imported by charts.js on the first download.

var FONT = "'Noto Sans', Arial, Helvetica, sans-serif";
var TITLE = { font: "bold 14px " + FONT, size: 14, line: 19 };
var NOTE = { font: "11px " + FONT, size: 11, line: 15 };
var PAD = 12;
var MIN_WIDTH = 360;

// Text broken into lines no wider than `width` (measured with the style's font).
function wrap(text, width, style) {
  var context = document.createElement("canvas").getContext("2d");
  context.font = style.font;
  var lines = [];
  (text || "").split(/\s+/).filter(Boolean).forEach(function (word) {
    var last = lines.length - 1;
    if (last >= 0 && context.measureText(lines[last] + " " + word).width <= width) lines[last] += " " + word;
    else lines.push(word);
  });
  return lines;
}

function textOf(element) {
  return element ? element.textContent.replace(/\s+/g, " ").trim() : "";
}

// What a downloaded chart says of itself: its title, where its values come from, and the site,
// the page's address and the licence.
function describe(figure) {
  var canonical = document.querySelector('link[rel="canonical"]');
  var site = [textOf(document.querySelector(".md-header__topic .md-ellipsis")), canonical ? canonical.href : window.location.href];
  return {
    title: textOf(figure.querySelector(".chart-title")),
    source: figure.getAttribute("data-source") || "",
    licence: [site.filter(Boolean).join(", "), textOf(document.querySelector(".md-copyright__highlight"))].filter(Boolean).join(" · "),
  };
}

// Where the title, the chart and the notes go for a chart `width` × `height` wide.
function frame(figure, width, height) {
  var outer = Math.max(width, MIN_WIDTH);
  var said = describe(figure);
  var title = wrap(said.title, outer - 2 * PAD, TITLE);
  var notes = [said.source, said.licence].reduce(function (all, text) {
    return all.concat(wrap(text, outer - 2 * PAD, NOTE));
  }, []);
  var top = PAD + title.length * TITLE.line + 6;
  return { width: outer, height: top + height + 8 + notes.length * NOTE.line + PAD, top: top, title: title, notes: notes,
           notesTop: top + height + 8 };
}

function fontsReady() {
  return document.fonts && document.fonts.load
    ? Promise.all([document.fonts.load(TITLE.font), document.fonts.load(NOTE.font)]).catch(function () {})
    : Promise.resolve();
}

function framedPng(figure, view) {
  var scale = 2;
  return Promise.all([view.toCanvas(scale), fontsReady()]).then(function (parts) {
    var chart = parts[0];
    var width = chart.width / scale, height = chart.height / scale;
    var f = frame(figure, width, height);
    var canvas = document.createElement("canvas");
    canvas.width = f.width * scale;
    canvas.height = f.height * scale;
    var c = canvas.getContext("2d");
    c.scale(scale, scale);
    c.fillStyle = "#ffffff";
    c.fillRect(0, 0, f.width, f.height);
    c.textBaseline = "top";
    c.fillStyle = "#000000";
    c.font = TITLE.font;
    f.title.forEach(function (line, i) { c.fillText(line, PAD, PAD + i * TITLE.line); });
    c.drawImage(chart, 0, f.top, width, height);
    c.fillStyle = "#333333";
    c.font = NOTE.font;
    f.notes.forEach(function (line, i) { c.fillText(line, PAD, f.notesTop + i * NOTE.line); });
    return new Promise(function (resolve) { canvas.toBlob(resolve, "image/png"); });
  }).then(function (blob) { return blob.arrayBuffer(); }).then(function (bytes) {
    var said = describe(figure);
    return new Blob([pngWithText(new Uint8Array(bytes), [
      ["Title", said.title], ["Description", said.source], ["Copyright", said.licence],
    ])], { type: "image/png" });
  });
}

function framedSvg(figure, view) {
  return view.toSVG().then(function (markup) {
    var NS = "http://www.w3.org/2000/svg";
    var chart = new DOMParser().parseFromString(markup, "image/svg+xml").documentElement;
    var width = parseFloat(chart.getAttribute("width")) || 0, height = parseFloat(chart.getAttribute("height")) || 0;
    var f = frame(figure, width, height);
    var doc = document.implementation.createDocument(NS, "svg", null);
    var root = doc.documentElement;
    var add = function (parent, name, attributes, text) {
      var element = doc.createElementNS(NS, name);
      Object.keys(attributes).forEach(function (key) { element.setAttribute(key, attributes[key]); });
      if (text !== undefined) element.textContent = text;
      parent.appendChild(element);
      return element;
    };
    root.setAttribute("width", String(f.width));
    root.setAttribute("height", String(f.height));
    root.setAttribute("viewBox", "0 0 " + f.width + " " + f.height);
    var said = describe(figure);
    add(root, "title", {}, said.title);
    add(root, "desc", {}, [said.source, said.licence].filter(Boolean).join("\n"));
    add(root, "rect", { width: String(f.width), height: String(f.height), fill: "#ffffff" });
    var lines = function (list, top, style, colour, weight) {
      list.forEach(function (line, i) {
        add(root, "text", { x: String(PAD), y: String(top + i * style.line + style.size), "font-family": FONT,
                            "font-size": style.size + "px", "font-weight": weight, fill: colour }, line);
      });
    };
    lines(f.title, PAD, TITLE, "#000000", "bold");
    chart.setAttribute("x", "0");
    chart.setAttribute("y", String(f.top));
    root.appendChild(doc.importNode(chart, true));
    lines(f.notes, f.notesTop, NOTE, "#333333", "normal");
    return new Blob([new XMLSerializer().serializeToString(doc)], { type: "image/svg+xml" });
  });
}

// PNG text chunks (iTXt: UTF-8) after the header chunk, so the file itself says what it is.
var CRC_TABLE = (function () {
  var table = new Uint32Array(256);
  for (var n = 0; n < 256; n++) {
    var c = n;
    for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  var crc = 0xffffffff;
  for (var i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  var body = new Uint8Array(4 + data.length);
  body.set(new TextEncoder().encode(type), 0);
  body.set(data, 4);
  var out = new Uint8Array(12 + data.length);
  var view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(body, 4);
  view.setUint32(8 + data.length, crc32(body));
  return out;
}

function pngWithText(png, entries) {
  var encoder = new TextEncoder();
  var chunks = entries.filter(function (entry) { return entry[1]; }).map(function (entry) {
    var keyword = encoder.encode(entry[0]), text = encoder.encode(entry[1]);
    var data = new Uint8Array(keyword.length + 5 + text.length);  // keyword, 0, no compression (0, 0), no language (0), no translated keyword (0)
    data.set(keyword, 0);
    data.set(text, keyword.length + 5);
    return chunk("iTXt", data);
  });
  var afterHeader = 8 + 12 + 13;  // the signature, then IHDR (length, type, 13 bytes of data, CRC)
  var size = png.length + chunks.reduce(function (sum, c) { return sum + c.length; }, 0);
  var out = new Uint8Array(size);
  out.set(png.subarray(0, afterHeader), 0);
  var at = afterHeader;
  chunks.forEach(function (c) { out.set(c, at); at += c.length; });
  out.set(png.subarray(afterHeader), at);
  return out;
}

function save(blob, name) {
  var url = URL.createObjectURL(blob);
  var link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
}


/** Make the chart of `figure` as `format` ("png" or "svg") from its Vega `view`, and save it. */
export function saveChart(figure, view, format) {
  return (format === "png" ? framedPng : framedSvg)(figure, view).then(function (blob) {
    save(blob, figure.id + "." + format);
  });
}
