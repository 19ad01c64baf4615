// dxc::SourceManager — every source file of a build, with line tables for file:line:col and code frames.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dxc {

using FileId = uint32_t;

// A byte range in one file. Line and column are computed on demand by the SourceManager.
struct Span {
  FileId file = 0;
  uint32_t start = 0;  // byte offset, inclusive
  uint32_t end = 0;    // byte offset, exclusive
};

struct LineCol {
  uint32_t line = 1;  // 1-based
  uint32_t col = 1;   // 1-based, in UTF-8 code points (what editors show)
};

class SourceManager {
 public:
  // Adds a file whose text is already read; `display_path` is what diagnostics print (relative to the project).
  FileId add(std::string display_path, std::string text);
  const std::string& path(FileId f) const { return files_[f].path; }
  const std::string& text(FileId f) const { return files_[f].text; }
  size_t file_count() const { return files_.size(); }
  LineCol line_col(FileId f, uint32_t offset) const;
  // The text of 1-based line `line`, without its newline.
  std::string_view line_text(FileId f, uint32_t line) const;
  uint32_t line_count(FileId f) const { return uint32_t(files_[f].line_starts.size()); }

 private:
  struct File {
    std::string path;
    std::string text;
    std::vector<uint32_t> line_starts;
  };
  std::vector<File> files_;
};

}  // namespace dxc
