/* chiso web page — Server mode: the page asks the API (v1/extract, v1/decode, v1/csv). Each file or whole
 * paste is its own article; a request over the server's limit is refused before it is sent.
 *
 * The rules every module keeps are in chiso.js.
 */
import { parseReport } from "chiso/numbers.js";
import { $, state } from "chiso/state.js";
import { lookup, t, table } from "chiso/strings.js";
import { clearError, inputError, showError, showView } from "chiso/view.js";

/* -------------------------------------------------------------- server mode */

export function postJson(url, body) {
  return fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Accept": "application/json" },
    body: JSON.stringify(body),
  });
}

/** An error answer in the page's words by the API's code ({"error": {"code",
 * "message"}}), the server's message as detail; the HTTP status where the code is
 * unknown or the answer is not the API's. */
export async function httpError(response) {
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
export function setBusy(busy, message) {
  if (busy) document.body.dataset.state = "busy";
  $("analyse").disabled = busy;
  $("input-file").disabled = busy;
  $("busy").textContent = busy ? message : "";
  $("results").setAttribute("aria-busy", String(busy));
}

export function notesFor(text, report) {
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

export function initServerMode(config) {
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
