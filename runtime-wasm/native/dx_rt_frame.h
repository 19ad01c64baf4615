/* dx_rt_frame.h — what one entry call into app.so keeps on the calling thread (dx_app_glue.c's DX_GUARDED
 * makes one on its stack; dx_wasm_rt.c reaches it through the host's per-thread slot): where a trap
 * returns to, and the wasm exception state (the try frame a throw unwinds to, the exception in flight).
 * Kept per call, not per thread in this library, so nested or interleaved instances never share it. */
#ifndef DX_RT_FRAME_H
#define DX_RT_FRAME_H
#include <setjmp.h>
#include <stdint.h>

struct dx_rt_frame {
  jmp_buf trap;    /* a trap longjmps here (its code as the value) */
  jmp_buf* unwind; /* the innermost try of this call, or NULL: a throw then traps (uncaught exception) */
  uint32_t tag;    /* the exception in flight: its tag and payload */
  uint32_t size;
  unsigned char value[64];
};

/* Makes `frame` the calling thread's current one; returns the previous one (NULL: none). */
struct dx_rt_frame* dx_rt_swap_frame(struct dx_rt_frame* frame);
#endif
