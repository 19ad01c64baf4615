// serve/serve.h — `dxc serve`: the development loop.
//
//   build (a dev build: BuildOptions::dev) → start dx-server --dev as a child → watch the project (watch.h)
//   → on a change (bursts of events debounced: 20 ms of quiet) rebuild → success: SIGHUP the child, which
//   reloads dist/ atomically and pushes ServerEvent "reload" to every page's dev client; failure: print the
//   diagnostics (as `dxc build` does), write them (without colour) to a file in a private temporary
//   directory and SIGUSR1 the child, which pushes them as "build failed" (the page shows an overlay) and
//   keeps serving the last good dist/. One line per rebuild on stderr, with its time in ms.
// A failed first build starts no server: the loop waits for a change and starts it after the first success.
// SIGINT/SIGTERM: stop the child (SIGTERM, its drain bounded to 1 s), remove the temporary directory, exit 0.
// If the child exits on its own (its port was taken, ...) dxc serve exits 1.
#pragma once
#include <string>

#include "driver/build.h"

namespace dxc::serve {

struct ServeOptions {
  BuildOptions build;  // project, out, runtime_dir, optimize; dev is set by run()
  std::string server;  // the dx-server binary
  std::string host = "127.0.0.1";
  int port = 3000;     // 0: dx-server picks a free port (its stdout line shows it)
};

int run(ServeOptions o);

}  // namespace dxc::serve
