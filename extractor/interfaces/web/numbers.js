/* chiso web page — Numbers as the report gives them: exact decimals (never floats), shown in the page's
 * language, and the report's JSON read with its exact digits.
 *
 * The rules every module keeps are in chiso.js.
 */
import { $, state } from "chiso/state.js";

/* ------------------------------------------------------------------ numbers */

/** A JSON number whose digits a JS number cannot hold (33.333333333333333333, 1e21). */
class Exact {
  constructor(source) { this.source = source; }
  valueOf() { return Number(this.source); }
  toString() { return this.source; }
}

/** The report from its JSON text, keeping the exact digits of long numbers where the
 * browser gives the reviver the source text (JSON.parse source access). */
export function parseReport(raw) {
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
export function formatNumber(x) {
  if (x === null || x === undefined) return "";
  const s = plainDigits(x);
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return s;
  const group = state.lang === "vi" ? "." : ",";
  const point = state.lang === "vi" ? "," : ".";
  const whole = m[2].replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return m[1] + whole + (m[3] ? point + m[3] : "");
}

export function formatQuantity(value, unit) {
  if (value === null || value === undefined) return "";
  const number = formatNumber(value);
  if (!unit) return number;
  return unit === "%" ? number + "%" : number + " " + unit;
}
