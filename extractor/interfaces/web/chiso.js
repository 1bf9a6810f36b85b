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
 *
 * This module is the entry: the events and init. The others, by job: state, strings,
 * numbers, marks, panels, details, view, server, static. ES modules, no build step: the
 * server page maps "chiso/" to static/ with an import map, and `chiso html` maps each
 * module to a data: URL, so that the file needs no network.
 */
import { followTooltip, hideTooltip, renderDetails, showTooltip } from "chiso/details.js";
import { initServerMode } from "chiso/server.js";
import { $, state } from "chiso/state.js";
import { initStaticMode } from "chiso/static.js";
import { setLang, storedLang } from "chiso/strings.js";
import { clearSelection, downloadCsv, downloadJson, marksOf, scrollBehavior, scrollCheckIntoView, selectCheck, selectItem } from "chiso/view.js";

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
