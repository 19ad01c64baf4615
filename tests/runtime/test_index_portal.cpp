// dx_index (<Index>: rows by position, updated in place, added and removed at the end) and dx_portal (<Portal>:
// a branch under a MOUNT node, removed with its owner) against the model DOM.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "abi.h"
#include "harness.h"
#include "object.h"

extern "C" {
void dx_index(uint32_t inst, uint32_t state_offset, uint32_t items, uint32_t row_block, uint32_t parent_node,
              uint32_t anchor_node, uint32_t mask);
void dx_portal(uint32_t inst, uint32_t target);
}

namespace rt = dx::rt;
using namespace dxt;

namespace {

// A page whose <ul> holds an <Index> of numbers (page.arr). Rows show "index:item" (index at +32, so the
// row's node ids go at 40) and redraw on kItemChangedBit.
struct IndexApp {
  Harness h;
  std::vector<double> next;
  static constexpr uint32_t kIds = 40;

  IndexApp() {
    h.create[kBlkPage] = [this](Ref inst) {
      dx_clone(inst, kTplPage, kPgIds);
      render(inst, 0);
    };
    h.update[kBlkPage] = [this](Ref inst, uint32_t) { render(inst, 0); };
    h.create[kBlkRow] = [](Ref inst) {
      dx_clone(inst, kTplRow, kIds);
      draw(inst);
    };
    h.update[kBlkRow] = [](Ref inst, uint32_t mask) { if (mask & rt::kItemChangedBit) draw(inst); };
    h.handler[kHClick] = [this](Ref page, Ref) {
      uint32_t a = dx_new_array(0, 0);
      for (double v : next) dx_array_push_f64(a, v);
      dx_write_ref(page, page + kPgArr, a);
      dx_invalidate(page, 1);
    };
    h.start();
  }
  static void draw(Ref row) {
    Ref s = dx_str_concat(dx_str_concat(dx_num_to_str(rt::ldf64(row + 32)), dx_num_to_str(0.0)), dx_num_to_str(rt::ldf64(row + 24)));
    dx_text(rt::ld32(row + kIds + 4), s);  // "<index>0<item>": a separator the test can read
  }
  void render(Ref inst, uint32_t mask) {
    dx_index(inst, kPgList, rt::ld32(inst + kPgArr), kBlkRow, rt::ld32(inst + kPgIds + 4 * kPnUl), 0, mask);
  }
  void set(const std::vector<double>& items) {
    next = items;
    h.dom.reset_counts();
    h.updates_seen.clear();
    h.dispatch(kHClick, h.page_node(kPnMain));
  }
  std::vector<uint32_t> lis() { return h.dom.at(h.page_node(kPnUl)).children; }
  std::vector<std::string> shown() {
    std::vector<std::string> out;
    for (uint32_t c : lis()) out.push_back(h.dom.text_of(c));
    return out;
  }
  size_t item_updates() {
    size_t n = 0;
    for (auto& [inst, mask] : h.updates_seen) n += rt::ld32(inst + 8) == kBlkRow && (mask & rt::kItemChangedBit);
    return n;
  }
};

}  // namespace

TEST_CASE("dx_index: rows by position, changed items updated in place, growth and shrinkage at the end", "[list][index]") {
  IndexApp app;
  app.set({7, 8, 9});
  CHECK(app.shown() == std::vector<std::string>{"007", "108", "209"});
  CHECK(app.h.dom.inserts == 3);
  std::vector<uint32_t> nodes = app.lis();

  app.set({7, 5, 9});  // one value changed: its row keeps its node and is redrawn
  CHECK(app.shown() == std::vector<std::string>{"007", "105", "209"});
  CHECK(app.lis() == nodes);
  CHECK((app.h.dom.inserts == 0 && app.h.dom.moves == 0 && app.h.dom.removes == 0));
  CHECK(app.item_updates() == 1);

  app.set({9, 7, 5});  // a rotation is three in-place updates, never a move
  CHECK(app.shown() == std::vector<std::string>{"009", "107", "205"});
  CHECK(app.lis() == nodes);
  CHECK((app.h.dom.moves == 0 && app.item_updates() == 3));

  app.set({9, 7, 5, 1, 2});
  CHECK(app.shown() == std::vector<std::string>{"009", "107", "205", "301", "402"});
  CHECK((app.h.dom.inserts == 2 && app.item_updates() == 0));
  std::vector<uint32_t> grown = app.lis();
  CHECK(std::vector<uint32_t>(grown.begin(), grown.begin() + 3) == nodes);

  app.set({9, 6});
  CHECK(app.shown() == std::vector<std::string>{"009", "106"});
  CHECK((app.h.dom.removes == 3 && app.h.dom.clears == 0 && app.item_updates() == 1));
  CHECK(app.lis() == std::vector<uint32_t>{nodes[0], nodes[1]});

  app.set({});
  CHECK(app.shown().empty());
  CHECK((app.h.dom.clears == 1 && app.h.dom.removes == 0));  // the list owns the <ul>: one CLEAR
  app.set({4});
  CHECK(app.shown() == std::vector<std::string>{"004"});
}

TEST_CASE("dx_portal: the branch renders under a MOUNT node and leaves with its owner, the target stays", "[portal]") {
  Harness h;
  Ref child = 0;
  h.create[kBlkPage] = [&](Ref inst) {
    dx_clone(inst, kTplPage, kPgIds);
    child = dx_new_instance(kShpChild, kBlkChild, inst);
    rt::st32(inst + kPgList, child);  // an owned field that is not an anchor, as dxc gives a <Portal>
    dx_clone(child, kTplChild, kChIds);
    dx_text(rt::ld32(child + kChIds + 8), h.static_str("in portal"));
    dx_portal(child, h.static_str("overlay"));
  };
  h.handler[kHClick] = [&](Ref page, Ref) {
    dx_destroy(rt::ld32(page + kPgList));
    rt::st32(page + kPgList, 0);
  };
  Batch b = h.start();
  CHECK(b.count(dx::schema::kOpMount) == 1);
  REQUIRE(h.dom.mount_targets.size() == 1);
  uint32_t target = *h.dom.mount_targets.begin();
  CHECK(h.dom.at(target).attrs["id"] == "overlay");
  CHECK(rt::ld32(child + 24) == target);
  CHECK(h.dom.at(target).children.size() == 2);  // the child's two roots, appended to the target
  CHECK(h.dom.text_of(target) == "in portal");
  h.dom.reset_counts();
  h.dispatch(kHClick, h.page_node(kPnMain));
  CHECK(h.dom.removes == 2);  // its roots go, though its owner stays: they were never inside the owner's nodes
  CHECK(h.dom.frees == 4);    // three template ids and the MOUNT id
  CHECK(h.dom.mount_targets.empty());
}
