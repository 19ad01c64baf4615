// harness.h — runs the native runtime (dx_runtime_native) as dx.js + generated code would.
//
// `Harness` resets the emulated module, writes a small test app.dxb into linear memory, installs the
// dxgen_* hooks (per-block create/update and per-handler callbacks the test sets), and decodes every batch
// into `Batch` (ops + strings, decoded independently of the runtime) which `DomModel` applies: a model DOM
// that counts inserts, moves, removes and checks what dx.js would trip over (unknown ids, bad parents).
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "dx/schema/ops.h"
#include "platform.h"

namespace dxt {

using Ref = uint32_t;

// --- the test app (see harness.cpp for the full dxb) --------------------------------------------------
enum Tpl : uint32_t { kTplPage = 0, kTplRow = 1, kTplRow2 = 2, kTplChild = 3 };
enum Block : uint32_t { kBlkPage = 0, kBlkRow = 1, kBlkRow2 = 2, kBlkChild = 3 };
enum Shape : uint32_t { kShpPage = 0, kShpRow = 1, kShpRec = 2, kShpChild = 3, kShpMap = 4 };  // map: +8 +12 +16 arrays
enum Handler : uint32_t { kHClick = 0, kHInput = 1, kHKey = 2 };
// Page (template `<main><ul></ul><p> </p></main><!---->`): node ids main, anchor, ul, p's text at 32…44;
// list state 48 (owned, rows inside the ul), string 52, array 56, record 60, child component 64 (owned, at
// the anchor: root 1), number 72.
enum PageField : uint32_t {
  kPgIds = 32, kPgList = 48, kPgStr = 52, kPgArr = 56, kPgRec = 60, kPgChild = 64, kPgNum = 72,
};
enum PageNode : uint32_t { kPnMain = 0, kPnAnchor = 1, kPnUl = 2, kPnText = 3 };
// Child component (template `<span> </span><!---->`): ids span, anchor, text at 32…40; list state 44
// (owned, at the anchor: its rows sit beside the span).
enum ChildField : uint32_t { kChIds = 32, kChList = 44 };
// Record shape 2: number at 8, string at 16, record at 20, array at 24. Size 32.
enum RecField : uint32_t { kRecNum = 8, kRecStr = 16, kRecRec = 20, kRecArr = 24 };
inline constexpr uint32_t kRowIds = 32;  // row: ids (root, slot[, root2]) at 32/36/40

struct Op {
  uint32_t code;
  std::vector<uint32_t> args;
};

struct Batch {
  std::vector<Op> ops;
  std::vector<std::string> strings;  // UTF-8
  bool sized = false;                 // the string_lengths path was used
  const std::string& str(uint32_t i) const { return strings.at(i); }
  size_t count(uint32_t code) const;
};

// Decodes a batch header at `header` from native linear memory (fails the test on malformed input).
Batch decode_batch(Ref header);

struct DomModel {
  struct Node {
    uint32_t parent = 0;  // 0 = detached; ≥ kFragment: still in its template clone's fragment
    std::vector<uint32_t> children;
    std::string text, cls;
    std::map<std::string, std::string> attrs, props;
    std::map<std::string, uint32_t> listeners;  // event → handler
  };
  std::map<uint32_t, std::vector<std::string>> templates;  // id → paths
  std::map<uint32_t, Node> nodes;                          // live ids (1 = mount element), fragments
  static constexpr uint32_t kFragment = 0x80000000u;        // ids of the clones' fragments
  size_t inserts = 0, moves = 0, removes = 0, clears = 0, frees = 0, errors = 0;
  std::vector<std::string> error_messages;
  std::vector<std::string> console_lines;  // CONSOLE ops: "<level> <text>"
  std::set<uint32_t> mount_targets;        // MOUNT ids (<Portal> targets), children of the mount element here

  DomModel();
  void apply(const Batch& b);
  void reset_counts() { inserts = moves = removes = clears = frees = errors = 0; }
  Node& at(uint32_t id);
  bool connected(uint32_t id) const;  // attached under the mount element
  // Concatenated text of a node's subtree (nodeValue of text slots).
  std::string text_of(uint32_t id) const;

 private:
  uint32_t next_fragment_ = kFragment;
  void detach(uint32_t id);
};

class Harness {
 public:
  Harness();
  ~Harness();

  // Test-provided generated code. Defaults: page clones itself; rows clone and show their item.
  std::function<void(Ref inst)> create[4];
  std::function<void(Ref inst, uint32_t mask)> update[4];
  std::function<void(Ref inst, Ref event)> handler[3];
  std::vector<std::pair<Ref, uint32_t>> updates_seen;  // (inst, mask) in call order

  Batch start();  // dx_start, applied to `dom`
  // dx_input + dx_dispatch, applied to `dom`.
  Batch dispatch(uint32_t handler, uint32_t node, const std::string& value = "", const std::string& key = "",
                 uint32_t checked = 0);
  // A static (immortal) string in generated data, as dxc would emit it.
  Ref static_str(const std::string& latin1);

  Ref page() const;
  uint32_t page_node(uint32_t k) const;  // the page's k-th node id (PageNode)
  // `n` clicks on the page's main node straight through dx_dispatch (no batch decoding: long memory runs).
  void click_main(int n);

  DomModel dom;
  Batch last;

 private:
  Ref static_top_ = 0;
};

// Reads a runtime string as UTF-8 (test-side decoding, independent of the runtime's encoder).
std::string read_str(Ref s);
// A runtime string's UTF-16 code units.
std::u16string read_units(Ref s);
std::u16string utf8_to_utf16(const std::string& s);
std::string utf16_to_utf8(const std::u16string& s);

}  // namespace dxt
