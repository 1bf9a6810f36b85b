/* chiso web page — Static mode (chiso html): the reports embedded in the file, and the switcher between
 * articles with their ✗ / ? / ✓ counts.
 *
 * The rules every module keeps are in chiso.js.
 */
import { parseReport } from "chiso/numbers.js";
import { statusCounts } from "chiso/panels.js";
import { notesFor } from "chiso/server.js";
import { $, STATUS_ORDER, SYMBOLS, el, state } from "chiso/state.js";
import { t } from "chiso/strings.js";
import { clearError, showError, showView } from "chiso/view.js";

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

export function renderArticlesNav() {
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

export function initStaticMode() {
  $("input-form").hidden = true;
  state.articles = readStaticArticles();
  renderArticlesNav();
  if (state.articles.length) showStaticArticle(0);
  else document.body.dataset.state = "idle";
}
