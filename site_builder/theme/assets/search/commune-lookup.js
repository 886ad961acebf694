/* The commune lookup, shared by "Find your commune" (communes.js) and the header search
 * (site-search.js), both of which import it only when the reader types.
 *
 * The build (views/communes.py) writes <site>/communes/lookup/<key>.json: every commune-level
 * unit before and since 1 July 2025, as rows
 *   [era "c"|"f", code, full name, type, folded full name, district, province,
 *    [[current code, current full name, current province slug, current province], ...]]
 * split by the first three letters of the ASCII-folded name, and keys.json naming the shards.
 * A shard is fetched from this site only when a query needs it. */

const TYPE_WORDS = ["xa", "phuong", "thi tran", "dac khu"];  // as views/communes.py TYPE_WORDS

/** ASCII-folded, lower case, one space between words, exactly as views/communes.py `fold`. */
export function fold(text) {
  const bare = text.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  return (bare.match(/[a-z0-9]+/g) || []).join(" ");
}

/** The name without a leading type word: "xa tan thanh" -> "tan thanh". */
export function withoutType(folded) {
  for (const word of TYPE_WORDS) {
    if (folded.startsWith(word + " ")) return folded.slice(word.length + 1);
  }
  return folded;
}

const keyOf = (folded) => folded.replace(/ /g, "").slice(0, 3) || "_";

function rank(row, query) {
  const name = withoutType(row[4]);
  const closeness = row[4] === query || name === query ? 0 : name.startsWith(query) ? 1 : 2;
  return closeness * 2 + (row[0] === "c" ? 0 : 1);  // exact names first, current units before former
}

/** A lookup reading the shards under `folder` (a URL ending in /). */
export function communeLookup(folder) {
  const shards = new Map();
  let keys = null;
  const fetchJson = (name) => fetch(new URL(name, folder)).then((response) => {
    if (!response.ok) throw new Error(`${response.status} ${response.url}`);
    return response.json();
  });

  async function rowsFor(query) {
    keys = keys || fetchJson("keys.json").then((names) => new Set(names));
    const known = await keys;
    const wanted = [...new Set([keyOf(query), keyOf(withoutType(query))])].filter((key) => known.has(key));
    const parts = await Promise.all(wanted.map((key) => {
      if (!shards.has(key)) shards.set(key, fetchJson(`${key}.json`));
      return shards.get(key);
    }));
    return parts.flat();
  }

  /** Rows whose folded full name has a word starting with the folded query, best first. */
  async function find(text) {
    const query = fold(text);
    if (!query) return [];
    const rows = await rowsFor(query);
    return rows.filter((row) => (" " + row[4]).includes(" " + query))
      .sort((a, b) => rank(a, query) - rank(b, query) || a[4].localeCompare(b[4]) || a[6].localeCompare(b[6]));
  }

  return { find };
}

/** The site-relative address of a current unit's anchor: provinces/<slug>/#unit-<code>. */
export const unitHref = (target) => `provinces/${target[2]}/#unit-${target[0]}`;

/** True while a query is too short to name a shard ("ta"), so no match means "type on". */
export const tooShort = (text) => withoutType(fold(text)).replace(/ /g, "").length < 3;
