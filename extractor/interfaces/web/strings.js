/* chiso web page — Strings and language: every UI word from the messages table (messages.yaml, web.*, both
 * languages as data), counts in words, and the Tiếng Việt / English switch.
 *
 * The rules every module keeps are in chiso.js.
 */
import { $, LANGS, STORAGE_KEY, el, state } from "chiso/state.js";
import { renderArticlesNav } from "chiso/static.js";
import { renderError, renderView } from "chiso/view.js";

/* ------------------------------------------------------------------ strings */

export function table(lang) {
  const all = state.messages || {};
  return all[lang] || all.en || {};
}

export function lookup(root, path) {
  return path.split(".").reduce((node, key) => (node && typeof node === "object" ? node[key] : undefined), root);
}

/** A web.* string in the current language, English if missing, the key as a last resort. */
export function t(key, values) {
  let text = lookup(table(state.lang).web, key);
  if (typeof text !== "string") text = lookup(table("en").web, key);
  if (typeof text !== "string") text = key;
  return values ? fill(text, values) : text;
}

/** A count in words: KEY_one for 1 where the language has it (as messages.counted does). */
export function counted(key, n, values) {
  const one = key + "_one";
  const useOne = n === 1 && typeof lookup(table(state.lang).web, one) === "string";
  return t(useOne ? one : key, Object.assign({ n }, values || {}));
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** A label from the shared tables (rules, statuses, severities): the code if unknown. */
export function label(tableName, code) {
  const own = table(state.lang)[tableName] || {};
  const en = table("en")[tableName] || {};
  return own[code] || en[code] || code;
}

function applyStaticLabels() {
  document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll("[data-i18n-placeholder]").forEach((el) => {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  });
  document.querySelectorAll("[data-i18n-aria-label]").forEach((el) => {
    el.setAttribute("aria-label", t(el.dataset.i18nAriaLabel));
  });
  document.title = t("title");
  $("footer-version").textContent = t("footer", { version: state.version });
}

/* ----------------------------------------------------------------- language */

export function storedLang() {
  try {
    const lang = window.localStorage.getItem(STORAGE_KEY);
    return LANGS.includes(lang) ? lang : null;
  } catch (e) {
    return null; // storage can be unavailable (file://, privacy settings): keep the default
  }
}

function rememberLang(lang) {
  try { window.localStorage.setItem(STORAGE_KEY, lang); } catch (e) { /* not remembered, still works */ }
}

export function setLang(lang, remember) {
  if (!LANGS.includes(lang)) return;
  state.lang = lang;
  document.documentElement.lang = lang;
  document.querySelectorAll("#lang-switch button[data-lang]").forEach((b) => {
    b.setAttribute("aria-pressed", String(b.dataset.lang === lang));
  });
  if (remember) rememberLang(lang);
  applyStaticLabels();
  renderError();
  if (state.mode === "static") renderArticlesNav(); // the tabs' labels
  if (state.view) renderView({ keepScroll: true });
}
