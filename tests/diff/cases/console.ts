// console.log / warn / error: the runner compares the CONSOLE ops with what node's console prints
// (util.format) for the same calls. Each case returns "" (the logs are the result).
function range(n: number, k: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((i * k) % 1000);
  return out;
}
function words(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push("w".repeat(i % 7) + i);
  return out;
}
export function consolePrimitives(): string {
  console.log();
  console.log(1, -0, 0, 1.5, -1e21, 1 / 3, 0 / 0, 1 / 0, -1 / 0, 123456789012345680000);
  console.log("plain", "two words", "", "quote's \"here\"");
  console.log(true, false, null, undefined);
  console.warn("careful:", 42);
  console.error("bad:", false);
  const maybe: string | null = null;
  const later: string | undefined = undefined;
  console.log("nullable", maybe, later);
  return "";
}
export function consoleArrays(): string {
  const empty: number[] = [];
  console.log([1, 2, 3], empty, [-0, 0.1, 1e300]);
  console.log(["a", "it's", "say \"hi\"", "both ' \" `", "both ' \" no tick", "back\\slash", "tab\tnew\nline"]);
  console.log([true, false], [[1, 2], [3]], [[[1], [2]]]);
  console.log([[[["deep"]]]], [[[[1]]]]);
  console.log(["\u0001\u001f\u007f\u0085\u00a0", "é€😀", "😀".charAt(0) + "x", "x" + "😀".charAt(1), "😀".charAt(0) + "😀".charAt(1)]);
  console.log(["${x} ' \" `"], ["a ' ${ \""]);
  return "";
}
export function consoleLongArrays(): string {
  for (const n of [6, 7, 10, 26, 27, 50, 99, 100, 101, 150]) console.log(range(n, 37));
  for (const n of [7, 12, 30, 101]) console.log(words(n));
  console.log(range(30, 123457));
  console.log([range(7, 1), range(20, 3)]);
  console.log([words(3), words(8)]);
  console.log(range(8, 1).map((x: number): boolean => x % 3 === 0));
  console.log(["a-long-string-that-goes-on-and-on-and-on", "another-long-string-that-goes-on", "third"]);
  console.log(["line one is fairly long\nline two is also quite long\nand a third one to pass eighty chars"]);
  return "";
}
interface Pt { x: number; y: number; label: string; on: boolean; }
interface Box { name: string; pts: Pt[]; note: string | undefined; }
export function consoleRecords(): string {
  const p: Pt = { x: 1, y: -0, label: "it's", on: true };
  const empty: Pt[] = [];
  console.log(p);
  console.log({ b: 2, a: "x" }, { "two words": 1, _ok: 2, "9lives": 3 });
  const box: Box = { name: "b", pts: [p, { x: 3, y: 4, label: "", on: false }], note: undefined };
  console.log(box, [box]);
  console.log({ box: box, deeper: [[box]] });
  console.log({ inner: { inner: { inner: { x: 1 } } } }, empty, [p, p, p, p, p, p, p, p]);
  console.log({ aLongFieldName: "some long string value", anotherField: 1234567, third: [1, 2, 3] });
  console.warn({ moved: { ...p, x: 9 } });
  return "";
}
