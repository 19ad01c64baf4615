// serve/watch.h — what `dxc serve` watches (inotify): the project's pages/, components/ and public/ trees
// (recursively, directories created later included) and its dx.config.json and index.html. Nothing else
// in the project (dist/ and the build's temporary directories beside it are not inputs).
//
//   Watcher w(project);
//   if (!w.start(&err)) ...;
//   poll w.fd() for POLLIN, then w.read_changes(out): appends the changed paths (relative to the project)
//   and watches new directories. Editor droppings (names starting with '.', ending in '~' or ".swp") are
//   not changes. A lost-events overflow is reported as the change "(many files)".
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

namespace dxc::serve {

class Watcher {
 public:
  explicit Watcher(std::string project);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  bool start(std::string* err);
  int fd() const { return fd_; }
  void read_changes(std::vector<std::string>& out);

 private:
  void add_tree(const std::string& rel);  // watches rel (relative to the project) and its subdirectories

  std::string project_;
  int fd_ = -1;
  std::unordered_map<int, std::string> dirs_;  // watch descriptor → directory relative to the project ("" = root)
};

}  // namespace dxc::serve
