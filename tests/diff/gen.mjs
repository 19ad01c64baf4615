// Random well-typed programs in the TS subset dxc compiles, for the differential test (run.mjs): each case
// is a function returning the serialized value of a random number, string or boolean expression (with
// `number | null | undefined` and `boolean | null | undefined` subexpressions, arrays of the nullable numbers
// searched, joined and sorted, Sets, Maps and dictionaries of random keys, strings and numbers — SameValueZero,
// insertion order and JS's property order, String(n) for number keys), built from a seeded PRNG so
// a failing seed reproduces.
function mulberry32(a) {
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NUMBERS = ['0', '1', '2', '3', '7', '10', '0.1', '0.2', '0.5', '1.5', '2.5', '-2.5', '100', '255', '1e21', '1e-7', '123.456',
  '9007199254740993', '1.7976931348623157e308', '5e-324', '0.000001', '1234567.125', '-0', '3e10'];
const STRINGS = ['""', '"a"', '"abc"', '"Hello"', '"é"', '"日本"', '"😀"', '"a b"', '"Z"', '"10"', '" x "', '"ÿ"', '"ß"', '"0x1A"',
  '" -12.5e3 "', '"İı"', '"ΣΑΣ"', '"1e-7"', '"Infinity"', '"  \\t"', '"2"', '"01"', '"4294967294"', '"4294967295"'];

export function generate(seed, count) {
  const rnd = mulberry32(seed);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const num = (d) => {
    if (d <= 0 || rnd() < 0.25) return pick(NUMBERS);
    switch (Math.floor(rnd() * 14)) {
      case 12: return `((${num(d - 1)}) ${pick(['|', '&', '^', '<<', '>>', '>>>', '**'])} ${num(d - 1)})`;  // (-2.5) ** x
      case 13: return pick([`(~${num(d - 1)})`, `Math.${pick(['sin', 'cos', 'tan', 'exp', 'log', 'log2', 'log10', 'cbrt', 'atan', 'sinh',
        'tanh', 'expm1', 'log1p', 'asinh', 'fround', 'clz32'])}(${num(d - 1)})`,
        `Math.${pick(['pow', 'atan2', 'hypot', 'imul'])}(${num(d - 1)}, ${num(d - 1)})`]);
      case 0: return `(${num(d - 1)} + ${num(d - 1)})`;
      case 1: return `(${num(d - 1)} - ${num(d - 1)})`;
      case 2: return `(${num(d - 1)} * ${num(d - 1)})`;
      case 3: return `(${num(d - 1)} / ${num(d - 1)})`;
      case 4: return `(${num(d - 1)} % ${num(d - 1)})`;
      case 5: return `(-(${num(d - 1)}))`;
      case 6: return `Math.${pick(['floor', 'ceil', 'abs', 'trunc', 'round', 'sign', 'sqrt'])}(${num(d - 1)})`;
      case 7: return `Math.${pick(['min', 'max'])}(${num(d - 1)}, ${num(d - 1)})`;
      case 8: return `(${bool(d - 1)} ? ${num(d - 1)} : ${num(d - 1)})`;
      case 9: return pick([`${str(d - 1)}.length`, `${str(d - 1)}.indexOf(${str(d - 1)})`, `Number(${str(d - 1)})`,
        `parseInt(${str(d - 1)})`, `parseFloat(${str(d - 1)})`, `${str(d - 1)}.charCodeAt(${num(d - 1)})`]);
      case 10: return pick([`(${num(d - 1)} || ${num(d - 1)})`, `new Set([${num(d - 1)}, ${num(d - 1)}, ${num(d - 1)}]).size`,
        `Object.keys(dk([${str(d - 1)}, ${str(d - 1)}, ${str(d - 1)}])).length`]);
      case 11: return pick([`(${nnum(d - 1)} ?? ${num(d - 1)})`, `Number(${nnum(d - 1)})`, `(${nnum(d - 1)} || ${num(d - 1)})`,
        `Number(${nbool(d - 1)})`, `${narr(d - 1)}.indexOf(${nnum(d - 1)})`]);
      default: return `(${num(d - 1)} && ${num(d - 1)})`;
    }
  };
  // Nullable values: nn/nb (defined in the generated module) give null, undefined or the value.
  const nnum = (d) => {
    if (d <= 0) return `nn(${pick(['0', '1', '2'])}, ${pick(NUMBERS)})`;
    switch (Math.floor(rnd() * 4)) {
      case 0: return `(${bool(d - 1)} ? ${num(d - 1)} : ${pick(['null', 'undefined'])})`;
      case 1: return `(${nnum(d - 1)} ?? ${nnum(d - 1)})`;
      default: return `nn(${pick(['0', '1', '2', '2'])}, ${num(d - 1)})`;
    }
  };
  const nbool = (d) => {
    if (d <= 0) return `nb(${pick(['0', '1', '2'])}, ${pick(['true', 'false'])})`;
    return rnd() < 0.3 ? `(${bool(d - 1)} ? ${bool(d - 1)} : ${pick(['null', 'undefined'])})` : `nb(${pick(['0', '1', '2', '2'])}, ${bool(d - 1)})`;
  };
  // An array literal of nullable numbers (null, undefined or a number each), for indexOf/includes/join/sort.
  const narr = (d) => `[${Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => `nn(${pick(['0', '1', '2', '2'])}, ${num(d)})`).join(', ')}]`;
  const str = (d) => {
    if (d <= 0 || rnd() < 0.3) return pick(STRINGS);
    switch (Math.floor(rnd() * 12)) {
      case 10: return pick([`(${num(d - 1)}).toFixed(${pick(['0', '1', '2', '5', '20', '100'])})`,
        `(${num(d - 1)}).toPrecision(${pick(['1', '2', '6', '17', '21', '100'])})`, `(${num(d - 1)}).toString()`]);
      case 6: return `${str(d - 1)}.${pick(['slice', 'substring'])}(${num(d - 1)}, ${num(d - 1)})`;
      case 7: return `${str(d - 1)}.${pick(['trim', 'toUpperCase', 'toLowerCase', 'trimStart'])}()`;
      case 8: return `${str(d - 1)}.${pick(['replace', 'replaceAll'])}(${str(d - 1)}, ${str(d - 1)})`;
      case 9: return `${str(d - 1)}.charAt(${num(d - 1)})`;
      case 0: return `(${str(d - 1)} + ${str(d - 1)})`;
      case 1: return `(${str(d - 1)} + ${num(d - 1)})`;
      case 2: return `(${num(d - 1)} + ${str(d - 1)})`;
      case 3: return `\`<\${${num(d - 1)}}|\${${str(d - 1)}}|\${${bool(d - 1)}}>\``;
      case 4: return `(${bool(d - 1)} ? ${str(d - 1)} : ${str(d - 1)})`;
      case 5: return pick([`String(${nnum(d - 1)})`, `\`[\${${nnum(d - 1)}}|\${${nbool(d - 1)}}]\``, `(${str(d - 1)} + ${nnum(d - 1)})`,
        `String(${nbool(d - 1)})`, `(JSON.stringify(${nnum(d - 1)}) ?? "u")`, `(typeof ${nnum(d - 1)})`,
        `${narr(d - 1)}.join(${str(d - 1)})`, `${narr(d - 1)}.sort((a, b) => (a ?? -1) - (b ?? -1)).join()`]);
      default: return pick([`(${str(d - 1)} || ${str(d - 1)})`, `[...new Set([${str(d - 1)}, ${str(d - 1)}, ${str(d - 1)}])].join("|")`,
        `Object.keys(dk([${str(d - 1)}, ${str(d - 1)}, ${str(d - 1)}, ${str(d - 1)}])).join("|")`,
        `Object.entries(nk([${num(d - 1)}, ${num(d - 1)}, ${num(d - 1)}, ${num(d - 1)}])).map(([k, v]) => k + "=" + v).join("|")`,
        `Object.entries(dk([${str(d - 1)}, ${str(d - 1)}, ${str(d - 1)}])).join("|")`,
        `JSON.stringify(dk([${str(d - 1)}, ${str(d - 1)}, ${str(d - 1)}]))`,
        `(new Map<number, string>([[${num(d - 1)}, ${str(d - 1)}], [${num(d - 1)}, ${str(d - 1)}]]).get(${num(d - 1)}) ?? "none")`]);
    }
  };
  // tree-sitter's TSX grammar reads `a < (…` as the start of a generic arrow function (TypeScript does not):
  // write `a < b` as the equivalent `b > a` when b is parenthesized.
  const cmp = (a, op, b) => {
    const flip = { '<': '>', '<=': '>=' };
    return flip[op] && b.startsWith('(') ? `(${b} ${flip[op]} ${a})` : `(${a} ${op} ${b})`;
  };
  const bool = (d) => {
    if (d <= 0 || rnd() < 0.2) return pick(['true', 'false']);
    switch (Math.floor(rnd() * 9)) {
      case 8: return pick([`(${nnum(d - 1)} ${pick(['===', '!==', '==', '!='])} ${nnum(d - 1)})`,
        `(${nnum(d - 1)} ${pick(['===', '!==', '==', '!='])} ${pick(['null', 'undefined', num(d - 1)])})`,
        `(typeof ${nnum(d - 1)} === "number")`, `!${nnum(d - 1)}`, `!${nbool(d - 1)}`,
        `(${nbool(d - 1)} ${pick(['===', '!==', '==', '!='])} ${pick(['null', 'undefined', bool(d - 1), nbool(d - 1)])})`,
        `(${nbool(d - 1)} ?? ${bool(d - 1)})`, `${narr(d - 1)}.includes(${nnum(d - 1)})`]);
      case 0: return cmp(num(d - 1), pick(['<', '<=', '>', '>=']), num(d - 1));
      case 1: return `(${num(d - 1)} ${pick(['===', '!=='])} ${num(d - 1)})`;
      case 2: return cmp(str(d - 1), pick(['<', '>=', '===', '!==']), str(d - 1));
      case 3: return `!${bool(d - 1)}`;
      case 4: return `!${num(d - 1)}`;
      case 5: return `!${str(d - 1)}`;
      case 6: return `(${bool(d - 1)} && ${bool(d - 1)})`;
      case 7: return pick([`new Set([${num(d - 1)}, ${num(d - 1)}]).has(${num(d - 1)})`, `(${str(d - 1)} in dk([${str(d - 1)}, ${str(d - 1)}]))`,
        `(${num(d - 1)} in nk([${num(d - 1)}, ${num(d - 1)}]))`,
        `(${bool(d - 1)} || ${bool(d - 1)})`]);
      default: return `(${bool(d - 1)} || ${bool(d - 1)})`;
    }
  };
  let src = 'import { num, str, bool } from "../prelude";\n\n' +
    'function nn(k: number, v: number): number | null | undefined {\n  return k === 0 ? null : k === 1 ? undefined : v;\n}\n' +
    'function nb(k: number, v: boolean): boolean | null | undefined {\n  return k === 0 ? null : k === 1 ? undefined : v;\n}\n' +
    'function dk(ks: string[]): Record<string, number> {\n  const d: Record<string, number> = {};\n' +
    '  for (const k of ks) d[k] = (d[k] ?? 0) + 1;\n  return d;\n}\n' +
    'function nk(ks: number[]): Record<number, number> {\n  const d: Record<number, number> = {};\n' +
    '  for (const k of ks) {\n    d[k] ??= 0;\n    d[k]++;\n  }\n  return d;\n}\n';
  for (let i = 0; i < count; i++) {
    const depth = 1 + Math.floor(rnd() * 4);
    const kind = Math.floor(rnd() * 3);
    const body = kind === 0 ? `num(${num(depth)})` : kind === 1 ? `str(${str(depth)})` : `bool(${bool(depth)})`;
    src += `export function r${i}(): string {\n  return ${body};\n}\n`;
  }
  return src;
}
