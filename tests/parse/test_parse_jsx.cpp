// JSX: element and attribute forms, children, and text cooked the way Babel cooks it (the expectations
// were worked out by hand from Babel's cleanJSXElementLiteralChild and its entity table).
#include <catch2/catch.hpp>

#include "parse_test_support.h"

using dxc::NodeKind;
using dxtest::Case;
using dxtest::Parsed;

namespace {

const Case k_jsx[] = {
    {R"(<div class="a &amp; b" id='x' data-n={1} aria-label="l" disabled {...rest} xlink:href="#h" render=<b /> frag=<></> />;)",
     R"(expr-stmt @1:1
  jsx-element "div" @1:1
    jsx-attrs @1:1
      jsx-attr "class" @1:6
        string "a & b" @1:12
      jsx-attr "id" @1:24
        string "x" @1:27
      jsx-attr "data-n" @1:31
        number "1" =1 @1:39
      jsx-attr "aria-label" @1:42
        string "l" @1:53
      jsx-attr "disabled" @1:57
      jsx-spread-attr @1:66
        ident "rest" @1:70
      jsx-attr "xlink:href" @1:76
        string "#h" @1:87
      jsx-attr "render" @1:92
        jsx-element "b" @1:99
          jsx-attrs @1:99
      jsx-attr "frag" @1:105
        jsx-fragment @1:110
)"},
    {R"(<Foo.Bar.Baz><svg:rect /></Foo.Bar.Baz>;)",
     R"(expr-stmt @1:1
  jsx-element "Foo.Bar.Baz" @1:1
    jsx-attrs @1:1
    jsx-element "svg:rect" @1:14
      jsx-attrs @1:14
)"},
    {R"(<p>
  Hello, {name}!
  {/* comment */}
  {}
  <b>bold</b>   <i>it</i>
  {...kids}
</p>;)",
     R"(expr-stmt @1:1
  jsx-element "p" @1:1
    jsx-attrs @1:1
    jsx-text "Hello, " @2:3
    jsx-expr @2:10
      ident "name" @2:11
    jsx-text "!" @2:16
    jsx-expr @3:3
    jsx-expr @4:3
    jsx-element "b" @5:3
      jsx-attrs @5:3
      jsx-text "bold" @5:6
    jsx-text "   " @5:14
    jsx-element "i" @5:17
      jsx-attrs @5:17
      jsx-text "it" @5:20
    jsx-expr @6:3
      spread @6:4
        ident "kids" @6:7
)"},
    {R"(<>
  &lt;tag&gt; &copy;  &#x1F600;
</>;)",
     R"(expr-stmt @1:1
  jsx-fragment @1:1
    jsx-text "<tag> ©  😀" @2:3
)"},
    {R"(<Show when={x()} fallback={<p>none</p>}>{(v) => <span>{v}</span>}</Show>;)",
     R"(expr-stmt @1:1
  jsx-element "Show" @1:1
    jsx-attrs @1:1
      jsx-attr "when" @1:7
        call @1:13
          ident "x" @1:13
          -
      jsx-attr "fallback" @1:18
        jsx-element "p" @1:28
          jsx-attrs @1:28
          jsx-text "none" @1:31
    jsx-expr @1:41
      arrow [expr-body] @1:42
        params @1:42
          param "v" @1:43
            -
            -
            -
        jsx-element "span" @1:49
          jsx-attrs @1:49
          jsx-expr @1:55
            ident "v" @1:56
        -
)"},
    {R"(<a>
</a>;)",
     R"(expr-stmt @1:1
  jsx-element "a" @1:1
    jsx-attrs @1:1
)"},
    {R"(<p>  one line  </p>;)",
     R"(expr-stmt @1:1
  jsx-element "p" @1:1
    jsx-attrs @1:1
    jsx-text "  one line  " @1:6
)"},
};

const dxtest::RegisterCases kRegisterJsx(k_jsx);

// The cooked texts of every JsxText in `src`, in source order.
std::vector<std::string> texts(const std::string& src) {
  Parsed p(src);
  REQUIRE(p.rendered() == "");
  std::vector<std::string> out;
  for (const dxc::Node& n : p.ast.nodes) {
    if (n.kind == NodeKind::JsxText) out.emplace_back(n.text);
  }
  return out;
}

using Texts = std::vector<std::string>;

}  // namespace

TEST_CASE("parse: JSX forms", "[parse][jsx]") {
  for (const Case& c : k_jsx) {
    INFO(c.source);
    dxtest::Parsed p(c.source);
    CHECK(p.rendered() == "");
    CHECK(dxtest::dump_body(c.source) == c.dump);
  }
}

TEST_CASE("JSX text: whitespace like Babel", "[parse][jsx]") {
  // Same line: kept as is, including the spaces around it.
  CHECK(texts("<b> a  b </b>;") == Texts{" a  b "});
  CHECK(texts("<b><i/> <i/></b>;") == Texts{" "});
  // Across lines: each line trimmed, lines joined with one space, blank lines dropped.
  CHECK(texts("<p>\n  Hello\n\n  world\n</p>;") == Texts{"Hello world"});
  CHECK(texts("<p>\n    one {x} two\n  three\n</p>;") == Texts{"one ", " two three"});
  CHECK(texts("<p>a\n  {x}\n  b</p>;") == Texts{"a", "b"});
  // Whitespace-only text containing a line break: no child.
  CHECK(texts("<ul>\n  <li/>\n  <li/>\n</ul>;").empty());
  CHECK(texts("<p>{a}\n  {b}</p>;").empty());
  // Spaces on the same line as an expression are kept.
  CHECK(texts("<p>{a} {b}</p>;") == Texts{" "});
  CHECK(texts("<p>\n  {a} and {b}\n</p>;") == Texts{" and "});
  // Tabs and CR LF.
  CHECK(texts("<p>\r\n\tx\ty\r\n</p>;") == Texts{"x y"});
  // Text that looks like a comment is text.
  CHECK(texts("<p>// not a comment</p>;") == Texts{"// not a comment"});
  CHECK(texts("<p>/* nor this */</p>;") == Texts{"/* nor this */"});
}

TEST_CASE("JSX text: entities", "[parse][jsx]") {
  CHECK(texts("<p>Tom &amp; Jerry</p>;") == Texts{"Tom & Jerry"});
  CHECK(texts("<p>&lt;&gt;&quot;&apos;&nbsp;</p>;") == Texts{"<>\"'\xC2\xA0"});
  CHECK(texts("<p>&#123;&#x1F600;&middot;&hellip;</p>;") == Texts{"{😀·…"});
  CHECK(texts("<p>&bogus; &ampx;</p>;") == Texts{"&bogus; &ampx;"});
  // An entity at a line edge is content, so it is not trimmed and it joins like text.
  CHECK(texts("<p>\n  &nbsp;\n  x\n</p>;") == Texts{"\xC2\xA0 x"});
}

TEST_CASE("JSX text: a bare & is a syntax error with a hint", "[parse][jsx][diagnostics]") {
  // Babel accepts `Tom & Jerry` as text; the tree-sitter TSX grammar does not, so dx asks for `&amp;`.
  Parsed p("const x = <p>a & b</p>;\n");
  CHECK(p.rendered() ==
        "test.tsx:1:16: error[DX0101]: syntax error: unexpected `& b`\n"
        "  |\n"
        "1 | const x = <p>a & b</p>;\n"
        "  |                ^^^\n"
        "  = help: in JSX text, write a bare `&` as `&amp;` or {\"&\"}\n");
}

TEST_CASE("JSX attributes: strings are not JS strings", "[parse][jsx]") {
  Parsed p(R"(<a title="a\nb &amp; &quot;c&quot;" alt='it&apos;s' data-x="line
  two" />;)");
  REQUIRE(p.rendered() == "");
  std::vector<std::string> values;
  for (const dxc::Node& n : p.ast.nodes) {
    if (n.kind == NodeKind::StringLit) values.emplace_back(n.text);
  }
  // No backslash escapes; entities decoded; line breaks kept.
  CHECK(values == std::vector<std::string>{R"(a\nb & "c")", "it's", "line\n  two"});
}

TEST_CASE("JSX: a bare attribute has no kid, {} children have none either", "[parse][jsx]") {
  Parsed p("<i hidden>{}{/* note */}</i>;");
  REQUIRE(p.rendered() == "");
  const dxc::Node& attr = p.node(p.find(NodeKind::JsxAttr));
  CHECK(attr.text == "hidden");
  CHECK(attr.kids.empty());
  CHECK(attr.kid(0) == dxc::kNoNode);
  int exprs = 0;
  for (const dxc::Node& n : p.ast.nodes) {
    if (n.kind != NodeKind::JsxExpr) continue;
    ++exprs;
    CHECK(n.kids.empty());
  }
  CHECK(exprs == 2);
}

TEST_CASE("JSX: mismatched closing tags (DX0102)", "[parse][jsx][diagnostics]") {
  Parsed p("const a = (\n  <section>\n    <p>text</div>\n  </section>\n);\n", "pages/a.tsx");
  REQUIRE(p.codes() == std::vector<std::string>{"DX0102"});
  CHECK(p.rendered() ==
        "pages/a.tsx:3:12: error[DX0102]: JSX closing tag `</div>` does not match the opening tag `<p>`\n"
        "  |\n"
        "3 |     <p>text</div>\n"
        "  |            ^^^^^^\n"
        "  note: pages/a.tsx:3:5: the opening tag is here\n");

  Parsed q("<Foo.Bar></Foo.Baz>;");
  CHECK(q.codes() == std::vector<std::string>{"DX0102"});
  Parsed ok("<Foo.Bar></Foo.Bar>; <svg:g></svg:g>; <></>;");
  CHECK(ok.codes().empty());
}

TEST_CASE("JSX: an empty attribute expression is a syntax error", "[parse][jsx][diagnostics]") {
  Parsed p("<a href={} />;");
  CHECK(p.codes() == std::vector<std::string>{"DX0101"});
  CHECK(p.rendered().find("a JSX attribute value must be a non-empty expression") != std::string::npos);
}

TEST_CASE("JSX: spans", "[parse][jsx]") {
  Parsed p("<p>\n  héllo wörld\n</p>;");
  const dxc::Node& t = p.node(p.find(NodeKind::JsxText));
  CHECK(t.text == "héllo wörld");
  // The span covers the text without the whitespace around it.
  CHECK(p.sm.text(p.file).substr(t.span.start, t.span.end - t.span.start) == "héllo wörld");
}
