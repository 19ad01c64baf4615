// Timers (runtime-wasm/src/timers.cpp): TIMER / TIMER_CLEAR ops; dx_timer_fire runs the closure in a batch of
// its own (a timeout once, an interval each time); the table keeps the arena closures a handler made alive
// across batches (and across the table's growth); clearTimeout; an owner's destruction clears its timers;
// dx_templates sends the live ones again (a resumed page).
#include <catch2/catch.hpp>
#include <utility>
#include <vector>

#include "abi.h"
#include "entry.h"
#include "harness.h"
#include "objects.h"
#include "timers.h"

extern "C" {
double dx_timer_set(uint32_t closure, double delay, uint32_t repeat, uint32_t owner);
void dx_timer_clear(double id);
uint32_t dx_timer_fire(uint32_t id);
uint32_t dx_templates();
void dx_on_cleanup(uint32_t closure, uint32_t owner);
}

namespace rt = dx::rt;
namespace sc = dx::schema;
using namespace dxt;

namespace {
std::vector<std::pair<uint32_t, uint32_t>> g_fired;  // (function index, env) per closure call
void record(uint32_t fn, uint32_t env) { g_fired.push_back({fn, env}); }

std::vector<std::vector<uint32_t>> ops_of(const Batch& b, uint32_t code) {
  std::vector<std::vector<uint32_t>> out;
  for (const Op& op : b.ops) if (op.code == code) out.push_back(op.args);
  return out;
}
}  // namespace

TEST_CASE("timers: set, fire, clear, resume, and the owner's destruction", "[timers]") {
  Harness h;
  h.start();
  g_fired.clear();
  rt::native::hooks.call_void = record;
  std::vector<double> ids;
  h.handler[kHClick] = [&](Ref, Ref) {  // arena closures: only the table keeps them
    ids.push_back(dx_timer_set(rt::closure_new(7, h.page()), 10, 0, h.page()));
    ids.push_back(dx_timer_set(rt::closure_new(8, 0), 25.9, 1, 0));
    for (int k = 0; k < 5; ++k) ids.push_back(dx_timer_set(rt::closure_new(20 + k, 0), -3, 0, 0));  // the table grows
  };
  Batch b = h.dispatch(kHClick, h.page_node(kPnMain));
  REQUIRE(ids.size() == 7);
  CHECK(ids[0] == 1);
  CHECK(ids[1] == 2);
  auto set = ops_of(b, sc::kOpTimer);
  REQUIRE(set.size() == 7);
  CHECK(set[0] == std::vector<uint32_t>{1, 10, 0});
  CHECK(set[1] == std::vector<uint32_t>{2, 25, 1});
  CHECK(set[2] == std::vector<uint32_t>{3, 0, 0});  // a negative delay is 0

  // The timeout runs once, with its closure's function and environment (evacuated to the heap meanwhile).
  decode_batch(dx_timer_fire(1));
  decode_batch(dx_timer_fire(1));
  REQUIRE(g_fired.size() == 1);
  CHECK(g_fired[0] == std::pair<uint32_t, uint32_t>{7, h.page()});
  for (uint32_t id = 3; id <= 7; ++id) decode_batch(dx_timer_fire(id));
  REQUIRE(g_fired.size() == 6);
  CHECK(g_fired[5].first == 24);
  // The interval runs each time.
  decode_batch(dx_timer_fire(2));
  decode_batch(dx_timer_fire(2));
  CHECK(g_fired.size() == 8);
  CHECK(g_fired.back().first == 8);

  // A resumed page: dx_templates sends the live timers again.
  Batch r = decode_batch(dx_templates());
  CHECK(ops_of(r, sc::kOpTimer) == std::vector<std::vector<uint32_t>>{{2, 25, 1}});

  // clearInterval: TIMER_CLEAR, and a late fire does nothing; an unknown or non-integer id is ignored.
  h.handler[kHClick] = [&](Ref, Ref) {
    dx_timer_clear(2);
    dx_timer_clear(2.5);
    dx_timer_clear(99);
  };
  b = h.dispatch(kHClick, h.page_node(kPnMain));
  CHECK(ops_of(b, sc::kOpTimerClear) == std::vector<std::vector<uint32_t>>{{2}});
  decode_batch(dx_timer_fire(2));
  CHECK(g_fired.size() == 8);

  // A timer of an instance is cleared when the instance is destroyed.
  h.handler[kHClick] = [&](Ref, Ref) { ids.push_back(dx_timer_set(rt::closure_new(9, h.page()), 5, 1, h.page())); };
  h.dispatch(kHClick, h.page_node(kPnMain));
  h.handler[kHClick] = [&](Ref, Ref) { rt::timers_drop_owner(h.page()); };
  b = h.dispatch(kHClick, h.page_node(kPnMain));
  CHECK(ops_of(b, sc::kOpTimerClear) == std::vector<std::vector<uint32_t>>{{uint32_t(ids.back())}});
  decode_batch(dx_timer_fire(uint32_t(ids.back())));
  CHECK(g_fired.size() == 8);
  CHECK(ops_of(decode_batch(dx_templates()), sc::kOpTimer).empty());
  rt::native::hooks.call_void = nullptr;
}

TEST_CASE("onCleanup: closures run when their owner is destroyed, the last registered first, once", "[timers]") {
  Harness h;
  h.start();
  g_fired.clear();
  rt::native::hooks.call_void = record;
  h.handler[kHClick] = [&](Ref, Ref) {
    dx_on_cleanup(rt::closure_new(31, h.page()), h.page());
    dx_on_cleanup(rt::closure_new(32, h.page()), h.page());
    dx_on_cleanup(rt::closure_new(33, 0), 0);  // no owner: never runs
    dx_timer_set(rt::closure_new(34, 0), 5, 1, h.page());
  };
  h.dispatch(kHClick, h.page_node(kPnMain));
  CHECK(ops_of(decode_batch(dx_templates()), sc::kOpTimer).size() == 1);  // cleanups are not timers
  decode_batch(dx_timer_fire(1));  // a cleanup's entry is not a timer either
  CHECK(g_fired.empty());
  h.handler[kHClick] = [&](Ref, Ref) { rt::timers_drop_owner(h.page()); };
  Batch b = h.dispatch(kHClick, h.page_node(kPnMain));
  CHECK(ops_of(b, sc::kOpTimerClear).size() == 1);
  REQUIRE(g_fired.size() == 2);
  CHECK(g_fired[0].first == 32);
  CHECK(g_fired[1].first == 31);
  h.dispatch(kHClick, h.page_node(kPnMain));
  CHECK(g_fired.size() == 2);
  rt::native::hooks.call_void = nullptr;
}
