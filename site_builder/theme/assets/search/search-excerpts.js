/* The words of a Pagefind excerpt as the page has them. The index holds each word with đ followed
 * by its folded copy ("Đà da Nẵng": publish/search_index.py), so that "da nang" finds Đà Nẵng;
 * site-search.js imports this with Pagefind, on the first keystroke, and shows each excerpt
 * without the copies. */

var NOT_WORD = /[^\p{L}\p{N}]+/gu;

function foldWord(word) {
  return word.replace(NOT_WORD, "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
}

/** The tokens ({text, marked}: words and the spaces between them) without the folded copy that
 * follows each word with đ; a highlight of the copy goes to the word it stands for. */
export function withoutFoldedCopies(tokens) {
  var kept = [];
  tokens.forEach(function (token) {
    if (/^\s+$/.test(token.text)) { kept.push(token); return; }
    var i = kept.length - 1;
    while (i >= 0 && /^\s+$/.test(kept[i].text)) i--;
    var word = kept[i];
    var core = token.text.replace(NOT_WORD, "");
    if (word && !word.copyDropped && /[đĐ]/.test(word.text) && core && foldWord(word.text) === core) {
      kept.length = i + 1;  // the space before the copy goes with it
      word.text += token.text.slice(token.text.indexOf(core) + core.length);  // punctuation after the copy
      word.marked = word.marked || token.marked;
      word.copyDropped = true;
      return;
    }
    kept.push(token);
  });
  return kept;
}
