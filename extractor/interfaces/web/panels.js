/* chiso web page — The panels beside the article: the summary with its ✓ ✗ ? counts, the legend, the notes
 * (in the page's language by code), and the list of checks, ✗ first.
 *
 * The rules every module keeps are in chiso.js.
 */
import { formatNumber } from "chiso/numbers.js";
import { $, FIGURE_KINDS, KINDS, STATUS_ORDER, SYMBOLS, el, state } from "chiso/state.js";
import { counted, label, lookup, t, table } from "chiso/strings.js";

/* --------------------------------------------------------- summary, legend */

export function statusCounts(checks) {
  const counts = { consistent: 0, inconsistent: 0, unverifiable: 0 };
  for (const c of checks) if (c.status in counts) counts[c.status]++;
  return counts;
}

export function renderSummary(view) {
  const box = $("summary");
  const checks = view.report.checks;
  box.replaceChildren();
  if (!checks.length) {
    box.append(el("span", "summary-total", t("summary_none")));
    return;
  }
  box.append(el("span", "summary-total", counted("summary_checks", checks.length)));
  const counts = statusCounts(checks);
  for (const status of ["consistent", "inconsistent", "unverifiable"]) {
    const pill = el("span", "pill");
    pill.dataset.status = status;
    pill.dataset.count = String(counts[status]);
    pill.append(el("span", "pill-symbol", SYMBOLS[status]), " ",
      el("span", "pill-count", String(counts[status])), " ", label("statuses", status));
    box.append(" ", pill);
  }
}

export function renderLegend(view) {
  const box = $("legend");
  const r = view.report;
  const counts = { figure: r.figures.length, official: r.officials.length,
    document: r.documents.length, date: r.dates.length };
  box.replaceChildren();
  for (const kind of KINDS) {
    const li = el("li", "legend-item");
    li.dataset.kind = kind;
    li.dataset.count = String(counts[kind]);
    li.append(el("span", "swatch"), el("span", "legend-label", t("kinds." + kind)), " ",
      el("span", "legend-count", String(counts[kind])));
    if (kind === "figure" && r.figures.length) li.append(" ", figureKindBreakdown(r.figures));
    box.append(li);
  }
  if (r.checks.some((c) => c.status === "inconsistent")) {
    const li = el("li", "legend-item legend-flag");
    li.append(el("span", "swatch swatch-flag"), el("span", "legend-label", t("legend_flag")));
    box.append(li);
  }
}

function figureKindBreakdown(figures) {
  const counts = new Map(FIGURE_KINDS.map((k) => [k, 0]));
  for (const f of figures) counts.set(f.kind, (counts.get(f.kind) || 0) + 1);
  for (const [kind, n] of counts) if (!n) counts.delete(kind);
  const parts = Array.from(counts, ([kind, n]) => n + " " + t("figure_kinds." + kind));
  return el("span", "legend-breakdown", "(" + parts.join(", ") + ")");
}

/** A note in the page's language: the code's words from the table, then what the
 * report adds after them ("…: windows-1258"), which is data, not prose. */
function noteMessage(note) {
  const message = note.message || "";
  const english = lookup(table("en").web, "codes." + note.code);
  if (typeof english !== "string" || !message.startsWith(english)) return message;
  const rest = message.slice(english.length);
  return t("codes." + note.code) + rest;
}

export function renderNotes(view) {
  const box = $("notes");
  const list = $("notes-list");
  list.replaceChildren();
  for (const note of view.notes) {
    const li = el("li", "note");
    li.append(el("code", "note-code", note.code || ""), " ", el("span", "note-message", noteMessage(note)));
    list.append(li);
  }
  box.hidden = view.notes.length === 0;
}

/* ------------------------------------------------------------------- checks */

function checkMessage(c) {
  return (state.lang === "vi" && c.message_vi) ? c.message_vi : c.message;
}

function sortedChecks(checks) {
  // What an editor must look at first: ✗, then ?, then ✓; report order within each.
  return checks.map((c, i) => [c, i]).sort((a, b) => {
    const rank = (c) => { const r = STATUS_ORDER.indexOf(c.status); return r < 0 ? 3 : r; };
    return rank(a[0]) - rank(b[0]) || a[1] - b[1];
  }).map(([c]) => c);
}

export function renderChecks(view) {
  const list = $("checks");
  list.replaceChildren();
  if (!view.report.checks.length) {
    list.append(el("li", "checks-empty", t("checks_empty")));
    return;
  }
  view.index.checkEls = new Map();
  for (const c of sortedChecks(view.report.checks)) {
    const li = renderCheck(view, c);
    view.index.checkEls.set(c.id, li);
    list.append(li);
  }
}

function renderCheck(view, c) {
  const li = el("li", "check");
  li.dataset.id = c.id;
  li.dataset.status = c.status;
  li.tabIndex = 0;
  const titleId = "check-title-" + c.id;
  li.setAttribute("aria-labelledby", titleId);

  const head = el("div", "check-head");
  head.id = titleId;
  const symbol = el("span", "check-symbol", SYMBOLS[c.status] || "?");
  symbol.setAttribute("aria-hidden", "true");
  head.append(symbol, el("span", "check-status", label("statuses", c.status)),
    el("span", "check-rule", label("rules", c.rule)));
  if (c.severity) head.append(el("span", "check-severity", label("severities", c.severity)));
  head.append(el("span", "check-id", c.id));

  li.append(head, el("p", "check-message", checkMessage(c)), renderArithmetic(view, c));
  return li;
}

function renderArithmetic(view, c) {
  const box = el("div", "check-arithmetic");
  const dl = el("dl", "numbers");
  // Each number unbroken (a line break inside digits misreads); the interval may wrap at its dash.
  const num = (x) => el("span", "num", formatNumber(x));
  const row = (key, ...parts) => {
    const wrap = el("div", "numbers-row");
    wrap.dataset.field = key;
    const dd = el("dd");
    dd.append(...parts);
    wrap.append(el("dt", null, t(key)), dd);
    dl.append(wrap);
  };
  if (c.reported !== null && c.reported !== undefined) row("reported", num(c.reported));
  if (c.computed !== null && c.computed !== undefined) row("computed", num(c.computed));
  if (Array.isArray(c.interval) && c.interval.length === 2) {
    const low = el("span", "num", formatNumber(c.interval[0]) + "\u00a0–");
    row("interval", low, " ", num(c.interval[1]));
  }
  if (dl.childElementCount) box.append(dl);

  const figs = el("p", "check-figures");
  figs.append(el("span", "check-figures-label", t("check_figures")), " ");
  (c.figures || []).forEach((fid, i) => {
    const item = view.index.items.get(fid);
    const link = el("button", "check-figure", item ? item.data.text : fid);
    link.type = "button";
    // data-figure, not data-id: [data-id] is kept for the marks and the checks.
    link.dataset.figure = fid;
    link.dataset.check = c.id;
    if (i) figs.append(" ");
    figs.append(link);
  });
  box.append(figs);
  return box;
}
