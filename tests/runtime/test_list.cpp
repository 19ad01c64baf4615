// dx_for against the model DOM: final order, minimal moves (kept − LIS), CLEAR fast paths, duplicate keys,
// string and record keys, multi-root rows, anchored lists (rows beside their owner's roots), row updates.
#include <catch2/catch.hpp>
#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "abi.h"
#include "harness.h"
#include "list.h"
#include "nodes.h"
#include "str.h"

namespace rt = dx::rt;
using namespace dxt;

namespace {

std::string js_num(double v) { return read_str(dx_num_to_str(v)); }

size_t lis_length(const std::vector<int>& seq) {
  std::vector<int> tails;
  for (int v : seq) {
    auto it = std::lower_bound(tails.begin(), tails.end(), v);
    if (it == tails.end()) tails.push_back(v); else *it = v;
  }
  return tails.size();
}

// A page whose <ul> holds a keyed list of numbers (page.arr), re-rendered on every click.
struct ListApp {
  Harness h;
  std::vector<double> next;
  uint32_t row_block = kBlkRow, update_mask = 0;

  ListApp() {
    h.create[kBlkPage] = [this](Ref inst) {
      dx_clone(inst, kTplPage, kPgIds);
      render(inst, 0);
    };
    h.update[kBlkPage] = [this](Ref inst, uint32_t) { render(inst, update_mask); };
    h.handler[kHClick] = [this](Ref page, Ref) {
      uint32_t a = dx_new_array(0, 0);
      for (double v : next) dx_array_push_f64(a, v);
      dx_write_ref(page, page + kPgArr, a);
      dx_invalidate(page, 1);
    };
    h.start();
  }
  void render(Ref inst, uint32_t mask) {
    dx_for(inst, kPgList, rt::ld32(inst + kPgArr), 0, row_block, rt::ld32(inst + kPgIds + 4 * kPnUl), 0, mask, 0);
  }
  Batch set(const std::vector<double>& items) {
    next = items;
    h.dom.reset_counts();
    return h.dispatch(kHClick, h.page_node(kPnMain));
  }
  // Texts of the rows under the <ul>, in document order (multi-root rows: only the roots with text).
  std::vector<std::string> shown() {
    std::vector<std::string> out;
    for (uint32_t c : h.dom.at(h.page_node(kPnUl)).children) {
      std::string t = h.dom.text_of(c);
      if (!t.empty()) out.push_back(t);
    }
    return out;
  }
  std::vector<std::string> expect(const std::vector<double>& items) {
    std::vector<std::string> out;
    for (double v : items) out.push_back(js_num(v));
    return out;
  }
};

}  // namespace

TEST_CASE("dx_for: create, append, remove, clear", "[list]") {
  ListApp app;
  app.set({1, 2, 3});
  CHECK(app.shown() == app.expect({1, 2, 3}));
  CHECK(app.h.dom.inserts == 3);
  app.set({1, 2, 3, 4, 5});
  CHECK(app.shown() == app.expect({1, 2, 3, 4, 5}));
  CHECK(app.h.dom.inserts == 2);
  CHECK(app.h.dom.moves == 0);
  app.set({0, 1, 2, 3, 4, 5});
  CHECK(app.shown() == app.expect({0, 1, 2, 3, 4, 5}));
  CHECK((app.h.dom.inserts == 1 && app.h.dom.moves == 0));
  app.set({0, 1, 4, 5});
  CHECK(app.shown() == app.expect({0, 1, 4, 5}));
  CHECK((app.h.dom.removes == 2 && app.h.dom.frees == 4 && app.h.dom.moves == 0));
  uint32_t live = rt::nodes_live();
  app.set({});
  CHECK(app.shown().empty());
  CHECK(app.h.dom.clears == 1);   // the list owns the <ul>: one CLEAR, no REMOVE
  CHECK(app.h.dom.removes == 0);
  CHECK(app.h.dom.frees == 8);
  CHECK(rt::nodes_live() == live - 8);
  app.set({7});
  CHECK(app.shown() == app.expect({7}));
}

TEST_CASE("dx_for: replacing every row clears once and creates the new rows", "[list]") {
  ListApp app;
  std::vector<double> a, b;
  for (int i = 0; i < 1000; ++i) { a.push_back(i); b.push_back(1000 + i); }
  app.set(a);
  Batch batch = app.set(b);
  CHECK(app.shown() == app.expect(b));
  CHECK(app.h.dom.clears == 1);
  CHECK(app.h.dom.removes == 0);
  CHECK(app.h.dom.inserts == 1000);
  CHECK(batch.count(dx::schema::kOpClone) == 1000);
  CHECK(app.h.dom.frees == 2000);
}

TEST_CASE("dx_for: swaps and reversals move the fewest rows", "[list]") {
  ListApp app;
  std::vector<double> items;
  for (int i = 0; i < 10; ++i) items.push_back(i);
  app.set(items);
  std::swap(items[1], items[8]);  // the js-framework-benchmark swap: 2 moves
  app.set(items);
  CHECK(app.shown() == app.expect(items));
  CHECK(app.h.dom.moves == 2);
  CHECK(app.h.dom.inserts == 0);
  std::reverse(items.begin(), items.end());
  app.set(items);
  CHECK(app.shown() == app.expect(items));
  CHECK(app.h.dom.moves == 9);  // n − LIS = 10 − 1
  std::rotate(items.begin(), items.begin() + 1, items.end());
  app.set(items);
  CHECK(app.h.dom.moves == 1);
}

TEST_CASE("dx_for: random edits keep order and move exactly n - LIS rows", "[list]") {
  for (uint32_t block : {uint32_t(kBlkRow), uint32_t(kBlkRow2)}) {
    ListApp app;
    app.row_block = block;
    uint32_t roots = block == kBlkRow2 ? 2 : 1;
    std::mt19937 rng(block * 77 + 5);
    std::vector<double> cur;
    double fresh = 0;
    for (int step = 0; step < 400; ++step) {
      std::vector<double> next = cur;
      switch (rng() % 7) {
        case 0: std::shuffle(next.begin(), next.end(), rng); break;
        case 1:
          if (next.size() > 1) std::swap(next[rng() % next.size()], next[rng() % next.size()]);
          break;
        case 2:
          for (int k = int(rng() % 4); k > 0 && !next.empty(); --k) next.erase(next.begin() + long(rng() % next.size()));
          break;
        case 3:
          for (int k = int(rng() % 5); k > 0; --k) next.insert(next.begin() + long(rng() % (next.size() + 1)), fresh++);
          break;
        case 4:
          if (next.size() > 2) {
            size_t a = rng() % next.size(), b = rng() % next.size();
            std::reverse(next.begin() + long(std::min(a, b)), next.begin() + long(std::max(a, b)));
          }
          break;
        case 5:
          if (rng() % 8 == 0) next.clear();
          else for (int k = 0; k < 3; ++k) next.push_back(fresh++);
          break;
        default:  // mixed: drop some, add some, shuffle a window
          if (!next.empty()) next.erase(next.begin() + long(rng() % next.size()));
          next.insert(next.begin() + long(rng() % (next.size() + 1)), fresh++);
          if (next.size() > 4) std::shuffle(next.begin() + 1, next.begin() + 4, rng);
      }
      // Expected moves: kept items' old positions, in new order; moves = kept − LIS.
      std::vector<int> old_pos;
      for (double v : next) {
        auto it = std::find(cur.begin(), cur.end(), v);
        if (it != cur.end()) old_pos.push_back(int(it - cur.begin()));
      }
      size_t kept = old_pos.size(), created = next.size() - kept;
      app.set(next);
      INFO("step " << step << ", " << cur.size() << " → " << next.size() << " rows");
      REQUIRE(app.shown() == app.expect(next));
      REQUIRE(app.h.dom.moves == roots * (kept - lis_length(old_pos)));
      REQUIRE(app.h.dom.inserts == roots * created);
      if (!next.empty() || cur.empty()) REQUIRE(app.h.dom.clears <= 1);
      cur = next;
    }
    REQUIRE(rt::list_count(rt::ld32(app.h.page() + kPgList)) == cur.size());
    REQUIRE(rt::nodes_live() == 4 + (roots + 1) * cur.size());
  }
}

TEST_CASE("dx_for: duplicate keys and NaN / -0 keys", "[list]") {
  ListApp app;
  app.set({1, 1, 2, 1});
  CHECK(app.shown() == app.expect({1, 1, 2, 1}));
  app.set({1, 2, 1, 1});
  CHECK(app.shown() == app.expect({1, 2, 1, 1}));
  CHECK(app.h.dom.inserts == 0);
  const double nan = std::nan("");
  app.set({nan, 0.0, 5});
  app.set({5, -0.0, nan});  // NaN matches NaN and -0 matches +0 (SameValueZero): rows are kept
  CHECK(app.h.dom.inserts == 0);
  CHECK(app.shown() == std::vector<std::string>{"5", "0", "NaN"});
}

TEST_CASE("dx_for: kept rows are updated with the mask", "[list]") {
  ListApp app;
  app.set({1, 2, 3});
  app.update_mask = 4;
  app.h.updates_seen.clear();
  app.set({3, 2, 9});
  size_t row_updates = 0;
  for (auto& [inst, mask] : app.h.updates_seen)
    if (rt::ld32(inst + 8) == kBlkRow) { ++row_updates; CHECK(mask == 4); }
  CHECK(row_updates == 2);
}

TEST_CASE("dx_for: string items are keyed by content, records by identity", "[list]") {
  Harness h;
  std::vector<std::string> names;
  bool as_records = false;
  uint32_t rows_block = kBlkRow;
  auto label = [&](Ref row) {
    uint32_t item = rt::ld32(row + 24);
    return as_records ? rt::ld32(item + kRecStr) : item;
  };
  h.create[kBlkRow] = [&](Ref row) {
    dx_clone(row, kTplRow, kRowIds);
    dx_text(rt::ld32(row + kRowIds + 4), label(row));
  };
  h.create[kBlkPage] = [&](Ref inst) { dx_clone(inst, kTplPage, kPgIds); };
  h.update[kBlkPage] = [&](Ref inst, uint32_t) {
    dx_for(inst, kPgList, rt::ld32(inst + kPgArr), 0, rows_block, rt::ld32(inst + kPgIds + 4 * kPnUl), 0, 0, 0);
  };
  h.handler[kHClick] = [&](Ref page, Ref) {
    uint32_t a = dx_new_array(2, 0);
    for (const std::string& n : names)
      dx_array_push_i32(a, rt::str_from_utf8(reinterpret_cast<const uint8_t*>(n.data()), uint32_t(n.size())));
    dx_write_ref(page, page + kPgArr, a);
    dx_invalidate(page, 1);
  };
  h.start();
  auto shown = [&] {
    std::vector<std::string> out;
    for (uint32_t c : h.dom.at(h.page_node(kPnUl)).children) out.push_back(h.dom.text_of(c));
    return out;
  };
  names = {"ann", "bob", "\xC3\xA9ve", "\xF0\x9F\x98\x80"};
  h.dispatch(kHClick, h.page_node(kPnMain));
  CHECK(shown() == names);
  names = {"\xF0\x9F\x98\x80", "ann", "dan", "bob"};  // new string objects, same contents
  h.dom.reset_counts();
  h.dispatch(kHClick, h.page_node(kPnMain));
  CHECK(shown() == names);
  CHECK(h.dom.inserts == 1);  // only "dan"
  CHECK(h.dom.removes == 1);  // "éve"

  // Records: the page keeps them in page.arr; reordering the same (evacuated) records keeps their rows.
  as_records = true;
  h.handler[kHClick] = [&](Ref page, Ref) {
    uint32_t a = dx_new_array(4, 0);
    for (const std::string& n : names) {
      uint32_t r = dx_new_record(kShpRec);
      dx_write_ref(r, r + kRecStr, rt::str_from_utf8(reinterpret_cast<const uint8_t*>(n.data()), uint32_t(n.size())));
      dx_array_push_i32(a, r);
    }
    dx_write_ref(page, page + kPgArr, a);
    dx_invalidate(page, 1);
  };
  h.dispatch(kHClick, h.page_node(kPnMain));  // new records: every row replaced
  CHECK(shown() == names);
  h.handler[kHClick] = [&](Ref page, Ref) {
    uint32_t old = rt::ld32(page + kPgArr), a = dx_new_array(4, 0);
    for (int k : {3, 2, 1, 0}) dx_array_push_i32(a, rt::ld32(rt::ld32(old + 16) + 4 * uint32_t(k)));
    dx_write_ref(page, page + kPgArr, a);
    dx_invalidate(page, 1);
  };
  h.dom.reset_counts();
  h.dispatch(kHClick, h.page_node(kPnMain));
  std::vector<std::string> reversed(names.rbegin(), names.rend());
  CHECK(shown() == reversed);
  CHECK(h.dom.inserts == 0);
  CHECK(h.dom.moves == 3);
}

TEST_CASE("dx_for: an anchored list moves and leaves with its owner", "[list]") {
  Harness h;
  std::vector<double> items = {1, 2, 3};
  auto render_child = [&](Ref child) {
    uint32_t a = dx_new_array(0, 0);
    for (double v : items) dx_array_push_f64(a, v);
    dx_for(child, kChList, a, 0, kBlkRow, 0, rt::ld32(child + kChIds + 4), 0, 0);  // before the child's anchor
  };
  h.create[kBlkChild] = [&](Ref child) {
    dx_clone(child, kTplChild, kChIds);
    render_child(child);  // rows go into the clone's fragment, before its anchor
  };
  h.update[kBlkChild] = [&](Ref child, uint32_t) { render_child(child); };
  h.create[kBlkPage] = [&](Ref page) {
    dx_clone(page, kTplPage, kPgIds);
    uint32_t child = dx_new_instance(kShpChild, kBlkChild, page);
    rt::st32(page + kPgChild, child);
    dxgen_block_create(child);
    dx_mount(child, 0, rt::ld32(page + kPgIds + 4 * kPnAnchor));  // at the page's anchor, in its fragment
  };
  h.start();
  Ref page = h.page(), child = rt::ld32(page + kPgChild);
  auto top = [&] {  // the mount element's children, described
    std::vector<std::string> out;
    for (uint32_t c : h.dom.at(1).children) {
      if (c == h.page_node(kPnMain)) out.push_back("main");
      else if (c == h.page_node(kPnAnchor)) out.push_back("page-anchor");
      else if (c == rt::ld32(child + kChIds)) out.push_back("span");
      else if (c == rt::ld32(child + kChIds + 4)) out.push_back("child-anchor");
      else out.push_back(h.dom.text_of(c));
    }
    return out;
  };
  CHECK(top() == std::vector<std::string>{"main", "span", "1", "2", "3", "child-anchor", "page-anchor"});
  items = {3, 4, 1};
  h.handler[kHClick] = [&](Ref, Ref) { dx_invalidate(child, 1); };
  h.dom.reset_counts();
  h.dispatch(kHClick, h.page_node(kPnMain));
  CHECK(top() == std::vector<std::string>{"main", "span", "3", "4", "1", "child-anchor", "page-anchor"});
  CHECK(h.dom.moves == 1);
  // Destroying the child removes its roots and its rows (they sit beside its roots, not inside them).
  h.handler[kHClick] = [&](Ref pg, Ref) {
    dx_destroy(rt::ld32(pg + kPgChild));
    rt::st32(pg + kPgChild, 0);
  };
  h.dom.reset_counts();
  h.dispatch(kHClick, h.page_node(kPnMain));
  CHECK(top() == std::vector<std::string>{"main", "page-anchor"});
  CHECK(h.dom.removes == 2 + 3);
  CHECK(h.dom.frees == 3 + 3 * 2);
  CHECK(rt::nodes_live() == 4);
}
