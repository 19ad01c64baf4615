// object.h — the object header and layouts shared with generated code (ABI.md, "Objects").
//
// Every heap or arena object: `u32 rc` at +0, `u32 meta` at +4; `meta & 0xFF` = kind, `meta >> 8` = kind
// data. rc values at or above kUncounted are never counted: static objects in generated data (0xFFFFFFFF),
// block instances and list states (owned explicitly, 0xFFFFFFFE). An arena object that was evacuated
// carries kForwarded in rc and its heap copy in meta until the arena is reset.
#pragma once
#include "platform.h"

namespace dx::rt {

enum Kind : uint32_t {
  kString = 1, kArray = 2, kRecord = 3, kClosure = 4, kInstance = 5,
  kListState = 6,  // runtime-private: the state dx_for keeps in an owned field
  kTimerTable = 7, // runtime-private: the timers (timers.cpp), owned by the runtime
};

inline constexpr uint32_t kStatic = 0xFFFFFFFFu;
inline constexpr uint32_t kOwned = 0xFFFFFFFEu;
inline constexpr uint32_t kForwarded = 0xFFFFFFFDu;
inline constexpr uint32_t kUncounted = kForwarded;  // rc >= this: not reference counted

inline uint32_t obj_rc(Ref o) { return ld32(o); }
inline uint32_t obj_meta(Ref o) { return ld32(o + 4); }
inline uint32_t obj_kind(Ref o) { return ld32(o + 4) & 0xFF; }
inline uint32_t obj_data(Ref o) { return ld32(o + 4) >> 8; }
inline void obj_init(Ref o, uint32_t rc, uint32_t kind, uint32_t data) {
  st32(o, rc);
  st32(o + 4, kind | (data << 8));
}

// string: +8 u32 length (UTF-16 code units), +12 characters (1 byte each when data 0, 2 bytes when 1).
inline constexpr uint32_t kStrLen = 8, kStrChars = 12;
inline constexpr uint32_t kLatin1 = 0, kUtf16 = 1;

// array: +8 length, +12 capacity, +16 Ref data (raw block of capacity × element size).
inline constexpr uint32_t kArrLen = 8, kArrCap = 12, kArrData = 16, kArrHeaderSize = 24;
enum ElemKind : uint32_t { kElemNumber = 0, kElemU32 = 1, kElemString = 2, kElemArray = 3, kElemRecord = 4, kElemClosure = 5 };
inline uint32_t elem_size(uint32_t elem_kind) { return elem_kind == kElemNumber ? 8u : 4u; }
inline bool elem_is_ref(uint32_t elem_kind) { return elem_kind >= kElemString; }

// closure: +8 u32 function table index, +12 Ref env.
inline constexpr uint32_t kClosureFn = 8, kClosureEnv = 12, kClosureSize = 16;

// block instance prefix (32 bytes), then the block's generated fields.
inline constexpr uint32_t kInstBlock = 8, kInstParent = 12, kInstDirty = 16, kInstFlags = 20, kInstItem = 24;
inline constexpr uint32_t kInstPrefix = 32;
// The mask bit a keyed list row is updated with when its item was replaced (ABI.md dx_for; the compiler's
// kItemChangedBit).
inline constexpr uint32_t kItemChangedBit = 1u << 31;

// Runtime bits of the instance flags word (+20). The ABI leaves the word to the runtime.
inline constexpr uint32_t kFlagQueued = 1u << 0;    // in the flush queue
inline constexpr uint32_t kFlagDead = 1u << 1;      // destroyed; memory freed when the batch ends
inline constexpr uint32_t kFlagCloned = 1u << 2;    // dx_clone ran: node ids live at the ids offset
inline constexpr uint32_t kFlagItemRef = 1u << 3;   // +24 holds a counted Ref (list row of ref items)
inline constexpr uint32_t kFlagNested = 1u << 4;    // mounted inside a node of its parent instance
inline constexpr uint32_t kFlagPortal = 1u << 5;    // a <Portal>'s branch: +24 holds its mount node id (dx_portal)
inline constexpr uint32_t kDepthShift = 6, kDepthMask = 0x3FF;  // bits 6..15: depth (page = 0)
inline constexpr uint32_t kIdsShift = 16;           // bits 16..31: ids offset given to dx_clone

inline uint32_t inst_flags(Ref i) { return ld32(i + kInstFlags); }
inline void inst_set_flags(Ref i, uint32_t f) { st32(i + kInstFlags, f); }
inline uint32_t inst_block(Ref i) { return ld32(i + kInstBlock); }
inline Ref inst_parent(Ref i) { return ld32(i + kInstParent); }
inline uint32_t inst_depth(Ref i) { return (inst_flags(i) >> kDepthShift) & kDepthMask; }

}  // namespace dx::rt
