// native.cpp — app.wasm → app.so with wasm2c and cc, and the entry page prerendered with it (native.h).
#include "native/native.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <thread>

#include "common/files.h"
#include "common/split_timer.h"
#include "native/split.h"
#include "dx/ssr/app_module.h"

extern char** environ;

namespace fs = std::filesystem;

namespace dxc::native {
namespace {

// Starts argv (PATH lookup) with stdout and stderr going to `log`; 0 with *error set when it cannot start.
pid_t spawn(const std::vector<std::string>& argv, const fs::path& log, std::string* error) {
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
  if (rc == 0) return pid;
  *error = "cannot run " + argv[0] + ": " + std::strerror(rc);
  return 0;
}

// What a job wrote, its first 4000 bytes.
std::string log_text(const fs::path& log) {
  std::string text = read_text(log);
  if (text.size() > 4000) text = text.substr(0, 4000) + "\n…";
  return text;
}

struct Job {
  std::vector<std::string> argv;
  fs::path log;
};

// Runs the jobs, `width` at a time, in order. 0 when all succeed; else the first failure's exit status (-1: could
// not start) with its output in *output, the jobs already running waited for and no more started.
int run_all(const std::vector<Job>& jobs, size_t width, std::string* output) {
  std::vector<std::pair<pid_t, size_t>> running;
  int failed = 0;
  size_t next = 0;
  while (next < jobs.size() || !running.empty()) {
    while (!failed && next < jobs.size() && running.size() < width) {
      std::string err;
      pid_t pid = spawn(jobs[next].argv, jobs[next].log, &err);
      if (!pid) {
        failed = -1;
        *output = err;
        break;
      }
      running.push_back({pid, next++});
    }
    if (running.empty()) break;
    // (each of ours by pid, never waitpid(-1): the process may have other children)
    bool reaped = false;
    for (size_t i = 0; i < running.size() && !reaped; i++) {
      int status = 0;
      pid_t got = waitpid(running[i].first, &status, WNOHANG);
      if (got == 0 || (got < 0 && errno == EINTR)) continue;
      reaped = true;
      const Job& job = jobs[running[i].second];
      running.erase(running.begin() + std::ptrdiff_t(i));
      int rc = got < 0 ? -1 : WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      if (rc != 0 && !failed) {
        failed = rc;
        *output = log_text(job.log);
      }
    }
    if (!reaped) usleep(2000);
  }
  return failed;
}

// Runs argv; its exit status (-1: could not start), with what it wrote in *output when it failed.
int run(const std::vector<std::string>& argv, const fs::path& log, std::string* output) {
  return run_all({Job{argv, log}}, 1, output);
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

// The environment variable `name` as a whole number in [lo, hi]; `otherwise` when unset or not one.
long env_number(const char* name, long lo, long hi, long otherwise) {
  const char* env = std::getenv(name);
  if (!env || !*env) return otherwise;
  char* end = nullptr;
  long n = std::strtol(env, &end, 10);
  return *end == 0 && n >= lo && n <= hi ? n : otherwise;
}

// The C compiler for a large app's module units (the tier clang compiles at -O0): $DXC_FAST_CC when set ("none":
// clang as for the others), else tcc when it is installed (the README's set-up installs it), else "" (clang).
// tcc is a one-pass compiler: the 14 MB of C of a 500-component app took 0.2 s against clang -O0's 8 s of CPU
// here (tools/bench/compile); its code is ~15 % slower than clang -O0's (that corpus's page: 9.5 against 8.2 ms a
// render in tools/bench/ssr's dx_bench_ssr), a fair price for builds of seconds less.
std::string fast_c_compiler() {
  if (const char* cc = std::getenv("DXC_FAST_CC"); cc && *cc) return std::string(cc) == "none" ? "" : cc;
#if defined(__x86_64__) || defined(__aarch64__)
  if (on_path("tcc")) return "tcc";
#endif
  return "";
}

// tcc's runtime library (libtcc1.a: the conversions its code calls, __floatundidf and the like) as
// `tcc -print-search-dirs` names it; "" when it names none.
std::string tcc_runtime_library(const std::string& tcc, const fs::path& work) {
  fs::path listing = work / "tcc_dirs.txt";
  std::string out;
  if (run({tcc, "-print-search-dirs"}, listing, &out) != 0) return "";
  std::string text = read_text(listing);
  size_t at = text.find("\nlibtcc1:");
  if (at == std::string::npos) return "";
  size_t begin = text.find_first_not_of(" \t\n", at + 9), end = text.find('\n', begin);
  return begin == std::string::npos ? "" : text.substr(begin, end == std::string::npos ? end : end - begin);
}

// How many C compiler processes run at once, and so how many units app.c is cut into: $DXC_JOBS (1–64), else
// one per core (at most 8).
size_t compile_jobs() {
  return size_t(env_number("DXC_JOBS", 1, 64, long(std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 8))));
}

// How long prerendering one page may take: $DXC_PRERENDER_TIMEOUT_MS (1–3600000), else 10 s.
uint32_t prerender_time_limit_ms() { return uint32_t(env_number("DXC_PRERENDER_TIMEOUT_MS", 1, 3600000, 10000)); }

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
                         int optimize, Diagnostics& diags, SplitTimer* laps) {
  SplitTimer own("native");
  SplitTimer& timer = laps ? *laps : own;
  auto fail = [&](const std::string& why) {
    diags.error_at_path("DX0410", "", "cannot build the server module (dist/_server/app.so): " + why);
    return false;
  };
  fs::path native_dir = fs::path(runtime_dir) / "native";
  std::error_code ec;
  for (const char* f : {"dx_app_abi.h", "dx_app_glue.c", "dx_wasm_rt.c", "dx_rt_frame.h", "dx_collate.h", "dx_tcc.h", "shadow/wasm-rt.h"})
    if (!fs::is_regular_file(native_dir / f, ec)) return fail((native_dir / f).string() + " is missing (is the dx build complete? set DX_RUNTIME_DIR)");
  fs::path work = fs::path(so_path).parent_path();
  fs::path wasm_path = work / "app.wasm", c_path = work / "app.c", h_path = work / "app.h", log = work / "log.txt";
  if (!write_bytes(wasm_path, wasm)) return fail("cannot write " + wasm_path.string());
  std::string out;
  // (--enable-exceptions: an app with try/catch uses wasm exceptions; others translate as without it)
  int rc = run({"wasm2c", "--enable-exceptions", wasm_path.string(), "-n", "app", "-o", c_path.string()}, log, &out);
  if (rc != 0) return fail("wasm2c failed (install Debian's wabt)" + (out.empty() ? std::string() : ":\n" + out));
  timer.lap("wasm2c");
  // The module imports from "dx" when app code uses Math.random, the clocks or localStorage: the glue's
  // instantiate call then passes the import instance (dx_app_glue.c).
  const std::string header = read_text(h_path);
  bool dx_imports = header.find("struct Z_dx_instance_t;") != std::string::npos;
  std::string cc = c_compiler();
  // The C compiler's time grows faster than the module: -O2 (a render ≈ 20 % faster than at -O1, +0.5 s for
  // samples/jsfb's 30 KB of wasm) only for apps up to 128 KB of wasm, -O1 up to 512 KB, and a big app
  // (hundreds of components) at -O0, which keeps the phase to seconds (its rendering is slower) — or rather with
  // tcc when there is one: code ~15 % slower than clang -O0's, ~40 times faster to compile (fast_c_compiler).
  int o = optimize <= 0 || wasm.size() > (512u << 10) ? 0 : optimize == 1 || wasm.size() > (128u << 10) ? 1 : 2;
  std::string fast_cc = o == 0 ? fast_c_compiler() : "";
  std::vector<std::string> flags = {"-fPIC", "-fvisibility=hidden", "-O" + std::to_string(o), "-w",
                                    // explicit bounds checks, and the call depth counted in the instance's dx_app
                                    // (runtime-wasm/native/shadow/wasm-rt.h, found before the system's)
                                    "-DWASM_RT_MEMCHECK_SIGNAL_HANDLER=0", "-DWASM_RT_USE_STACK_DEPTH_COUNT=1",
                                    "-I" + work.string(), "-I" + (native_dir / "shadow").string(), "-I" + native_dir.string()};
  if (dx_imports) flags.push_back("-DDX_APP_DX_IMPORTS=1");
  // An app with <Suspense> exports what dx-server streams it with (dx_app_glue.c).
  if (header.find("Z_appZ_dx_suspense_hold") != std::string::npos) flags.push_back("-DDX_APP_SUSPENSE=1");

  // The module's C cut into one unit per core (split.h), compiled side by side with the glue and the wasm2c
  // runtime (always by `cc`: tcc got dx_app_glue.c's long double libm calls, powl and hypotl, wrong: NaN),
  // then linked by `cc` (which checks that nothing is undefined).
  size_t width = compile_jobs();
  std::vector<std::string> units = split_translation_unit(add_deadline_checks(read_text(c_path)), width);
  timer.lap("split");
  std::vector<fs::path> sources;
  for (size_t i = 0; i < units.size(); i++) {
    fs::path unit = i == 0 ? c_path : work / ("app_" + std::to_string(i) + ".c");
    if (!write_text(unit, units[i])) return fail("cannot write " + unit.string());
    sources.push_back(unit);
  }
  sources.push_back(native_dir / "dx_app_glue.c");
  sources.push_back(native_dir / "dx_wasm_rt.c");
  std::vector<Job> jobs;
  std::vector<std::string> link = {cc, "-shared", "-o", so_path};
  for (size_t i = 0; i < sources.size(); i++) {
    std::string obj = (work / ("unit_" + std::to_string(i) + ".o")).string();
    bool module_unit = i < units.size() && !fast_cc.empty();
    Job job{{module_unit ? fast_cc : cc, "-c"}, work / ("log_" + std::to_string(i) + ".txt")};
    job.argv.insert(job.argv.end(), flags.begin(), flags.end());
    if (module_unit) job.argv.insert(job.argv.end(), {"-include", (native_dir / "dx_tcc.h").string()});
    job.argv.insert(job.argv.end(), {sources[i].string(), "-o", obj});
    jobs.push_back(std::move(job));
    link.push_back(obj);
  }
  rc = run_all(jobs, width, &out);
  timer.lap("cc");
  if (rc == 0) {
    // (tcc's objects call its conversion helpers, __floatundidf and the like, from its own libtcc1.a)
    if (!fast_cc.empty()) {
      std::string lib = tcc_runtime_library(fast_cc, work);
      if (lib.empty()) return fail(fast_cc + " -print-search-dirs names no libtcc1 (set DXC_FAST_CC=none to use " + cc + ")");
      link.push_back(lib);
    }
    link.insert(link.end(), {"-Wl,--no-undefined", "-Wl,-z,noexecstack", "-lm", "-lpthread"});
    rc = run(link, log, &out);
  }
  timer.lap("link");
  if (rc != 0) return fail((fast_cc.empty() ? cc : fast_cc + " or " + cc) + " failed (exit code " + std::to_string(rc) + ")" + (out.empty() ? std::string() : ":\n" + out));
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
  lib->set_time_limit_ms(prerender_time_limit_ms());  // a page that never finishes fails the build
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
  SplitTimer timer("native");  // DXC_TIMES=1: wasm2c, split, cc, link, prerender
  if (!build_server_module(wasm, runtime_dir, so.string(), optimize, diags, &timer)) return false;
  out.so = read_bytes(so);
  bool ok = prerender_pages(so.string(), page_files, out, diags);
  timer.lap("prerender");
  timer.print();
  return ok;
}

}  // namespace dxc::native
