/* chiso web page — The details panel and the tooltip of the item under the pointer or focus.
 *
 * The rules every module keeps are in chiso.js.
 */
import { itemReading, itemText, kindLabel } from "chiso/marks.js";
import { formatNumber, formatQuantity } from "chiso/numbers.js";
import { $, SYMBOLS, el, state } from "chiso/state.js";
import { label, t } from "chiso/strings.js";

/* ------------------------------------------------------------------ details */

/** Rows [label key, value] for an item; a value is text or a node. Empty values are left out. */
function detailRows(view, item) {
  const d = item.data;
  const fields = (key) => t("fields." + key);
  const rows = [];
  const add = (key, value) => {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return;
    rows.push([fields(key), value]);
  };
  switch (item.kind) {
    case "figure":
      add("kind", t("figure_kinds." + d.kind));
      add("value", formatQuantity(d.value, d.unit));
      add("unit", d.unit);
      add("qualifier", d.qualifier && t("qualifiers." + d.qualifier));
      add("measure", d.measure);
      add("subject", d.subject);
      add("period", d.period);
      add("scope", d.scope);
      add("year", d.year);
      if (d.kind === "change") {
        add("direction", d.direction && t("directions." + d.direction));
        add("reference_year", d.reference_year);
        add("of", d.of && itemLink(view, d.of));
      }
      if (d.kind === "ratio") {
        add("numerator", d.numerator !== null && d.numerator !== undefined ? formatNumber(d.numerator) : null);
        add("denominator", d.denominator !== null && d.denominator !== undefined ? formatNumber(d.denominator) : null);
        add("stated", d.stated && view.text ? statedText(view, d.stated) : null);
      }
      add("range_with", d.range_with && itemLink(view, d.range_with));
      add("checks", checkLinks(view, item.id));
      break;
    case "official":
      add("name", d.name);
      add("rank", d.rank);
      add("honorific", d.honorific);
      add("titles", listNode(d.titles));
      add("organizations", listNode(d.organizations));
      add("mentions", (d.mentions || []).length || null);
      break;
    case "document":
      add("doc_type", d.type);
      add("number", d.number);
      add("doc_date", d.date);
      add("issuer", d.issuer);
      break;
    case "date":
      add("iso_date", d.value);
      if (d.year_inferred) rows.push(["", el("span", "inferred", t("year_inferred"))]);
      break;
  }
  return rows;
}

function statedText(view, stated) {
  const chars = Array.from(view.text); // code points, as the offsets count them
  return chars.slice(stated.start, stated.end).join("");
}

function listNode(values) {
  if (!values || !values.length) return null;
  const ul = el("ul", "plain-list");
  for (const v of values) ul.append(el("li", null, v));
  return ul;
}

function itemLink(view, id) {
  const item = view.index.items.get(id);
  const b = el("button", "link", item ? itemText(item) : id);
  b.type = "button";
  b.dataset.action = "item";
  b.dataset.target = id;
  return b;
}

function checkLinks(view, fid) {
  const checks = view.index.checksOf.get(fid) || [];
  if (!checks.length) return null;
  const wrap = el("span", "check-links");
  checks.forEach((c, i) => {
    const b = el("button", "link check-link");
    b.type = "button";
    b.dataset.action = "check";
    b.dataset.target = c.id;
    b.dataset.status = c.status;
    b.append(el("span", "check-link-symbol", SYMBOLS[c.status] || "?"), " " + c.id + " · " + label("rules", c.rule));
    if (i) wrap.append(" ");
    wrap.append(b);
  });
  return wrap;
}

/** The panel shows the pointed item, else the selected one. It is rebuilt only when
 * that item changes (or force, for a new view or language): rebuilding it between the
 * mousedown and the mouseup of a click on its own links would swallow the click. */
export function renderDetails(force) {
  const box = $("details");
  const view = state.view;
  const id = state.pointed || (state.selection && state.selection.type === "item" ? state.selection.id : null);
  const item = view && id ? view.index.items.get(id) : null;
  const shown = item ? item.id : "";
  if (!force && state.detailsShown === shown) return;
  state.detailsShown = shown;
  box.replaceChildren();
  if (!item) {
    box.dataset.kind = "";
    delete box.dataset.item;
    box.append(el("p", "details-empty", t("details_empty")));
    return;
  }
  box.dataset.kind = item.kind;
  box.dataset.item = item.id;
  const head = el("p", "details-head");
  head.append(el("span", "details-kind", t("kind_one." + item.kind)), " ",
    el("span", "details-text", itemText(item)));
  const status = view.index.statusOf.get(item.id);
  if (status) {
    const s = el("span", "details-status", SYMBOLS[status] + " " + label("statuses", status));
    s.dataset.status = status;
    head.append(" ", s);
  }
  const dl = el("dl", "details-list");
  for (const [name, value] of detailRows(view, item)) {
    const row = el("div", "details-row");
    row.append(el("dt", null, name), el("dd", null, value));
    dl.append(row);
  }
  box.append(head, dl);
}

/* ------------------------------------------------------------------ tooltip */

export function showTooltip(mark) {
  state.tipMark = mark;
  const view = state.view;
  const id = mark.dataset.id || mark.dataset.for;
  const item = view && view.index.items.get(id);
  const tip = $("tooltip");
  if (!item) { hideTooltip(); return; }
  tip.replaceChildren();
  tip.dataset.kind = item.kind;
  const title = mark.classList.contains("chiso-stated")
    ? t("stated_of", { text: item.data.text }) : kindLabel(item);
  tip.append(el("span", "tooltip-kind", title), el("span", "tooltip-reading", itemReading(item)));
  const status = view.index.statusOf.get(id);
  if (status) {
    const s = el("span", "tooltip-status", SYMBOLS[status] + " " + label("statuses", status));
    s.dataset.status = status;
    tip.append(s);
  }
  tip.hidden = false;
  placeTooltip(tip, mark);
}

function placeTooltip(tip, mark) {
  // The line box under the pointer is the first rect of the mark; a wrapped mark has several.
  const rect = mark.getClientRects()[0] || mark.getBoundingClientRect();
  const gap = 6;
  const width = tip.offsetWidth;
  const height = tip.offsetHeight;
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
  let top = rect.bottom + gap;
  if (top + height > window.innerHeight - 8) top = Math.max(8, rect.top - height - gap);
  tip.style.left = left + "px";
  tip.style.top = top + "px";
}

export function hideTooltip() {
  state.tipMark = null;
  $("tooltip").hidden = true;
}

/** The tooltip is fixed: keep it by its mark while the page scrolls (focus moving
 * with Tab scrolls it), and drop it once the mark is out of view. */
export function followTooltip() {
  const mark = state.tipMark;
  const tip = $("tooltip");
  if (!mark || tip.hidden) return;
  const rect = mark.getBoundingClientRect();
  if (!mark.isConnected || rect.bottom < 0 || rect.top > window.innerHeight) { hideTooltip(); return; }
  placeTooltip(tip, mark);
}
