import { str } from "../prelude";

// encodeURIComponent / decodeURIComponent: UTF-8 escapes, the unreserved characters, surrogate pairs, and
// URIError "URI malformed" for a lone surrogate, a bad escape, a bad or overlong UTF-8 sequence.
function attempt(f: () => string): string {
  try {
    return f();
  } catch (e) {
    return e.name + ":" + e.message;
  }
}

export function encodeDecode(): string {
  const samples = ["", "abc", "a b&c=d/e?f#g", "-_.!~*'()", "é", "日本", "😀", "100%", "\u0000\u007f\u0080\u07ff\u0800\uffff"];
  let out = "";
  for (const s of samples) out += encodeURIComponent(s) + "|" + decodeURIComponent(encodeURIComponent(s)) + "|";
  out += decodeURIComponent("%41%42%e6%97%a5%F0%9F%98%80") + decodeURIComponent("plain+text%2B") + "|";
  const hi = String.fromCharCode(0xd800), lo = String.fromCharCode(0xdc00);  // lone surrogates (no literal may hold one)
  out += attempt(() => encodeURIComponent(hi)) + attempt(() => encodeURIComponent("a" + lo)) +
    attempt(() => encodeURIComponent("😀" + hi)) + encodeURIComponent(hi + lo) + "|";
  for (const bad of ["%", "%4", "%zz", "%C0%80", "%E0%80%80", "%ED%A0%80", "%F4%90%80%80", "%80", "%C3", "%C3%28", "%FF"]) {
    try {
      out += decodeURIComponent(bad);
    } catch (e) {
      out += e.name + ":" + e.message;
    }
  }
  return str(out);
}

export function splitLimit(): string {
  const s = "a,b,,c";
  let out = "";
  for (const n of [0, 1, 2, 10, -1, 2.9, NaN, 4294967297]) out += s.split(",", n).join("|") + ";";
  return str(out + "x".split("", 1).join() + "".split(",", 3).length + "abc".split("").join("/"));
}

export function codePoints(): string {
  const s = "a😀é" + String.fromCharCode(0xd83d) + "z";
  let out = "";
  for (let i = -1; i <= s.length; i++) {
    const cp = s.codePointAt(i);
    out += (cp === undefined ? "u" : String(cp)) + ",";
  }
  out += String.fromCodePoint(97, 0x1f600, 0xe9, 0x10ffff, 0) + "|" + String.fromCodePoint() + "|" + String.fromCodePoint(65.0);
  for (const bad of [-1, 0x110000, 1.5, NaN, Infinity]) {
    try {
      out += String.fromCodePoint(bad);
    } catch (e) {
      out += e.name + ":" + e.message + ";";
    }
  }
  return str(out + s.codePointAt(1.7));
}
