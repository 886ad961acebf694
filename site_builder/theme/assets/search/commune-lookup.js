/* The commune lookup, shared by "Find your commune" (communes.js), the header search
 * (site-search.js) and the bulk conversion (convert.js), each importing it only when needed.
 *
 * The build (views/communes.py) writes <site>/communes/lookup/: the matcher's rules
 * (_rules.json), the provinces and districts (_places.json), the units split into shards by the
 * first letters of their name (<key>.json, named in keys.json) and all of them (_all.json).
 * A query fetches the rules, the places and only the shards its words may name
 * (address-matcher.js `wantedShards`); the bulk conversion fetches _all.json once. */

import { makePlaces, makeRules, makeUnitIndex, matchAddress, wantedShards, key } from "./address-matcher.js";

/** A lookup reading the files under `folder` (a URL ending in /). */
export function communeLookup(folder) {
  const shards = new Map();
  let base = null;
  let everything = null;
  const fetchJson = (name) => fetch(new URL(name, folder)).then((response) => {
    if (!response.ok) throw new Error(`${response.status} ${response.url}`);
    return response.json();
  });

  function ready() {
    base = base || Promise.all([fetchJson("_rules.json"), fetchJson("_places.json"), fetchJson("keys.json")])
      .then(([rulesData, placesData, keys]) => {
        const rules = makeRules(rulesData);
        return { rules, places: makePlaces(rules, placesData), keys: new Set(keys), districtWords: placesData.district_words };
      });
    return base;
  }

  function shardRows(name) {
    if (!shards.has(name)) shards.set(name, fetchJson(`${name}.json`));
    return shards.get(name);
  }

  /** The match of one address ({status, candidates, codes}), fetching only the shards it needs. */
  async function find(text) {
    const { rules, places, keys } = await ready();
    const wanted = wantedShards(rules, places, keys, text).filter((name) => keys.has(name));
    const parts = await Promise.all(wanted.map(shardRows));
    const units = makeUnitIndex(rules, keys).add(parts.flat());
    return matchAddress(rules, places, units, text);
  }

  /** A matcher over every unit, for converting many addresses: match(text) -> {status, candidates, codes}. */
  async function everyUnit() {
    everything = everything || Promise.all([ready(), fetchJson("_all.json")]).then(([{ rules, places, keys }, rows]) => {
      const units = makeUnitIndex(rules, keys).add(rows);
      return { rules, places, match: (text) => matchAddress(rules, places, units, text) };
    });
    return everything;
  }

  /** [id, name, slug, type] of a province of either era. */
  const province = async (id) => (await ready()).places.provinces.get(id) || [id, id, "", ""];
  /** [code, name, full name, type, province id] of a former district. */
  async function district(code) {
    const { places, districtWords } = await ready();
    const row = places.districts.get(code);
    return row ? [row[0], row[1], `${districtWords[row[2]]} ${row[1]}`, row[2], row[3]] : null;
  }

  /** One unit as the header search shows it (a former one leads to where its main part went):
   * {title, where, href relative to the edition's root}; `text(name)` gives the edition's words. */
  async function summary(row, text) {
    const target = row[7][0];
    if (!target) return null;
    const [own, theirs, place] = await Promise.all([province(row[6]), province(target[2]), row[5] ? district(row[5]) : null]);
    let where = [row[0] === "c" ? text("current") : text("former"), place ? place[2] : "", own[1]].filter(Boolean).join(" · ");
    if (row[0] !== "c") where += ` → ${text("went-to")} ${target[1]} (${theirs[1]})`;
    return { title: row[3], where, href: unitHref(target[0], theirs[2]) };
  }

  return { find, everyUnit, province, district, ready, summary };
}

/** Lower case, without marks, one space between words: to compare a page's title with a query. */
export function fold(text) {
  const bare = text.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  return (bare.match(/[a-z0-9]+/g) || []).join(" ");
}

/** The site-relative address of a current unit's anchor: provinces/<slug>/#unit-<code>. */
export const unitHref = (code, provinceSlug) => `provinces/${provinceSlug}/#unit-${code}`;

/** True while a query is too short to name a unit ("ta"): no match then means "type on". */
export function tooShort(text, rules) {
  const letters = rules ? key(rules, text) : text.replace(/[^\p{L}\p{N}]/gu, "");
  return letters.length < 3;
}
