/* chiso web page — What every module shares: the page's state, its constants, and the two DOM helpers.
 *
 * The rules every module keeps are in chiso.js.
 */
export const LANGS = ["vi", "en"];
export const STORAGE_KEY = "chiso.lang";
// Language-neutral glyphs, the same in every language.
export const SYMBOLS = { consistent: "✓", inconsistent: "✗", unverifiable: "?" };
export const STATUS_ORDER = ["inconsistent", "unverifiable", "consistent"];
export const KINDS = ["figure", "official", "document", "date"];
export const FIGURE_KINDS = ["percent", "ratio", "change", "count", "money", "number"];
// Outer first when two spans are identical: a document can hold a date, an official's
// title can hold a figure.
export const KIND_NESTING = { document: 0, official: 1, figure: 2, date: 3 };

export const $ = (id) => document.getElementById(id);

export const state = {
  mode: "server",
  version: "",
  messages: {},
  lang: "vi",
  view: null,        // what is shown: {report, raw, text, id, csv, request, notes, index}
  articles: [],      // static mode: [{name, raw, article}]
  current: 0,        // static mode: index of the article shown
  selection: null,   // {type: "item" | "check", id}
  pointed: null,     // id of the item under the pointer or focused
  tipMark: null,     // the mark the tooltip is about
  error: null,       // what #error shows: {key, values, detail}
  detailsShown: null, // id of the item #details shows ("" for none)
  decoded: null,     // server mode: {text, errors} from the last file read
  fromFile: null,    // server mode: {id, html} the last file set, reset when its text goes
  maxBody: null,     // server mode: the server's limit on one request, in bytes
  request: 0,        // server mode: counter, so a late answer never replaces a newer one
};

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text instanceof Node) node.append(text);
  else if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}
