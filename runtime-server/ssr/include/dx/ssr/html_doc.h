// dx/ssr/html_doc.h — the server's op applier: op batches (schemas/ops.md) applied to a small document
// tree and serialized as HTML.
//
// dx.js applies a batch to the browser's DOM; HtmlDoc applies the same batch to its own tree, so server
// rendering and build-time prerendering run the app's own code (app.so, the wasm2c form of app.wasm) and
// reuse its output as is: no second renderer. Node ids mean what they mean in dx.js (1 = the mount
// element, 0 = null); templates are parsed from their HTML once (the dxc-generated subset: elements,
// quoted attributes, text with character references, comments). Properties become what their HTML
// form is: `value` an attribute (a textarea's text), `checked` / `selected` / `muted` boolean attributes.
// LISTEN ops are remembered per node (listeners()) for resumption; ERROR and CONSOLE ops are collected.
// Serialization escapes text and attribute values and keeps two adjacent text nodes apart with an empty
// comment, so the browser's parser rebuilds the same node list.
// Never trusts its input: a malformed batch (bad opcode, operand out of range, unknown id or template,
// a cycle-making INSERT) stops apply() with an error; the tree stays consistent.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dx::ssr {

struct Listener {
  uint32_t node;
  std::string event;
  uint32_t handler;
  uint32_t flags;
};

class HtmlDoc {
 public:
  HtmlDoc();

  // Applies the batch whose header is at `batch` in linear memory `mem` (`size` bytes). False with `err`
  // set on a malformed batch (the ops before the bad one stay applied).
  bool apply(const uint8_t* mem, uint32_t size, uint32_t batch, std::string* err);

  // The HTML of the mount element's children (what goes inside the page's root element).
  std::string inner_html() const;
  // The same, and when `order` is given, the node id of every node the browser's parser makes of that HTML,
  // in document order: 0 for a node no id names (static markup, separators), kOrderEmptyText | id for an
  // empty text node, which has no HTML form and is written as an empty comment (resumption: the client
  // puts a text node there).
  void append_inner_html(std::string& out, std::vector<uint32_t>* order = nullptr) const;
  static constexpr uint32_t kOrderEmptyText = 0x80000000u;

  // Streaming (schemas/stream.md). A <Suspense> boundary the server holds back: its id, the first node of
  // what it shows (0: nothing) and its anchor (its nodes are the anchor's siblings from `first` up to it).
  struct Boundary {
    uint32_t id, first, anchor;
  };
  // The mount element's children as append_inner_html writes them for resumption, each boundary's nodes
  // between <!--dx-s:ID--> and <!--/dx-s:ID-->. False (nothing written) when a boundary names no live node.
  bool append_marked_html(std::string& out, const std::vector<Boundary>& boundaries) const;
  // The nodes of boundary `b` alone, in the same form, with `inside` (boundaries among them) marked, and a
  // separating empty comment first when the node before them and their first are both text (what the
  // whole document's HTML has there). False when `b` does not name a live range.
  bool append_boundary_html(std::string& out, const Boundary& b, const std::vector<Boundary>& inside) const;

  // LISTEN ops seen for nodes that are still live, in order.
  std::vector<Listener> listeners() const;
  const std::vector<std::string>& errors() const { return errors_; }    // ERROR ops
  const std::vector<std::string>& console() const { return console_; }  // CONSOLE ops: "log: text"
  // A MOUNT op (a <Portal>) was applied: part of the page renders outside the mount element, into a node
  // this document keeps detached (its HTML is not part of inner_html), so the page cannot be resumed.
  bool portals() const { return portals_; }

 private:
  enum Kind : uint8_t { kElement, kText, kComment, kFragment };
  enum TagFlags : uint8_t { kVoid = 1, kRawText = 2 };  // of an element's tag, worked out once per template node
  // Clones share what their template holds: names and texts are views of strings the document keeps (keep()),
  // attribute lists are shared until a node changes its own (copy on write), so a CLONE copies no string.
  using AttrList = std::vector<std::pair<std::string_view, std::string_view>>;
  struct Node {
    Kind kind = kElement;
    uint8_t tag = 0;           // TagFlags
    bool attrs_owned = false;  // attrs is this node's alone (else shared with its template and the other clones)
    uint32_t parent = 0, first = 0, last = 0, prev = 0, next = 0;  // pool indexes; 0 = none
    uint32_t attrs = 0;                                            // index in attr_lists_; 0 = none
    std::string_view name;                                         // element tag (lower case)
    std::string_view text;                                         // text / comment data
  };
  struct Template {
    uint32_t fragment = 0;                        // pool index of the parsed fragment
    uint32_t nodes = 0;                           // nodes in it (what a CLONE adds)
    std::vector<std::vector<uint32_t>> paths;     // steps: 0 = firstChild, k > 0 = k × nextSibling
  };

  uint32_t new_node(Kind kind);
  uint32_t clone(uint32_t src, uint32_t parent);
  void append(uint32_t parent, uint32_t child);
  void insert_before(uint32_t before, uint32_t child);
  void detach(uint32_t n);
  bool contains(uint32_t ancestor, uint32_t n) const;
  uint32_t parse_template(std::string_view html);
  bool parse_paths(std::string_view text, Template& t) const;
  std::string_view keep(std::string_view s);  // a copy in blocks_, stable for the document's life
  const AttrList* attrs_of(const Node& n) const { return n.attrs ? &attr_lists_[n.attrs] : nullptr; }
  AttrList& own_attrs(Node& n);               // the node's own (unshared) attribute list
  void set_attr(Node& n, std::string_view name, std::string_view value);
  void remove_attr(Node& n, std::string_view name);
  void toggle_class(Node& n, std::string_view name, bool on);
  static void append_attrs(std::string& out, const AttrList& list);
  // Serialization (html_serialize.cpp). Marks are boundaries by pool index; `marked` flags the pool indexes a
  // marker goes before.
  struct Mark {
    uint32_t id, first, anchor;
  };
  struct Writer {
    std::vector<uint32_t>* order = nullptr;          // node ids in document order (append_inner_html)
    const std::vector<uint32_t>* id_of = nullptr;    // pool index → node id, with order
    bool placeholders = false;                       // empty text nodes written as empty comments
    const std::vector<Mark>* marks = nullptr;
    const std::vector<uint8_t>* marked = nullptr;
  };
  void serialize(uint32_t n, std::string& out, const Writer& w) const;
  void serialize_kids(uint32_t from, uint32_t stop, bool prev_text, std::string& out, const Writer& w) const;
  bool write_marks(uint32_t c, std::string& out, const Writer& w) const;
  bool resolve(const std::vector<Boundary>& boundaries, std::vector<Mark>* marks, std::vector<uint8_t>* marked) const;
  uint32_t node_of(uint32_t id) const;  // 0 when the id is not live

  std::vector<Node> pool_;          // [0] unused; [1] the mount element
  std::vector<AttrList> attr_lists_;  // [0] unused
  // The start tag of a template element with attributes (`<td class="x">`) by its attribute list, made once
  // when the template is parsed: its clones write it with one append. Empty for a node's own list, which
  // may still change.
  std::vector<std::string_view> start_tag_;
  // Every string a node views, copied into blocks that never move (a few allocations per page).
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* block_at_ = nullptr;
  size_t block_left_ = 0;
  std::vector<uint32_t> ids_;       // node id → pool index (0 = free)
  std::vector<Template> templates_;  // template id → template (fragment 0 = undefined)
  struct Listening {
    Listener listener;
    uint32_t pool_index;  // the node the id named then (pool indexes are never reused)
  };
  std::vector<Listening> listeners_;
  std::vector<std::string> errors_, console_;
  bool portals_ = false;
};

}  // namespace dx::ssr
