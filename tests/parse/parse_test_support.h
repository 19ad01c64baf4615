// Helpers shared by the parse tests: parse a string, dump it, render its diagnostics, find nodes.
#pragma once
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/diagnostics.h"
#include "parse/parse.h"

namespace dxtest {

struct Parsed {
  dxc::SourceManager sm;
  dxc::Diagnostics diags;
  dxc::Ast ast;
  dxc::FileId file = 0;

  explicit Parsed(std::string text, std::string path = "test.tsx") {
    file = sm.add(std::move(path), std::move(text));
    ast = dxc::parse::parse_file(sm, file, diags);
  }
  std::string dump() const { return dxc::dump_ast(sm, ast); }
  // Every diagnostic rendered without color, separated by blank lines.
  std::string rendered() const {
    std::string out;
    for (const dxc::Diagnostic& d : diags.all()) {
      if (!out.empty()) out += "\n";
      out += dxc::render_diagnostic(sm, d, false);
    }
    return out;
  }
  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const dxc::Diagnostic& d : diags.all()) out.push_back(d.code);
    return out;
  }
  // The first node of kind `k` in creation order (kNoNode if none).
  dxc::NodeId find(dxc::NodeKind k) const {
    for (dxc::NodeId i = 0; i < ast.nodes.size(); ++i) {
      if (ast.nodes[i].kind == k) return i;
    }
    return dxc::kNoNode;
  }
  const dxc::Node& node(dxc::NodeId id) const { return ast.nodes.at(id); }
};

// The dump of the first statement (with the module line and one indent level removed), which keeps
// inline expectations short.
inline std::string dump_body(const std::string& src) {
  Parsed p(src);
  std::string d = p.dump();
  std::istringstream in(d);
  std::string line, out;
  std::getline(in, line);  // module
  while (std::getline(in, line)) out += line.substr(2) + "\n";
  return out;
}

inline std::string source_dir() {
  const char* dir = std::getenv("DX_SOURCE_DIR");
  return dir ? dir : ".";
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace dxtest

namespace dxtest {

// A source snippet and the expected dump of its statements (see dump_body). Each test file registers its
// tables, so one test can check that together they cover every node kind of ast.def.
struct Case {
  const char* source;
  const char* dump;
};

inline std::vector<const Case*>& all_cases() {
  static std::vector<const Case*> cases;
  return cases;
}

struct RegisterCases {
  template <size_t N>
  explicit RegisterCases(const Case (&cases)[N]) {
    for (const Case& c : cases) all_cases().push_back(&c);
  }
};

}  // namespace dxtest
