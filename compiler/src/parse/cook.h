// Literal cooking for the parse phase: raw source text of a literal → its value.
//
// Pure functions over bytes (no tree-sitter, no Ast), so they are unit-tested directly:
//   cook_js_string   — the body of a '…' / "…" string or a template chunk: every JS escape, surrogate pairs
//                      joined into one UTF-8 code point; lone surrogates and malformed escapes are reported
//                      as issues (offsets relative to `raw`) and cooked to U+FFFD / the literal text.
//   parse_js_number  — decimal, .5, exponents, 0x / 0o / 0b, legacy 017, `_` separators; correctly rounded.
//   decode_html_entities / cook_jsx_text — JSX attribute strings and JSX text, as Babel does.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dxc::parse {

struct CookIssue {
  enum Kind { LoneSurrogate, BadEscape } kind;
  uint32_t offset = 0;  // into the raw text
  uint32_t length = 0;
};

// `is_template` also normalizes raw CR LF / CR to LF (a template's cooked value never holds a CR from the
// source text) and accepts the \` and \$ escapes (which plain strings accept too, as identity escapes).
std::string cook_js_string(std::string_view raw, bool is_template, std::vector<CookIssue>& issues);

// The value of a JS numeric literal, or nullopt for a BigInt (`1n`) or anything malformed.
std::optional<double> parse_js_number(std::string_view text);

// String(x) as JavaScript writes it (Number::toString: the shortest digits that round-trip, in plain notation
// from 1e-7 up to 1e21, else d.ddde±n; "NaN", "Infinity", -0 as "0"): what a numeric property key means,
// `{ 1.50: v }` being the key "1.5".
std::string js_number_string(double x);

// Decodes `&name;` (the HTML 4 / XHTML set JSX knows), `&#123;` and `&#x1F600;`. Anything else, including
// references to surrogates or past U+10FFFF, stays as written — Babel's behaviour.
std::string decode_html_entities(std::string_view raw);

// The value of a run of JSX text between tags or `{…}` (Babel's cleanJSXElementLiteralChild after its
// entity decoding): tabs become spaces; whitespace touching a line break is trimmed; the remaining lines
// are joined with one space; a run that is only whitespace with a line break becomes "" (no child).
std::string cook_jsx_text(std::string_view raw);

// The UTF-8 encoding of a named HTML entity (`amp` → "&"), or nullptr.
const char* lookup_html_entity(std::string_view name);

void append_utf8(std::string& out, uint32_t code_point);

}  // namespace dxc::parse
