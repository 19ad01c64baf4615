/* sys/event.h — a stand-in for the BSD header, for the syntax check of runtime-server/src/reactor_kqueue.cpp
 * on Linux only ("server: reactor kqueue (syntax check)"). It declares the kqueue API exactly as FreeBSD's
 * kqueue(2) manual page and <sys/event.h> do (FreeBSD 12+ struct layout, same constant values), so a
 * misspelt name, a wrong argument count or type in the backend fails the suite. Nothing here is linked or
 * run: there is no kqueue on Linux. */
#ifndef DX_KQUEUE_SHIM_SYS_EVENT_H
#define DX_KQUEUE_SHIM_SYS_EVENT_H

#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#define EVFILT_READ (-1)
#define EVFILT_WRITE (-2)
#define EVFILT_AIO (-3)
#define EVFILT_VNODE (-4)
#define EVFILT_PROC (-5)
#define EVFILT_SIGNAL (-6)
#define EVFILT_TIMER (-7)
#define EVFILT_PROCDESC (-8)
#define EVFILT_FS (-9)
#define EVFILT_LIO (-10)
#define EVFILT_USER (-11)
#define EVFILT_SENDFILE (-12)
#define EVFILT_EMPTY (-13)

/* actions */
#define EV_ADD 0x0001
#define EV_DELETE 0x0002
#define EV_ENABLE 0x0004
#define EV_DISABLE 0x0008
#define EV_FORCEONESHOT 0x0100
#define EV_KEEPUDATA 0x0200

/* flags */
#define EV_ONESHOT 0x0010
#define EV_CLEAR 0x0020
#define EV_RECEIPT 0x0040
#define EV_DISPATCH 0x0080

/* returned values */
#define EV_EOF 0x8000
#define EV_ERROR 0x4000

struct kevent {
  uintptr_t ident;  /* identifier for this event */
  short filter;     /* filter for event */
  unsigned short flags;   /* action flags for kqueue */
  unsigned int fflags;    /* filter flag value */
  int64_t data;     /* filter data value */
  void *udata;      /* opaque user data identifier */
  uint64_t ext[4];  /* extensions */
};

#define EV_SET(kevp_, a, b, c, d, e, f) \
  do {                                  \
    struct kevent *kevp = (kevp_);      \
    (kevp)->ident = (a);                \
    (kevp)->filter = (b);               \
    (kevp)->flags = (c);                \
    (kevp)->fflags = (d);               \
    (kevp)->data = (e);                 \
    (kevp)->udata = (f);                \
    (kevp)->ext[0] = 0;                 \
    (kevp)->ext[1] = 0;                 \
    (kevp)->ext[2] = 0;                 \
    (kevp)->ext[3] = 0;                 \
  } while (0)

#ifdef __cplusplus
extern "C" {
#endif
int kqueue(void);
int kevent(int kq, const struct kevent *changelist, int nchanges, struct kevent *eventlist, int nevents,
           const struct timespec *timeout);
#ifdef __cplusplus
}
#endif

#endif
