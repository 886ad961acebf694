/* The bulk conversion's CSV rules, as site_builder/addresses/table.py has them (the rules'
 * `csv` entry gives the delimiters, the formula characters and the size limit).
 * In: UTF-8 with or without a byte-order mark; comma, semicolon or tab, whichever the header
 * line has most of. Out: BOM, CRLF, the input's delimiter, formula-like cells behind an apostrophe. */

import { nameWords } from "./address-matcher.js";

export const OUTPUT_COLUMNS = ["current_code", "current_name", "current_province", "match", "candidates"];

/** A file that cannot be read as a table; `key` names the message, `values` fill it. */
export class TableError extends Error {
  constructor(key, values) {
    super(key);
    this.key = key;
    this.values = values || {};
  }
}

/** The delimiter the first line has most of, outside quotes (a comma when none). */
export function detectDelimiter(text, csvRules) {
  const counts = new Map(csvRules.delimiters.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\r" || ch === "\n")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch) + 1);
  }
  const best = Math.max(...counts.values());
  return best ? csvRules.delimiters.find((d) => counts.get(d) === best) : ",";
}

/** The rows of CSV text (quotes, doubled quotes, CRLF, LF or CR line ends). */
export function parseCsv(text, delimiter) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** {header, rows, delimiter} of a file's bytes (an ArrayBuffer), or a TableError. */
export function readTable(buffer, csvRules) {
  const bytes = new Uint8Array(buffer);
  if (!bytes.some((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) throw new TableError("empty");
  if (bytes.length > csvRules.max_bytes) throw new TableError("too_big", { size: bytes.length, limit: csvRules.max_bytes });
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) throw new TableError("workbook");
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (error) {
    throw new TableError("not_utf8");
  }
  if (text.includes("\u0000")) throw new TableError("binary");
  const delimiter = detectDelimiter(text, csvRules);
  const rows = parseCsv(text, delimiter).filter((r) => r.some((cell) => cell.trim()));
  if (!rows.length) throw new TableError("no_rows");
  const [header, ...body] = rows;
  body.forEach((r, i) => {
    if (r.length > header.length) throw new TableError("ragged", { row: i + 2, cells: r.length, columns: header.length });
  });
  return { header, rows: body.map((r) => r.concat(Array(header.length - r.length).fill(""))), delimiter };
}

/** The first column whose name looks like an address ("Địa chỉ", "address"), or -1. */
export function addressColumn(header, rules) {
  const wanted = rules.addressHeaders.map((name) => nameWords(rules, name));
  return header.findIndex((name) => {
    const words = nameWords(rules, name);
    return wanted.some((phrase) => words.some((_, i) => phrase.every((w, n) => words[i + n] === w)));
  });
}

/** 'Excel reads =1+1 as a formula' -> "'=1+1", also at the start of a line inside the cell. */
export function formulaSafe(text, csvRules) {
  const starts = csvRules.formula_start;
  if (text.includes("\n") || text.includes("\r")) {
    text = text.replace(/(\r\n|\r|\n)/g, (match, newline, offset) => {
      const next = text[offset + match.length];
      return next !== undefined && starts.includes(next) ? newline + "'" : newline;
    });
  }
  return starts.some((s) => text.startsWith(s)) ? "'" + text : text;
}

/** The five cells OUTPUT_COLUMNS add for one match ({status, candidates, codes}). */
export function outputCells(match, provinceName) {
  const codes = match.codes.join(" ");
  const best = match.status !== "ambiguous" && match.candidates.length ? match.candidates[0] : null;
  if (!best || !best.row[7].length) return ["", "", "", match.status, codes];
  const [code, name, provinceId] = best.row[7][0];
  return [code, name, provinceName(provinceId), match.status, codes];
}

/** The converted table as text: BOM, CRLF, the given delimiter, formula-safe cells. */
export function writeTable(header, rows, delimiter, csvRules) {
  const quote = (cell) => (cell.includes(delimiter) || /["\r\n]/.test(cell) ? '"' + cell.replace(/"/g, '""') + '"' : cell);
  const lines = [header, ...rows].map((row) => row.map((cell) => quote(formulaSafe(cell, csvRules))).join(delimiter));
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}
