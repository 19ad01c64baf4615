#include "serve/watch.h"

#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace fs = std::filesystem;

namespace dxc::serve {

namespace {

constexpr const char* kTrees[] = {"pages", "components", "public"};
constexpr const char* kRootFiles[] = {"dx.config.json", "index.html"};
constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
                           IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;

bool one_of(const std::string& name, const auto& names) {
  for (const char* n : names)
    if (name == n) return true;
  return false;
}

bool editor_dropping(const std::string& name) {
  return name.empty() || name[0] == '.' || name.back() == '~' || name.ends_with(".swp") || name.ends_with(".swx");
}

}  // namespace

Watcher::Watcher(std::string project) : project_(std::move(project)) {}

Watcher::~Watcher() {
  if (fd_ >= 0) ::close(fd_);
}

bool Watcher::start(std::string* err) {
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) {
    *err = std::string("inotify: ") + std::strerror(errno);
    return false;
  }
  int wd = inotify_add_watch(fd_, project_.c_str(), kMask);
  if (wd < 0) {
    *err = "cannot watch " + project_ + ": " + std::strerror(errno);
    return false;
  }
  dirs_[wd] = "";
  for (const char* t : kTrees) add_tree(t);
  return true;
}

void Watcher::add_tree(const std::string& rel) {
  std::error_code ec;
  fs::path dir = fs::path(project_) / rel;
  if (!fs::is_directory(dir, ec)) return;
  int wd = inotify_add_watch(fd_, dir.c_str(), kMask);
  if (wd < 0) return;
  dirs_[wd] = rel;
  // Subdirectories, also those created between the directory's creation and this watch.
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
    if (it->is_directory(ec) && !editor_dropping(it->path().filename().string()))
      add_tree(rel + "/" + it->path().filename().string());
}

void Watcher::read_changes(std::vector<std::string>& out) {
  alignas(inotify_event) char buf[16384];
  for (;;) {
    ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n <= 0) {
      if (n < 0 && errno == EINTR) continue;
      return;  // EAGAIN: nothing more for now
    }
    for (char* p = buf; p < buf + n;) {
      auto* ev = reinterpret_cast<inotify_event*>(p);
      p += sizeof(inotify_event) + ev->len;
      if (ev->mask & IN_Q_OVERFLOW) {
        out.push_back("(many files)");
        continue;
      }
      auto it = dirs_.find(ev->wd);
      if (it == dirs_.end()) continue;
      if (ev->mask & IN_IGNORED) {
        dirs_.erase(it);
        continue;
      }
      std::string name = ev->len ? std::string(ev->name) : "";
      const std::string& dir = it->second;
      if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
        if (!dir.empty()) out.push_back(dir);
        continue;
      }
      if (dir.empty() && !one_of(name, kRootFiles) && !one_of(name, kTrees)) continue;  // dist/, temporaries, ...
      if (editor_dropping(name)) continue;
      std::string rel = dir.empty() ? name : dir + "/" + name;
      if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) add_tree(rel);
      out.push_back(rel);
    }
  }
}

}  // namespace dxc::serve
