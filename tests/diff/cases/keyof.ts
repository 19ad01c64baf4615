import { str } from "../prelude";

// keyof T of a record type: its field names (a union of string literals: a string), reading a record whose
// fields share one type by such a key, and Record<keyof T, V> (a record with those fields).
interface Prefs {
  theme: string;
  lang: string;
  font: string;
}
type PrefKey = keyof Prefs;
const LABELS: Record<keyof Prefs, string> = { theme: "Theme", lang: "Language", font: "Font" };

function read(p: Prefs, k: keyof Prefs): string {
  return p[k];
}

export function keys(): string {
  const p: Prefs = { theme: "dark", lang: "en", font: "mono" };
  const ks: PrefKey[] = ["lang", "theme", "font"];
  const counts: Record<PrefKey, number> = { theme: 0, lang: 0, font: 0 };
  for (const k of ks) counts.lang += k.length;
  return str(ks.map((k) => LABELS[k] + "=" + read(p, k)).join(";")) + str(Object.keys(LABELS).join()) + str(String(counts.lang));
}
