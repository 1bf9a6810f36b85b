/* chiso web page: shows one report (figures, officials, documents, dates marked in the
 * article text) and its checks (the article's arithmetic done again).
 *
 * Two modes, read from #chiso-config: "server" (the page asks the API: v1/extract,
 * v1/decode, v1/csv) and "static" (one self-contained file: the reports are embedded as
 * <script type="application/json" class="chiso-article|chiso-report">).
 *
 * Rules this file keeps:
 * - the article is untrusted: it only ever reaches the page as text nodes (textContent,
 *   createTextNode), never through innerHTML;
 * - every UI string comes from the messages table (messages.yaml, web.*), so the
 *   language switch reaches all of them;
 * - report offsets are Python code points, converted here to UTF-16 indices;
 * - the JSON download is the report text exactly as received (exact digits).
 */
(function () {
  "use strict";

  const LANGS = ["vi", "en"];
  const STORAGE_KEY = "chiso.lang";
  // Language-neutral glyphs, the same in every language.
  const SYMBOLS = { consistent: "✓", inconsistent: "✗", unverifiable: "?" };
  const STATUS_ORDER = ["inconsistent", "unverifiable", "consistent"];
  const KINDS = ["figure", "official", "document", "date"];
  const FIGURE_KINDS = ["percent", "ratio", "change", "count", "money", "number"];
  // Outer first when two spans are identical: a document can hold a date, an official's
  // title can hold a figure.
  const KIND_NESTING = { document: 0, official: 1, figure: 2, date: 3 };

  const $ = (id) => document.getElementById(id);

  const state = {
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

  /* ------------------------------------------------------------------ strings */

  function table(lang) {
    const all = state.messages || {};
    return all[lang] || all.en || {};
  }

  function lookup(root, path) {
    return path.split(".").reduce((node, key) => (node && typeof node === "object" ? node[key] : undefined), root);
  }

  /** A web.* string in the current language, English if missing, the key as a last resort. */
  function t(key, values) {
    let text = lookup(table(state.lang).web, key);
    if (typeof text !== "string") text = lookup(table("en").web, key);
    if (typeof text !== "string") text = key;
    return values ? fill(text, values) : text;
  }

  /** A count in words: KEY_one for 1 where the language has it (as messages.counted does). */
  function counted(key, n, values) {
    const one = key + "_one";
    const useOne = n === 1 && typeof lookup(table(state.lang).web, one) === "string";
    return t(useOne ? one : key, Object.assign({ n }, values || {}));
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  }

  /** A label from the shared tables (rules, statuses, severities): the code if unknown. */
  function label(tableName, code) {
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

  function storedLang() {
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

  function setLang(lang, remember) {
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

  /* ------------------------------------------------------------------ numbers */

  /** A JSON number whose digits a JS number cannot hold (33.333333333333333333, 1e21). */
  class Exact {
    constructor(source) { this.source = source; }
    valueOf() { return Number(this.source); }
    toString() { return this.source; }
  }

  /** The report from its JSON text, keeping the exact digits of long numbers where the
   * browser gives the reviver the source text (JSON.parse source access). */
  function parseReport(raw) {
    const report = JSON.parse(raw, function (key, value, context) {
      if (typeof value === "number" && context && typeof context.source === "string"
          && String(value) !== context.source) {
        return new Exact(context.source);
      }
      return value;
    });
    if (!report || typeof report !== "object" || Array.isArray(report)) throw new Error("not a report");
    for (const name of ["figures", "officials", "documents", "dates", "checks", "errors"]) {
      if (!Array.isArray(report[name])) report[name] = [];
    }
    return report;
  }

  /** Plain decimal digits of a number: "-1234.5", never an exponent. */
  function plainDigits(x) {
    if (x instanceof Exact) return expandExponent(x.source);
    if (typeof x === "number") {
      return expandExponent(String(x));
    }
    return String(x);
  }

  function expandExponent(s) {
    const m = /^(-?)(\d+)(?:\.(\d+))?[eE]([+-]?\d+)$/.exec(s);
    if (!m) return s;
    const digits = m[2] + (m[3] || "");
    const point = m[2].length + Number(m[4]);
    if (point <= 0) return m[1] + "0." + "0".repeat(-point) + digits;
    if (point >= digits.length) return m[1] + digits + "0".repeat(point - digits.length);
    return m[1] + digits.slice(0, point) + "." + digits.slice(point);
  }

  /** A number written the way the current language writes it (vi 12.450,5; en 12,450.5). */
  function formatNumber(x) {
    if (x === null || x === undefined) return "";
    const s = plainDigits(x);
    const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
    if (!m) return s;
    const group = state.lang === "vi" ? "." : ",";
    const point = state.lang === "vi" ? "," : ".";
    const whole = m[2].replace(/\B(?=(\d{3})+(?!\d))/g, group);
    return m[1] + whole + (m[3] ? point + m[3] : "");
  }

  function formatQuantity(value, unit) {
    if (value === null || value === undefined) return "";
    const number = formatNumber(value);
    if (!unit) return number;
    return unit === "%" ? number + "%" : number + " " + unit;
  }

  /* -------------------------------------------------------------------- index */

  /** Everything the page looks up by id: items (the marked things), checks, and which
   * checks each figure takes part in. */
  function buildIndex(report) {
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
  function worstStatus(checks) {
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

  function kindLabel(item) {
    if (item.kind === "figure") return t("figure_kinds." + item.data.kind);
    return t("kind_one." + item.kind);
  }

  function itemText(item) {
    const d = item.data;
    if (item.kind === "official") return d.name || "";
    return d.text || "";
  }

  /** The one-line reading of an item: its value, or name, or number. */
  function itemReading(item) {
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

  function renderArticle(view) {
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

  /* --------------------------------------------------------- summary, legend */

  function statusCounts(checks) {
    const counts = { consistent: 0, inconsistent: 0, unverifiable: 0 };
    for (const c of checks) if (c.status in counts) counts[c.status]++;
    return counts;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text instanceof Node) node.append(text);
    else if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function renderSummary(view) {
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

  function renderLegend(view) {
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

  function renderNotes(view) {
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

  function renderChecks(view) {
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
  function renderDetails(force) {
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

  function showTooltip(mark) {
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

  function hideTooltip() {
    state.tipMark = null;
    $("tooltip").hidden = true;
  }

  /** The tooltip is fixed: keep it by its mark while the page scrolls (focus moving
   * with Tab scrolls it), and drop it once the mark is out of view. */
  function followTooltip() {
    const mark = state.tipMark;
    const tip = $("tooltip");
    if (!mark || tip.hidden) return;
    const rect = mark.getBoundingClientRect();
    if (!mark.isConnected || rect.bottom < 0 || rect.top > window.innerHeight) { hideTooltip(); return; }
    placeTooltip(tip, mark);
  }

  /* ---------------------------------------------------------------- selection */

  function scrollBehavior() {
    return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
  }

  function marksOf(id) {
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

  function selectItem(id, options) {
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
  function scrollCheckIntoView(li) {
    const side = li.closest(".side-column");
    const panel = document.querySelector(".details-panel");
    if (side && panel && getComputedStyle(panel).position === "sticky") {
      side.style.scrollPaddingTop = panel.offsetHeight + 12 + "px";
    }
    li.scrollIntoView({ block: "nearest", behavior: scrollBehavior() });
  }

  /** Select a check: its figures light up, and one of them (the first in the text unless
   * told which) scrolls into view. */
  function selectCheck(id, focusFigure) {
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

  function clearSelection() {
    state.selection = null;
    state.pointed = null;
    hideTooltip();
    applySelection();
    renderDetails();
  }

  /* --------------------------------------------------------------------- view */

  /** Show a report. view: {report, raw, text, csv?, request?, notes}. */
  function showView(view) {
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

  function renderView(options) {
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
  function showError(error) {
    state.error = error;
    if (error && error.clearsView) clearView();
    renderError();
    setBusy(false); // the controls are usable again before the state says so
    document.body.dataset.state = "error";
  }

  function renderError() {
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
  function inputError(error) {
    return Object.assign({ clearsView: true }, error);
  }

  function clearError() {
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

  function downloadJson() {
    if (!state.view) return;
    saveBlob(new Blob([state.view.raw], { type: "application/json" }), fileStem() + ".json");
  }

  async function downloadCsv(tableName) {
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

  /* -------------------------------------------------------------- server mode */

  function postJson(url, body) {
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(body),
    });
  }

  /** An error answer in the page's words by the API's code ({"error": {"code",
   * "message"}}), the server's message as detail; the HTTP status where the code is
   * unknown or the answer is not the API's. */
  async function httpError(response) {
    let detail = null;
    let code = null;
    try {
      const data = JSON.parse(await response.text());
      if (data && data.error && typeof data.error.message === "string") detail = data.error.message;
      if (data && data.error && typeof data.error.code === "string") code = data.error.code;
    } catch (e) { /* not the API's JSON: the status alone */ }
    const known = code && typeof lookup(table("en").web, "server_errors." + code) === "string";
    const requestId = response.headers.get("x-request-id");
    if (known && code === "internal" && requestId) detail = (detail || "") + " (" + requestId + ")";
    if (known) return { key: "server_errors." + code, detail };
    return { key: "error_http", values: { status: response.status }, detail };
  }

  /** Too big for this server, said before sending it (the server would answer 413). */
  function tooLarge(size) {
    return state.maxBody && size > state.maxBody
      ? inputError({ key: "error_too_large", values: { size, limit: state.maxBody } }) : null;
  }

  /** Busy: the controls wait. Not busy leaves the state to the caller (ready or error). */
  function setBusy(busy, message) {
    if (busy) document.body.dataset.state = "busy";
    $("analyse").disabled = busy;
    $("input-file").disabled = busy;
    $("busy").textContent = busy ? message : "";
    $("results").setAttribute("aria-busy", String(busy));
  }

  function notesFor(text, report) {
    const notes = [];
    const seen = new Set();
    const add = (e) => {
      const key = e.code + "\u0000" + e.message;
      if (!seen.has(key)) { seen.add(key); notes.push(e); }
    };
    // What reading the file found (a legacy encoding converted…), while the text is still that file's.
    if (state.decoded && state.decoded.text === text) state.decoded.errors.forEach(add);
    (report.errors || []).forEach(add);
    return notes;
  }

  async function analyse() {
    const text = $("input-text").value;
    if (!text.trim()) { showError(inputError({ key: "error_empty" })); return; }
    const id = $("input-id").value.trim();
    const request = { text, id: id || null, html: $("input-html").checked };
    const ticket = ++state.request;
    const refused = tooLarge(new TextEncoder().encode(JSON.stringify(request)).length);
    if (refused) { showError(refused); return; }
    clearError();
    setBusy(true, t("busy"));
    try {
      const response = await postJson("v1/extract", request);
      if (ticket !== state.request) return;
      if (!response.ok) { showError(inputError(await httpError(response))); return; }
      const raw = await response.text();
      let report;
      try { report = parseReport(raw); } catch (e) { showError(inputError({ key: "error_bad_report" })); return; }
      const shown = typeof report.source_text === "string" ? report.source_text : text;
      showView({ report, raw, text: shown, request, notes: notesFor(text, report) });
    } catch (e) {
      if (ticket === state.request) showError(inputError({ key: "error_network" }));
    } finally {
      if (ticket === state.request) setBusy(false);
    }
  }

  function extensionOf(name) {
    const m = /\.([^.]+)$/.exec(name || "");
    return m ? m[1].toLowerCase() : "";
  }

  /** A chosen file: the server reads its bytes (encodings, legacy Vietnamese fonts), the
   * text goes into the textarea, then it is analysed. */
  async function readFile(file) {
    const ext = extensionOf(file.name);
    forgetFile();
    $("file-name").textContent = file.name;
    if (!["txt", "html", "htm"].includes(ext)) { showError(inputError({ key: "error_file_type" })); return; }
    const refused = tooLarge(file.size);
    if (refused) { showError(refused); return; }
    const ticket = ++state.request;
    clearError();
    setBusy(true, t("reading_file", { name: file.name }));
    try {
      const bytes = await file.arrayBuffer();
      const response = await fetch("v1/decode?name=" + encodeURIComponent(file.name), {
        method: "POST", headers: { "Content-Type": "application/octet-stream" }, body: bytes,
      });
      if (ticket !== state.request) return;
      if (!response.ok) { showError(inputError(await httpError(response))); setBusy(false); return; }
      const data = await response.json();
      const text = typeof data.text === "string" ? data.text : "";
      state.decoded = { text, errors: Array.isArray(data.errors) ? data.errors : [] };
      $("input-text").value = text;
      // The file's own id and kind: a file read before must not name this one.
      const id = file.name.replace(/\.[^.]+$/, "");
      const html = ext === "html" || ext === "htm";
      $("input-id").value = id;
      $("input-html").checked = html;
      state.fromFile = { id, html };
    } catch (e) {
      if (ticket === state.request) { showError(inputError({ key: "error_network" })); setBusy(false); }
      return;
    }
    setBusy(false);
    await analyse();
  }

  /** The text no longer comes from the file read last: what the file set goes with it
   * (an id the user typed stays). */
  function forgetFile() {
    const from = state.fromFile;
    if (from) {
      if ($("input-id").value === from.id) $("input-id").value = "";
      if (from.html) $("input-html").checked = false;
    }
    state.fromFile = null;
    state.decoded = null;
    $("file-name").textContent = "";
  }

  /** A paste or drop over the whole text, or a text emptied, is a new article. */
  function watchText() {
    const box = $("input-text");
    let replacesAll = false;
    box.addEventListener("beforeinput", (event) => {
      const all = box.selectionStart === 0 && box.selectionEnd === box.value.length;
      replacesAll = all && /^insertFrom(Paste|Drop)/.test(event.inputType || "");
    });
    box.addEventListener("input", () => {
      if (replacesAll || !box.value.trim()) forgetFile();
      replacesAll = false;
    });
  }

  function initServerMode(config) {
    state.maxBody = Number.isInteger(config.max_body) && config.max_body > 0 ? config.max_body : null;
    watchText();
    const form = $("input-form");
    form.hidden = false;
    form.addEventListener("submit", (event) => { event.preventDefault(); analyse(); });
    $("input-text").addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); analyse(); }
    });
    $("input-file").addEventListener("change", (event) => {
      const file = event.target.files && event.target.files[0];
      if (file) readFile(file);
      event.target.value = "";   // choosing the same file again (after editing the text) reads it again
    });
    document.body.dataset.state = "idle";
  }

  /* -------------------------------------------------------------- static mode */

  /* page.py writes "</" as "<\\/", and a comment opener (less-than, "!--") with its "!" as
     \u0021, so that a report cannot end its script element or put the HTML parser in
     its escaped state; both are the same JSON, and undoing them gives back the report
     byte for byte as `chiso extract` prints it (a backslash written in the text is
     doubled in JSON, so these sequences cannot come from the text itself). The opener
     is built from pieces: this script sits inline in `chiso html` files too. */
  const COMMENT_OPEN = "<" + "!--";
  function unescapeScript(raw) {
    return raw.split("<\\/").join("</").split("<\\u0021--").join(COMMENT_OPEN);
  }

  function readStaticArticles() {
    const articles = [];
    const reports = new Map();
    document.querySelectorAll("script.chiso-report").forEach((s) => reports.set(s.dataset.index, unescapeScript(s.textContent)));
    document.querySelectorAll("script.chiso-article").forEach((s) => {
      const raw = reports.get(s.dataset.index);
      if (raw === undefined) return;
      try {
        articles.push({ article: JSON.parse(s.textContent), raw, index: Number(s.dataset.index) });
      } catch (e) { /* a broken block: leave that article out */ }
    });
    articles.sort((a, b) => a.index - b.index);
    return articles;
  }

  function showStaticArticle(n) {
    const entry = state.articles[n];
    if (!entry) return;
    let report;
    try { report = parseReport(entry.raw); } catch (e) { showError({ key: "error_bad_report" }); return; }
    clearError();
    state.current = n;
    const a = entry.article;
    const text = typeof report.source_text === "string" ? report.source_text : (a.text || "");
    showView({ report, raw: entry.raw, text, csv: a.csv || {}, notes: notesFor(null, report) });
    document.querySelectorAll("#articles-nav button").forEach((b) => {
      const on = Number(b.dataset.index) === n;
      b.setAttribute("aria-pressed", String(on));
      if (on) b.setAttribute("aria-current", "true"); else b.removeAttribute("aria-current");
    });
  }

  /** ✗/✓/? counts of one embedded report; null if it cannot be read. */
  function articleCounts(entry) {
    if (entry.counts === undefined) {
      try { entry.counts = statusCounts(parseReport(entry.raw).checks); } catch (e) { entry.counts = null; }
    }
    return entry.counts;
  }

  function renderArticlesNav() {
    const nav = $("articles-nav");
    nav.replaceChildren();
    nav.hidden = state.articles.length < 2;
    if (nav.hidden) return;
    const heading = el("span", "articles-nav-title");
    heading.dataset.i18n = "articles_nav";
    heading.textContent = t("articles_nav");
    nav.append(heading);
    state.articles.forEach((entry, n) => {
      const name = entry.article.name || String(n + 1);
      const b = el("button", "article-tab", el("span", "article-tab-name", name));
      const counts = articleCounts(entry);
      if (counts) {
        // ✗ first: the article an editor must open is seen in the bar.
        for (const status of STATUS_ORDER) {
          const c = el("span", "article-tab-count", SYMBOLS[status] + counts[status]);
          c.dataset.status = status;
          c.dataset.count = String(counts[status]);
          c.setAttribute("aria-hidden", "true");
          b.append(" ", c);
        }
        b.setAttribute("aria-label", t("article_counts", Object.assign({ name }, counts)));
      }
      b.type = "button";
      b.dataset.index = String(n);
      const on = n === state.current;
      b.setAttribute("aria-pressed", String(on));
      if (on) b.setAttribute("aria-current", "true");
      b.addEventListener("click", () => showStaticArticle(n));
      nav.append(b);
    });
  }

  function initStaticMode() {
    $("input-form").hidden = true;
    state.articles = readStaticArticles();
    renderArticlesNav();
    if (state.articles.length) showStaticArticle(0);
    else document.body.dataset.state = "idle";
  }

  /* ------------------------------------------------------------------- events */

  function isActivationKey(event) {
    return event.key === "Enter" || event.key === " " || event.key === "Spacebar";
  }

  function markOf(node) {
    return node instanceof Element ? node.closest("mark.chiso-mark, mark.chiso-stated") : null;
  }

  function markId(mark) {
    return mark.dataset.id || mark.dataset.for;
  }

  function point(id) {
    state.pointed = id;
    renderDetails();
  }

  /** The pointer or focus left the marks: show the focused mark, else the selected item;
   * with neither, the last item shown stays, so the links in the panel can be reached. */
  function settleDetails(focusedMark) {
    if (focusedMark) point(markId(focusedMark));
    else if (state.selection && state.selection.type === "item") point(null);
  }

  function wireArticle() {
    const box = $("article");
    box.addEventListener("click", (event) => {
      const mark = markOf(event.target);
      if (mark) selectItem(markId(mark));
    });
    box.addEventListener("keydown", (event) => {
      const mark = markOf(event.target);
      if (mark && event.target === mark && isActivationKey(event)) {
        event.preventDefault(); // Space would scroll the page
        selectItem(markId(mark));
      }
    });
    // Hover and keyboard focus show the same: the tooltip and the details of the mark.
    const enter = (event) => {
      const mark = markOf(event.target);
      if (!mark) return;
      showTooltip(mark);
      point(markId(mark));
    };
    box.addEventListener("mouseover", enter);
    box.addEventListener("mouseout", (event) => {
      const mark = markOf(event.target);
      if (!mark || markOf(event.relatedTarget)) return;
      const focused = markOf(document.activeElement);
      if (focused) showTooltip(focused); else hideTooltip();
      settleDetails(focused);
    });
    box.addEventListener("focusin", enter);
    box.addEventListener("focusout", (event) => {
      if (markOf(event.relatedTarget)) return;
      hideTooltip();
      settleDetails(null);
    });
  }

  function wireChecks() {
    const list = $("checks");
    list.addEventListener("click", (event) => {
      const target = event.target instanceof Element ? event.target : null;
      const figure = target && target.closest(".check-figure");
      if (figure) { selectCheck(figure.dataset.check, figure.dataset.figure); return; }
      const check = target && target.closest(".check");
      if (check) selectCheck(check.dataset.id);
    });
    list.addEventListener("keydown", (event) => {
      const target = event.target;
      if (target instanceof Element && target.classList.contains("check") && isActivationKey(event)) {
        event.preventDefault();
        selectCheck(target.dataset.id);
      }
    });
  }

  function wireDetails() {
    $("details").addEventListener("click", (event) => {
      const b = event.target instanceof Element ? event.target.closest("button[data-action]") : null;
      if (!b) return;
      // The link goes where it points, focus too: the panel is rebuilt under it.
      if (b.dataset.action === "check") {
        selectCheck(b.dataset.target);
        const li = state.view.index.checkEls.get(b.dataset.target);
        if (li) {
          li.focus({ preventScroll: true });
          scrollCheckIntoView(li);
        }
      } else if (b.dataset.action === "item") {
        selectItem(b.dataset.target);
        const mark = marksOf(b.dataset.target)[0];
        if (mark) {
          mark.focus({ preventScroll: true });
          mark.scrollIntoView({ block: "center", behavior: scrollBehavior() });
        }
      }
    });
  }

  function wireGlobal() {
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape") clearSelection();
    });
    $("lang-switch").addEventListener("click", (event) => {
      const b = event.target instanceof Element ? event.target.closest("button[data-lang]") : null;
      if (b) setLang(b.dataset.lang, true);
    });
    $("download-json").addEventListener("click", downloadJson);
    $("download-figures-csv").addEventListener("click", () => downloadCsv("figures"));
    $("download-checks-csv").addEventListener("click", () => downloadCsv("checks"));
    let frame = 0;
    const follow = () => {
      if (!frame) frame = requestAnimationFrame(() => { frame = 0; followTooltip(); });
    };
    // capture: the side column scrolls on its own too.
    window.addEventListener("scroll", follow, { passive: true, capture: true });
    window.addEventListener("resize", follow);
  }

  /* --------------------------------------------------------------------- init */

  function readConfig() {
    const node = $("chiso-config");
    if (!node) return {};
    try { return JSON.parse(node.textContent) || {}; } catch (e) { return {}; }
  }

  function init() {
    const config = readConfig();
    state.mode = config.mode === "static" ? "static" : "server";
    state.version = config.version || "";
    state.messages = config.messages || {};
    document.body.dataset.mode = state.mode;
    wireArticle();
    wireChecks();
    wireDetails();
    wireGlobal();
    setLang(storedLang() || "vi", false);
    if (state.mode === "static") initStaticMode(); else initServerMode(config);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
