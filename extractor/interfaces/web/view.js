/* chiso web page — Selection, the view of one report, errors (an error on a new input clears the old result)
 * and the downloads (the JSON exactly as received, CSV).
 *
 * The rules every module keeps are in chiso.js.
 */
import { hideTooltip, renderDetails } from "chiso/details.js";
import { buildIndex, renderArticle, worstStatus } from "chiso/marks.js";
import { renderChecks, renderLegend, renderNotes, renderSummary } from "chiso/panels.js";
import { httpError, postJson, setBusy } from "chiso/server.js";
import { $, el, state } from "chiso/state.js";
import { t, table } from "chiso/strings.js";

/* ---------------------------------------------------------------- selection */

export function scrollBehavior() {
  return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
}

export function marksOf(id) {
  return (state.view && state.view.index.marks.get(id)) || [];
}

/** Put is-selected (and is-related) where the selection says; nothing else moves. */
function applySelection() {
  document.querySelectorAll(".is-selected, .is-related").forEach((n) => n.classList.remove("is-selected", "is-related"));
  const view = state.view;
  const sel = state.selection;
  if (!view || !sel) return;
  const checkEl = (id) => view.index.checkEls && view.index.checkEls.get(id);
  if (sel.type === "check") {
    const c = view.index.checks.get(sel.id);
    if (!c) return;
    const li = checkEl(c.id);
    if (li) li.classList.add("is-selected");
    for (const fid of c.figures || []) marksOf(fid).forEach((m) => m.classList.add("is-selected"));
    return;
  }
  marksOf(sel.id).forEach((m) => m.classList.add("is-selected"));
  for (const c of view.index.checksOf.get(sel.id) || []) {
    const li = checkEl(c.id);
    if (li) li.classList.add("is-selected");
    // The other figures of the same checks: the other side of the arithmetic.
    for (const fid of c.figures || []) {
      if (fid !== sel.id) marksOf(fid).forEach((m) => m.classList.add("is-related"));
    }
  }
}

export function selectItem(id, options) {
  const view = state.view;
  if (!view || !view.index.items.has(id)) return;
  state.selection = { type: "item", id };
  state.pointed = null;
  applySelection();
  renderDetails();
  const first = (view.index.checksOf.get(id) || [])
    .map((c) => view.index.checkEls && view.index.checkEls.get(c.id)).filter(Boolean)
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
  if (first && !(options && options.noScroll)) scrollCheckIntoView(first);
}

/** On wide screens the details panel is sticky over the checks: scroll the check clear of it. */
export function scrollCheckIntoView(li) {
  const side = li.closest(".side-column");
  const panel = document.querySelector(".details-panel");
  if (side && panel && getComputedStyle(panel).position === "sticky") {
    side.style.scrollPaddingTop = panel.offsetHeight + 12 + "px";
  }
  li.scrollIntoView({ block: "nearest", behavior: scrollBehavior() });
}

/** Select a check: its figures light up, and one of them (the first in the text unless
 * told which) scrolls into view. */
export function selectCheck(id, focusFigure) {
  const view = state.view;
  const c = view && view.index.checks.get(id);
  if (!c) return;
  state.selection = { type: "check", id };
  applySelection();
  const target = focusFigure ? marksOf(focusFigure)[0] : firstInText(c.figures || []);
  if (focusFigure) {
    state.pointed = focusFigure;
    renderDetails();
  }
  if (target) {
    target.scrollIntoView({ block: "center", behavior: scrollBehavior() });
    if (focusFigure) target.focus({ preventScroll: true });
  }
}

function firstInText(fids) {
  const marks = fids.map((fid) => marksOf(fid).find((m) => m.classList.contains("chiso-mark"))).filter(Boolean);
  marks.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  return marks[0] || null;
}

export function clearSelection() {
  state.selection = null;
  state.pointed = null;
  hideTooltip();
  applySelection();
  renderDetails();
}

/* --------------------------------------------------------------------- view */

/** Show a report. view: {report, raw, text, csv?, request?, notes}. */
export function showView(view) {
  view.index = buildIndex(view.report);
  view.index.statusOf = new Map();
  for (const [fid, checks] of view.index.checksOf) view.index.statusOf.set(fid, worstStatus(checks));
  view.index.marks = new Map();
  view.index.checkEls = new Map();
  state.view = view;
  state.selection = null;
  state.pointed = null;
  hideTooltip();
  renderView({ keepScroll: false });
  $("results").hidden = false;
  setBusy(false); // the controls are usable again before the state says so
  document.body.dataset.state = "ready";
}

export function renderView(options) {
  const view = state.view;
  const scroll = options && options.keepScroll ? window.scrollY : null;
  renderSummary(view);
  renderLegend(view);
  renderNotes(view);
  renderArticle(view);
  renderChecks(view);
  applySelection();
  renderDetails(true);
  if (scroll !== null) window.scrollTo(0, scroll);
}

/** error: {key, values} for the page's own words (translated again when the language
 * changes), with the server's message (English) as detail. */
export function showError(error) {
  state.error = error;
  if (error && error.clearsView) clearView();
  renderError();
  setBusy(false); // the controls are usable again before the state says so
  document.body.dataset.state = "error";
}

export function renderError() {
  const box = $("error");
  const e = state.error;
  box.replaceChildren();
  if (!e) return;
  box.append(el("span", "error-text", t(e.key, e.values)));
  // The server's own message is English: beside its translation in English only,
  // alone where the page has no words for the code.
  const ownWords = e.key !== "error_http";
  if (e.detail && (state.lang === "en" || !ownWords)) box.append(" ", el("span", "error-detail", e.detail));
}

/** What belonged to the previous input leaves the screen with it. */
function clearView() {
  state.view = null;
  state.selection = null;
  state.pointed = null;
  hideTooltip();
  $("results").hidden = true;
  $("notes").hidden = true;
}

/** An error about the input just given: the old result is not left under it. */
export function inputError(error) {
  return Object.assign({ clearsView: true }, error);
}

export function clearError() {
  state.error = null;
  renderError();
}

/* ---------------------------------------------------------------- downloads */

function fileStem() {
  const id = state.view && state.view.report.id;
  const stem = (typeof id === "string" && id.trim()) ? id.trim() : "chiso";
  // Characters no file system takes in a name.
  return stem.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_");
}

function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: the download may not have read the blob yet.
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

export function downloadJson() {
  if (!state.view) return;
  saveBlob(new Blob([state.view.raw], { type: "application/json" }), fileStem() + ".json");
}

export async function downloadCsv(tableName) {
  const view = state.view;
  if (!view) return;
  const name = fileStem() + "-" + tableName + ".csv";
  if (view.csv) {
    saveBlob(new Blob([view.csv[tableName] || ""], { type: "text/csv;charset=utf-8" }), name);
    return;
  }
  clearError();
  try {
    const response = await postJson("v1/csv?table=" + encodeURIComponent(tableName), view.request);
    if (!response.ok) { showError(await httpError(response)); return; }
    saveBlob(await response.blob(), name);
  } catch (e) {
    showError({ key: "error_network" });
  }
}
