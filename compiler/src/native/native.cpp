// native.cpp — app.wasm → app.so with wasm2c and cc, and the entry page prerendered with it (native.h).
#include "native/native.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string_view>

#include "common/files.h"
#include "dx/ssr/app_module.h"

extern char** environ;

namespace fs = std::filesystem;

namespace dxc::native {
namespace {

// Runs argv (PATH lookup) with stdout and stderr captured; returns the exit status (-1: could not start).
int run(const std::vector<std::string>& argv, const fs::path& log, std::string* output) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, args[0], &fa, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) {
    *output = "cannot run " + argv[0] + ": " + std::strerror(rc);
    return -1;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  *output = read_text(log);
  if (output->size() > 4000) *output = output->substr(0, 4000) + "\n…";
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// An executable named `name` on PATH.
bool on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (!path) return false;
  for (std::string_view rest = path; !rest.empty();) {
    size_t colon = rest.find(':');
    std::string_view dir = rest.substr(0, colon);
    rest = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 1);
    if (!dir.empty() && access((std::string(dir) + "/" + name).c_str(), X_OK) == 0) return true;
  }
  return false;
}

// The C compiler for app.c: $CC, else clang (Debian's clang-19, which dx needs for its runtime anyway), else
// cc. On wasm2c's output clang is the faster compiler by far at -O0 (a 500-component app's 14 MB of C: 6 s
// against gcc's 21 s here) and as fast at -O2, with renders as fast (tools/bench/compile, tools/bench/ssr).
std::string c_compiler() {
  if (const char* cc = std::getenv("CC"); cc && *cc) return cc;
  for (const char* c : {"clang-19", "clang"})
    if (on_path(c)) return c;
  return "cc";
}

struct ScratchDir {
  fs::path path;
  ScratchDir() {
    std::string tmpl = (fs::temp_directory_path() / "dxc-native-XXXXXX").string();
    if (mkdtemp(tmpl.data())) path = tmpl;
  }
  ~ScratchDir() {
    std::error_code ec;
    if (!path.empty()) fs::remove_all(path, ec);
  }
};

}  // namespace

bool build_server_module(const std::vector<uint8_t>& wasm, const std::string& runtime_dir, const std::string& so_path,
                         int optimize, Diagnostics& diags) {
  auto fail = [&](const std::string& why) {
    diags.error_at_path("DX0410", "", "cannot build the server module (dist/_server/app.so): " + why);
    return false;
  };
  fs::path native_dir = fs::path(runtime_dir) / "native";
  std::error_code ec;
  for (const char* f : {"dx_app_abi.h", "dx_app_glue.c", "dx_wasm_rt.c", "dx_rt_frame.h", "dx_collate.h", "shadow/wasm-rt.h"})
    if (!fs::is_regular_file(native_dir / f, ec)) return fail((native_dir / f).string() + " is missing (is the dx build complete? set DX_RUNTIME_DIR)");
  fs::path work = fs::path(so_path).parent_path();
  fs::path wasm_path = work / "app.wasm", c_path = work / "app.c", h_path = work / "app.h", log = work / "log.txt";
  if (!write_bytes(wasm_path, wasm)) return fail("cannot write " + wasm_path.string());
  std::string out;
  // (--enable-exceptions: an app with try/catch uses wasm exceptions; others translate as without it)
  int rc = run({"wasm2c", "--enable-exceptions", wasm_path.string(), "-n", "app", "-o", c_path.string()}, log, &out);
  if (rc != 0) return fail("wasm2c failed (install Debian's wabt)" + (out.empty() ? std::string() : ":\n" + out));
  // The module imports from "dx" when app code uses Math.random, the clocks or localStorage: the glue's
  // instantiate call then passes the import instance (dx_app_glue.c).
  const std::string header = read_text(h_path);
  bool dx_imports = header.find("struct Z_dx_instance_t;") != std::string::npos;
  std::string cc = c_compiler();
  // The C compiler's time grows faster than the module: -O2 (a render ≈ 20 % faster than at -O1, +0.5 s for
  // samples/jsfb's 30 KB of wasm) only for apps up to 128 KB of wasm, -O1 up to 512 KB, and a big app
  // (hundreds of components) at -O0, which keeps the phase to seconds (its rendering is slower).
  int o = optimize <= 0 || wasm.size() > (512u << 10) ? 0 : optimize == 1 || wasm.size() > (128u << 10) ? 1 : 2;
  std::vector<std::string> cmd = {cc, "-shared", "-fPIC", "-fvisibility=hidden", "-O" + std::to_string(o), "-w",
                                  // explicit bounds checks, and the call depth counted in the instance's dx_app
                                  // (runtime-wasm/native/shadow/wasm-rt.h, found before the system's)
                                  "-DWASM_RT_MEMCHECK_SIGNAL_HANDLER=0", "-DWASM_RT_USE_STACK_DEPTH_COUNT=1",
                                  "-I" + work.string(), "-I" + (native_dir / "shadow").string(), "-I" + native_dir.string()};
  if (dx_imports) cmd.push_back("-DDX_APP_DX_IMPORTS=1");
  // An app with <Suspense> exports what dx-server streams it with (dx_app_glue.c).
  if (header.find("Z_appZ_dx_suspense_hold") != std::string::npos) cmd.push_back("-DDX_APP_SUSPENSE=1");
  cmd.insert(cmd.end(), {c_path.string(), (native_dir / "dx_app_glue.c").string(), (native_dir / "dx_wasm_rt.c").string(),
                         "-o", so_path, "-Wl,--no-undefined", "-lm", "-lpthread"});
  rc = run(cmd, log, &out);
  if (rc != 0) return fail(cc + " failed (exit code " + std::to_string(rc) + ")" + (out.empty() ? std::string() : ":\n" + out));
  return true;
}

bool prerender_pages(const std::string& so_path, const std::vector<std::string>& page_files, ServerModule& out,
                     Diagnostics& diags) {
  std::string err;
  std::shared_ptr<dx::ssr::AppLibrary> lib = dx::ssr::AppLibrary::open(so_path, &err);
  if (!lib) {
    diags.error_at_path("DX0410", "", "the server module does not load: " + err);
    return false;
  }
  for (uint32_t i = 0; i < page_files.size(); i++) {
    dx::ssr::Resumable r;
    if (page_files[i].empty()) {  // a page with route params: dx-server renders it per request
      out.pages.emplace_back();
      continue;
    }
    if (!dx::ssr::render_entry_resumable(lib, &r, &err, i)) {
      diags.error_at_path("DX0411", page_files[i], "the page failed while prerendering: " + err);
      return false;
    }
    out.pages.push_back({std::move(r.html), std::move(r.snapshot)});
  }
  return true;
}

bool build_and_prerender(const std::vector<uint8_t>& wasm, const std::string& runtime_dir, int optimize,
                         const std::vector<std::string>& page_files, ServerModule& out, Diagnostics& diags) {
  ScratchDir scratch;
  if (scratch.path.empty()) {
    diags.error_at_path("DX0410", "", "cannot create a scratch directory for the server module");
    return false;
  }
  fs::path so = scratch.path / "app.so";
  if (!build_server_module(wasm, runtime_dir, so.string(), optimize, diags)) return false;
  out.so = read_bytes(so);
  return prerender_pages(so.string(), page_files, out, diags);
}

}  // namespace dxc::native
