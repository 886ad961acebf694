/* How the address matcher reads text: site_builder/addresses/rules.py step for step, driven by
 * the same rules (communes/lookup/_rules.json, a copy of site_builder/addresses/rules.json).
 * address-matcher.js does the rest; tests/test_address_matcher.py and tests/e2e/test_e2e_addresses.py
 * run both languages on one corpus (tests/fixtures/addresses/corpus.csv). */

/** The rules of rules.json, ready to read addresses with. */
export function makeRules(data) {
  const typeWords = new Map();
  for (const entry of data.types) {
    const levels = entry.level.split(" ");
    for (const text of entry.words) typeWords.set(text, { text, levels, type: entry.type, short: false });
    for (const text of entry.short) typeWords.set(text, { text, levels, type: entry.type, short: true });
  }
  const rules = {
    letters: data.letters,
    marks: data.combining_marks,
    joiners: new Set(data.joiners),
    separators: new Set(data.separators),
    syllables: data.syllables,
    ignored: data.ignored.map((entry) => entry.split(" ")),
    typeWords,
    glued: new Set(data.glued_numbers),
    provinceAliases: new Map(),
    addressHeaders: data.address_headers,
    limits: data.limits,
    scores: data.scores,
    csv: data.csv,
  };
  for (const [short, full] of Object.entries(data.province_aliases)) rules.provinceAliases.set(key(rules, short), key(rules, full));
  return rules;
}

/** Lower case, letters without marks (table `letters`), joiners dropped; the rest kept. */
export function fold(rules, text) {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (rules.joiners.has(ch) || rules.marks.some(([lo, hi]) => lo <= code && code <= hi)) continue;
    out += rules.letters[ch] || (ch >= "A" && ch <= "Z" ? ch.toLowerCase() : ch);
  }
  return out;
}

function spelling(rules, word) {
  if (/^[0-9]+$/.test(word)) return word.replace(/^0+/, "") || "0";
  return Object.prototype.hasOwnProperty.call(rules.syllables, word) ? rules.syllables[word] : word;
}

export const nameWords = (rules, name) => rawWords(rules, name).map(([w]) => w);
export const key = (rules, name) => nameWords(rules, name).join("");
/** A name's words as written, lower case, without spaces: "Đắk Hà" -> "đắkhà". */
export const markedKey = (rules, name) => rawWords(rules, name).map(([, m]) => m).join("");

/** The shard a name key lives in, given the name of every shard (keys.json): the longest of its
 * prefixes that names one, else its first `shard_letters` letters (index.py `shard_of`). */
export function shardOf(rules, shards, k) {
  for (let letters = rules.limits.shard_letters_most; letters > rules.limits.shard_letters; letters--) {
    if (k.length >= letters && shards.has(k.slice(0, letters))) return k.slice(0, letters);
  }
  return k.slice(0, rules.limits.shard_letters) || "_";
}

function splitGlued(rules, word, marked) {
  const match = /^([a-z]+)([0-9]+)$/.exec(word);
  if (match && rules.glued.has(match[1])) {
    const number = spelling(rules, match[2]);
    return [[match[1], match[1]], [number, number]];
  }
  return [[spelling(rules, word), marked]];
}

/** [folded word, word as written in lower case, part] for each word of `text`. */
function rawWords(rules, text) {
  const raw = [];
  let part = 0;
  let folded = "";
  let marked = "";
  for (const ch of text + " ") {
    const plain = fold(rules, ch);
    if ((plain >= "a" && plain <= "z") || (plain >= "0" && plain <= "9") || (!plain && folded)) {
      folded += plain;  // a mark or joiner inside a word stays in it
      marked += ch.toLowerCase();
      continue;
    }
    if (folded) for (const [w, m] of splitGlued(rules, folded, marked.normalize("NFC"))) raw.push([w, m, part]);
    folded = "";
    marked = "";
    if (rules.separators.has(ch)) part += 1;
  }
  return raw;
}

function withoutIgnored(rules, raw) {
  const kept = [];
  let i = 0;
  outer: while (i < raw.length) {
    for (const words of rules.ignored) {
      const slice = raw.slice(i, i + words.length);
      if (slice.length === words.length && slice.every(([w], n) => w === words[n]) && new Set(slice.map(([, , p]) => p)).size === 1) {
        i += words.length;
        continue outer;
      }
    }
    kept.push(raw[i]);
    i += 1;
  }
  return kept;
}

function word(text, part, typeWord, marked) {
  const inNames = !typeWord || (!typeWord.short && !typeWord.text.includes(" "));
  return { text, part, typeWord: typeWord || null, marked, isNumber: /^[0-9]+$/.test(text), inNames };
}

/** The address as words, type words marked, ignored words ("Việt Nam") left out. */
export function readWords(rules, address) {
  const raw = withoutIgnored(rules, rawWords(rules, address));
  const words = [];
  for (let i = 0; i < raw.length; ) {
    const [text, marked, part] = raw[i];
    const pair = i + 1 < raw.length && raw[i + 1][2] === part ? `${text} ${raw[i + 1][0]}` : "";
    if (pair && rules.typeWords.has(pair)) {
      words.push(word(pair, part, rules.typeWords.get(pair), `${marked} ${raw[i + 1][1]}`));
      i += 2;
    } else {
      words.push(word(text, part, rules.typeWords.get(text), marked));
      i += 1;
    }
  }
  return words;
}
