import { num, str, bool, strs } from "../prelude";

// String methods with JavaScript's UTF-16 semantics (runtime-wasm string library).
const S = "Héllo, wörld 😀 日本";

export function slicing(): string {
  return str(S.slice(2)) + str(S.slice(-3)) + str(S.slice(1, -1)) + str(S.slice(5, 2)) + str(S.substring(5, 2)) +
    str(S.substring(-4, 3)) + str("😀".slice(0, 1)) + str("abc".slice(0 / 0, 2));
}
export function searching(): string {
  return num(S.indexOf("l")) + num(S.indexOf("l", 4)) + num(S.lastIndexOf("l")) + num(S.indexOf("")) + num(S.lastIndexOf("")) +
    num(S.indexOf("zz")) + bool(S.includes("wörld")) + bool(S.startsWith("H")) + bool(S.startsWith("é", 1)) +
    bool(S.endsWith("日本")) + bool(S.endsWith("😀", 15)) + num(S.lastIndexOf("l", 2));
}
export function characters(): string {
  return str(S.charAt(1)) + str(S.charAt(99)) + num(S.charCodeAt(1)) + num(S.charCodeAt(13)) + num(S.charCodeAt(-1)) + str("abc".charAt());
}
export function casing(): string {
  return str("Straße ǅ ǈ ß ﬃ".toUpperCase()) + str("ΌΣΟΣ ΣΑ İSTANBUL".toLowerCase()) + str(S.toUpperCase()) + str("".toLowerCase());
}
export function trimming(): string {
  return str("  \t a b \n ".trim()) + str("\u00a0\u2003x\ufeff".trim()) + str("  x  ".trimStart()) + str("  x  ".trimEnd());
}
export function building(): string {
  return str("ab".repeat(3)) + str("x".repeat(0)) + str("5".padStart(3, "0")) + str("5".padEnd(4)) + str("abc".padStart(8, "12")) +
    str("abc".padStart(2));
}
export function replacing(): string {
  return str("a-b-c".replace("-", "+")) + str("a-b-c".replaceAll("-", "+")) + str("abc".replace("b", "[$&|$`|$'|$$]")) +
    str("aaa".replaceAll("", "_")) + str("xyz".replace("q", "r"));
}
export function splitting(): string {
  return strs("a,b,,c".split(",")) + strs("abc".split("")) + strs("".split(",")) + strs("😀x".split("")) + strs("a--b".split("--"));
}
export function joining(): string {
  return str([1, 2.5, -0, 0 / 0].join()) + str(["a", "b"].join(" | ")) + str([true, false].join("")) + str(([] as number[]).join("-"));
}
export function numbers(): string {
  return num(Number("  42  ")) + num(Number("")) + num(Number("0x1F")) + num(Number("1e400")) + num(Number("-0")) + num(Number("1_000")) +
    num(Number("0.1")) + num(Number(true)) + num(+"3.5") + num(+false) + num(Number("Infinity")) + num(Number("12px"));
}
export function parsing(): string {
  return num(parseInt("42px")) + num(parseInt("0x1f")) + num(parseInt("ff", 16)) + num(parseInt("-0")) + num(parseInt("  7e3")) +
    num(parseInt("z", 36)) + num(parseInt("9", 8)) + num(parseFloat("3.14abc")) + num(parseFloat(".5")) + num(parseFloat("-Infinityx")) +
    num(parseFloat("1e-400")) + num(parseFloat("0.1000000000000000055511151231257827"));
}
export function stringOf(): string {
  return str(String(1 / 3)) + str(String(true)) + str(String("s")) + str(String(-1e-7));
}
export function localeCompareOrder(): string {
  const words = ["banana", "Apple", "apple", "cherry", "Banana", "10", "9", "a b", "ab", "", "éclair", "zebra", "Zebra", "_x", "-y"];
  const sorted = [...words].sort((a, b) => a.localeCompare(b));
  return sorted.join("|") + "|" + "a".localeCompare("b") + "a".localeCompare("a") + "b".localeCompare("a");
}

// s[i]: a one-unit string, undefined outside [0, length) (not truncated: s[1.5] is undefined)
export function stringIndexing(): string {
  const s = "héllo\u{1F600}";
  let out = "";
  for (let i = -1; i <= s.length; i++) out += s[i];
  const first = s[0];
  return out + " " + (first === "h" ? "h" : "?") + " " + (s[1.5] === undefined ? "u" : "d") + (s[-0] ?? "none") + (s[NaN] ?? "none") + " " + str("" + s[s.length - 1]);
}
