/* The address matcher in the browser: site_builder/addresses (rules.py, index.py, matcher.py)
 * step for step, driven by the same rules (communes/lookup/_rules.json, a copy of
 * site_builder/addresses/rules.json); address-rules.js reads the text. tests/test_address_matcher.py
 * and tests/e2e/test_e2e_addresses.py run one corpus through both and require the same answers. Keep the two in step: a change here is a change
 * there. Rows and places are the lookup's JSON (their form: site_builder/addresses/index.py). */

import { key, markedKey, readWords, shardOf } from "./address-rules.js";

export { fold, key, makeRules, markedKey, nameWords, readWords, shardOf } from "./address-rules.js";

const [ERA, CODE, NAME, , TYPE, , , TARGETS, DISTRICTS, PROVINCES] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** Provinces (both eras, with their short forms) and districts, by the keys of their names. */
export function makePlaces(rules, data) {
  const places = { provinces: new Map(), districts: new Map(), provinceKeys: new Map(), districtKeys: new Map() };
  for (const row of data.provinces) {
    places.provinces.set(row[0], row);
    places.provinceKeys.set(row[0], key(rules, row[1]));
  }
  for (const row of data.districts) {
    places.districts.set(row[0], row);
    places.districtKeys.set(row[0], key(rules, row[1]));
  }
  places.provinceSet = new Set([...places.provinceKeys.values(), ...rules.provinceAliases.keys()]);
  places.districtSet = new Set(places.districtKeys.values());
  return places;
}

const deletions = (k) => Array.from(k, (_, i) => k.slice(0, i) + k.slice(i + 1));

function oneEditApart(a, b) {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    let differ = 0;
    for (let i = 0; i < a.length; i++) differ += a[i] !== b[i] ? 1 : 0;
    return differ === 1;
  }
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.slice(i) === l.slice(i + 1);
}

/** Rows by the key of their name, and by every key one letter shorter (for misspellings, looked
 * for in their own shard: `shards` names every shard). */
export function makeUnitIndex(rules, shards) {
  const byKey = new Map();
  const byDeletion = new Map();
  return {
    add(rows) {
      for (const row of rows) {
        const k = key(rules, row[NAME]);
        if (k.length >= rules.limits.fuzzy_min_letters && !/^[0-9]+$/.test(k)) {
          for (const shorter of deletions(k)) {
            if (!byDeletion.has(shorter)) byDeletion.set(shorter, new Set());
            byDeletion.get(shorter).add(k);
          }
        }
        if (!byKey.has(k)) byKey.set(k, []);
        byKey.get(k).push(row);
      }
      return this;
    },
    exact: (k) => byKey.get(k) || [],
    oneEdit(k) {
      const near = new Set(byDeletion.get(k) || []);
      for (const shorter of deletions(k)) {
        if (byKey.has(shorter)) near.add(shorter);
        for (const other of byDeletion.get(shorter) || []) near.add(other);
      }
      const own = shardOf(rules, shards, k);
      const keys = [...near].filter((other) => shardOf(rules, shards, other) === own && oneEditApart(other, k)).sort();
      return keys.flatMap((other) => byKey.get(other));
    },
  };
}

function allSpans(words, longest) {
  const spans = [];
  for (let start = 0; start < words.length; start++) {
    for (let end = start + 1; end <= Math.min(words.length, start + longest); end++) {
      const last = words[end - 1];
      if (last.part !== words[start].part || !last.inNames) break;
      spans.push([start, end]);
    }
  }
  return spans;
}

/** A name that is a number ("Phường 15", "Quận 8"): after its type word, or alone in its part. */
function numberAllowed(words, start, end, level) {
  const alone = (start === 0 || words[start - 1].part !== words[start].part) && (end === words.length || words[end].part !== words[start].part);
  return alone || typeBefore(words, start, level);
}

function typeBefore(words, start, level) {
  const before = start ? words[start - 1] : null;
  return Boolean(before && before.part === words[start].part && before.typeWord && before.typeWord.levels.includes(level));
}

const spanKey = (words, start, end) => words.slice(start, end).map((w) => w.text).join("");

/** An address read for matching: its words, spans by key, and the places found in it. */
export function readAddress(rules, places, text) {
  const words = readWords(rules, text);
  const spans = new Map();
  const provinces = [];
  const districts = [];
  const add = (k, span) => (spans.has(k) ? spans.get(k).push(span) : spans.set(k, [span]));
  for (const [start, end] of allSpans(words, rules.limits.name_words)) {
    const k = spanKey(words, start, end);
    add(k, [start, end]);
    if (rules.provinceAliases.has(k)) add(rules.provinceAliases.get(k), [start, end]);
    if (places.provinceSet.has(k)) provinces.push([start, end]);
    if (places.districtSet.has(k) && (!/^[0-9]+$/.test(k) || numberAllowed(words, start, end, "district"))) districts.push([start, end]);
  }
  return { words, spans, provinces, districts };
}

/** Where a unit's name may start: see site_builder/addresses/matcher.py, step 2. */
export function nameStarts(reading) {
  const words = reading.words;
  const placeEnds = new Set([...reading.provinces, ...reading.districts].map(([, end]) => end));
  const insideProvince = new Set(reading.provinces.flatMap(([start, end]) => Array.from({ length: end - start }, (_, n) => start + n)));
  const typedParts = new Set(words.filter((w) => w.typeWord).map((w) => w.part));
  const starts = [];
  words.forEach((w, i) => {
    if (!w.inNames) return;
    const before = i ? words[i - 1] : null;
    if (!before || before.part !== w.part || before.typeWord || before.isNumber || placeEnds.has(i)
      || (!typedParts.has(w.part) && !insideProvince.has(i))) starts.push(i);
  });
  return starts;
}

function nameSpans(reading, longest) {
  const starts = new Set(nameStarts(reading));
  return allSpans(reading.words, longest).filter(([start]) => starts.has(start))
    .map(([start, end]) => [start, end, spanKey(reading.words, start, end)]);
}

/** The lookup's shards an address needs: those of the spans its unit's name may be. */
export function wantedShards(rules, places, shards, text) {
  const reading = readAddress(rules, places, text);
  return [...new Set(nameSpans(reading, rules.limits.name_words).map(([, , k]) => shardOf(rules, shards, k)))].sort();
}

function findPlace(reading, keys, level, explained) {
  for (const k of keys) {
    for (const [start, end] of reading.spans.get(k) || []) {
      let free = true;
      for (let i = start; i < end; i++) if (explained.has(i)) free = false;
      if (!free) continue;
      if (level === "district" && /^[0-9]+$/.test(k) && !numberAllowed(reading.words, start, end, "district")) continue;
      for (let i = start; i < end; i++) explained.add(i);
      if (typeBefore(reading.words, start, level)) explained.add(start - 1);
      return [start, end];
    }
  }
  return null;
}

const markedKeys = new Map();
function markedKeyOf(rules, name) {
  if (!markedKeys.has(name)) markedKeys.set(name, markedKey(rules, name));
  return markedKeys.get(name);
}

function score(rules, places, reading, row, start, end, fuzzy) {
  const points = rules.scores;
  const words = reading.words;
  let total = points.per_word * (end - start) + (fuzzy ? points.fuzzy : 0);
  if (words.slice(start, end).map((w) => w.marked).join("") === markedKeyOf(rules, row[NAME])) total += points.marks_agree;
  const explained = new Set();
  for (let i = start; i < end; i++) explained.add(i);
  const before = start && words[start - 1].part === words[start].part ? words[start - 1] : null;
  if (before && before.typeWord) {
    if (before.typeWord.levels.includes("unit")) {
      explained.add(start - 1);
      total += before.typeWord.type === row[TYPE] ? points.type_agrees : 0;
    } else {
      total += points.other_level_type;
    }
  }
  if (findPlace(reading, row[DISTRICTS].map((c) => places.districtKeys.get(c) || ""), "district", explained)) total += points.district;
  const province = findPlace(reading, row[PROVINCES].map((p) => places.provinceKeys.get(p) || ""), "province", explained);
  if (province) total += points.province;
  // An address with a district is written the old way: it names a former unit; one without, a current unit.
  const [pStart, pEnd] = province || [0, 0];
  const named = (i) => (i >= start && i < end) || (i >= pStart && i < pEnd);
  const withDistrict = reading.districts.some(([s, e]) => { for (let i = s; i < e; i++) if (named(i)) return false; return true; });
  if ((row[ERA] === "f") === withDistrict) total += points.era_fits;
  const first = Math.min(...explained);
  let unexplained = 0;
  for (let i = first + 1; i < words.length; i++) if (!explained.has(i)) unexplained += 1;
  total += points.unexplained_word * unexplained + points.leading_word * first;
  return { row, start, end, fuzzy, score: total, unexplained, outcome: row[TARGETS].length ? row[TARGETS][0][0] : "" };
}

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const order = (a, b) => b.score - a.score || Number(a.fuzzy) - Number(b.fuzzy) || cmp(a.row[ERA], b.row[ERA])
  || cmp(a.row[CODE], b.row[CODE]) || a.start - b.start;

function status(ranked) {
  if (!ranked.length) return "not_found";
  const best = ranked[0];
  const outcomes = new Set(ranked.filter((c) => c.score === best.score).map((c) => c.outcome));
  if (outcomes.size > 1) return "ambiguous";
  if (best.fuzzy || best.unexplained || best.row[TARGETS].length > 1) return "likely";
  return "exact";
}

/** Every unit the address may name, best first, and how sure the answer is:
 * {status: exact|likely|ambiguous|not_found, candidates: [{row, score, fuzzy, ...}], codes: [...]} */
export function matchAddress(rules, places, units, text) {
  const reading = readAddress(rules, places, text);
  const best = new Map();
  for (const [start, end, k] of nameSpans(reading, rules.limits.name_words)) {
    if (/^[0-9]+$/.test(k) && !numberAllowed(reading.words, start, end, "unit")) continue;
    let rows = units.exact(k);
    let fuzzy = false;
    if (!rows.length && k.length >= rules.limits.fuzzy_min_letters && !/^[0-9]+$/.test(k)) {
      rows = units.oneEdit(k);
      fuzzy = true;
    }
    for (const row of rows) {
      const candidate = score(rules, places, reading, row, start, end, fuzzy);
      const id = row[ERA] + row[CODE];
      if (!best.has(id) || order(candidate, best.get(id)) < 0) best.set(id, candidate);
    }
  }
  const candidates = [...best.values()].sort(order);
  const top = candidates.filter((c) => c.score === (candidates[0] || {}).score);
  const codes = [];
  for (const c of top) for (const t of c.row[TARGETS]) if (!codes.includes(t[0])) codes.push(t[0]);
  return { status: status(candidates), candidates, codes };
}
