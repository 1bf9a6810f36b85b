/* chiso web page — The article with its marks: the report's index, spans converted from Python code points
 * to UTF-16, what each item says, and the article drawn as text nodes only.
 *
 * The rules every module keeps are in chiso.js.
 */
import { formatNumber, formatQuantity } from "chiso/numbers.js";
import { $, KIND_NESTING, STATUS_ORDER, state } from "chiso/state.js";
import { label, t } from "chiso/strings.js";

/* -------------------------------------------------------------------- index */

/** Everything the page looks up by id: items (the marked things), checks, and which
 * checks each figure takes part in. */
export function buildIndex(report) {
  const items = new Map();
  const add = (kind, id, data) => { if (id && !items.has(id)) items.set(id, { kind, id, data }); };
  report.figures.forEach((f) => add("figure", f.id, f));
  report.officials.forEach((o) => add("official", o.id, o));
  report.documents.forEach((d) => add("document", d.id, d));
  report.dates.forEach((d, i) => add("date", "t" + i, d));

  const checks = new Map();
  const checksOf = new Map();
  for (const c of report.checks) {
    checks.set(c.id, c);
    for (const fid of c.figures || []) {
      if (!checksOf.has(fid)) checksOf.set(fid, []);
      checksOf.get(fid).push(c);
    }
  }
  return { items, checks, checksOf };
}

/** The worst status of a figure's checks: inconsistent > unverifiable > consistent. */
export function worstStatus(checks) {
  for (const status of STATUS_ORDER) {
    if (checks.some((c) => c.status === status)) return status;
  }
  return null;
}

/* -------------------------------------------------------------------- spans */

/** Python code-point offset -> JS (UTF-16) index. Identity unless the text holds
 * characters outside the BMP (emoji), which take two UTF-16 units. */
function offsetMapper(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) {
    return (cp) => Math.min(cp, text.length);
  }
  const units = [0];
  let unit = 0;
  for (const ch of text) {
    unit += ch.length;
    units.push(unit);
  }
  return (cp) => units[Math.min(cp, units.length - 1)];
}

function validSpan(start, end) {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start;
}

/** Every span to mark, in UTF-16 units, ordered so an outer span comes before the spans
 * it holds. */
function collectSpans(view) {
  const toUnit = offsetMapper(view.text);
  const spans = [];
  const push = (kind, id, start, end, part) => {
    if (!validSpan(start, end)) return;
    const s = toUnit(start);
    const e = toUnit(end);
    if (e > s) spans.push({ kind, id, start: s, end: e, part: part || null, seq: spans.length });
  };
  for (const f of view.report.figures) {
    push("figure", f.id, f.start, f.end);
    // A ratio's stated percent, written apart from its numerator/denominator.
    const st = f.stated;
    if (st && validSpan(st.start, st.end) && (st.end <= f.start || st.start >= f.end)) {
      push("figure", f.id, st.start, st.end, "stated");
    }
  }
  for (const o of view.report.officials) {
    for (const m of o.mentions || []) push("official", o.id, m.start, m.end);
  }
  for (const d of view.report.documents) push("document", d.id, d.start, d.end);
  view.report.dates.forEach((d, i) => push("date", "t" + i, d.start, d.end));
  spans.sort((a, b) => a.start - b.start || b.end - a.end
    || KIND_NESTING[a.kind] - KIND_NESTING[b.kind] || a.seq - b.seq);
  return spans;
}

/** The article as text nodes and <mark>s. Spans that nest become nested marks; a span
 * that crosses another is cut into pieces that share its data-id. Each character of the
 * text is written exactly once, so #article's textContent is the text. */
function renderText(text, spans, makeMark) {
  const root = document.createDocumentFragment();
  const points = new Set([0, text.length]);
  for (const s of spans) {
    if (s.start < text.length) {
      points.add(s.start);
      points.add(Math.min(s.end, text.length));
    }
  }
  const bounds = Array.from(points).sort((a, b) => a - b);
  const stack = []; // [{span, el}] the marks open at this point, outermost first
  let next = 0;     // next span (in spans order) not yet active
  let active = [];  // spans covering the current segment, in spans order

  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i];
    const to = bounds[i + 1];
    active = active.filter((s) => s.end > from);
    while (next < spans.length && spans[next].start <= from) {
      if (spans[next].end > from) active.push(spans[next]);
      next++;
    }
    active.sort((a, b) => a.start - b.start || b.end - a.end
      || KIND_NESTING[a.kind] - KIND_NESTING[b.kind] || a.seq - b.seq);

    let keep = 0;
    while (keep < stack.length && keep < active.length && stack[keep].span === active[keep]) keep++;
    stack.length = keep;
    for (let k = keep; k < active.length; k++) {
      const span = active[k];
      const el = makeMark(span, span.start < from); // a later piece of a cut span
      (stack.length ? stack[stack.length - 1].el : root).appendChild(el);
      stack.push({ span, el });
    }
    const parent = stack.length ? stack[stack.length - 1].el : root;
    parent.appendChild(document.createTextNode(text.slice(from, to)));
  }
  return root;
}

/* ---------------------------------------------------------------- item text */

export function kindLabel(item) {
  if (item.kind === "figure") return t("figure_kinds." + item.data.kind);
  return t("kind_one." + item.kind);
}

export function itemText(item) {
  const d = item.data;
  if (item.kind === "official") return d.name || "";
  return d.text || "";
}

/** The one-line reading of an item: its value, or name, or number. */
export function itemReading(item) {
  const d = item.data;
  switch (item.kind) {
    case "figure": {
      if (d.kind === "ratio" && d.numerator !== null && d.numerator !== undefined
          && d.denominator !== null && d.denominator !== undefined) {
        return formatNumber(d.numerator) + "/" + formatNumber(d.denominator) + " = " + formatQuantity(d.value, d.unit);
      }
      const qty = formatQuantity(d.value, d.unit);
      const q = d.qualifier ? t("qualifiers." + d.qualifier) : "";
      const dir = d.kind === "change" && d.direction ? t("directions." + d.direction) : "";
      return [q, dir, qty].filter(Boolean).join(" ");
    }
    case "official": return [d.rank, d.name].filter(Boolean).join(" ");
    case "document": return [d.type, d.number].filter(Boolean).join(" ");
    case "date": return d.value || "";
    default: return "";
  }
}

/** What a screen reader says for a mark: "số liệu 12.450 tỷ đồng, số tiền, không khớp". */
function markLabel(item, part) {
  const d = item.data;
  const bits = [];
  if (part === "stated") {
    bits.push(t("stated_of", { text: d.text }) + " " + formatQuantity(d.value, d.unit));
  } else if (item.kind === "official") {
    bits.push(t("kind_one.official") + " " + d.name);
    if (d.titles && d.titles.length) bits.push(d.titles[0]);
  } else {
    bits.push(t("kind_one." + item.kind) + " " + (d.text || ""));
  }
  if (item.kind === "figure") {
    bits.push(t("figure_kinds." + d.kind));
    const status = state.view.index.statusOf.get(item.id);
    if (status) bits.push(label("statuses", status));
  }
  if (item.kind === "date") {
    bits.push(d.value);
    if (d.year_inferred) bits.push(t("year_inferred"));
  }
  return bits.filter(Boolean).join(", ");
}

/* ------------------------------------------------------------------ article */

function makeMarkFactory(view) {
  return function makeMark(span, continued) {
    const item = view.index.items.get(span.id);
    const el = document.createElement("mark");
    el.dataset.kind = span.kind;
    if (span.part === "stated") {
      // Not a .chiso-mark: one .chiso-mark per figure span, so a figure's mark is
      // unique; its stated percent points back with data-for.
      el.className = "chiso-stated";
      el.dataset.for = span.id;
    } else {
      el.className = "chiso-mark";
      el.dataset.id = span.id;
    }
    if (continued) el.dataset.continued = "true";
    const status = view.index.statusOf.get(span.id);
    if (status) el.dataset.status = status;
    el.tabIndex = 0;
    el.setAttribute("role", "button");
    if (item) el.setAttribute("aria-label", markLabel(item, span.part));
    if (!view.index.marks.has(span.id)) view.index.marks.set(span.id, []);
    view.index.marks.get(span.id).push(el);
    return el;
  };
}

export function renderArticle(view) {
  const box = $("article");
  view.index.marks = new Map();
  box.replaceChildren(renderText(view.text, collectSpans(view), makeMarkFactory(view)));
  box.dataset.empty = t("empty_article");
  // The end of each cut span: only there the ✗ flag is drawn.
  for (const marks of view.index.marks.values()) {
    const last = marks.filter((m) => m.classList.contains("chiso-mark")).pop();
    if (last) last.dataset.last = "true";
  }
}
