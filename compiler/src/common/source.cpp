// dxc::SourceManager — line tables and byte offset → line:col (columns in UTF-8 code points).
//
// A line ends at '\n'; a '\r' before it is not part of the line text. Offsets past the end of a file clamp
// to its end; an offset inside a multi-byte sequence counts the code point it belongs to as started.
#include "common/source.h"

#include <algorithm>

namespace dxc {

FileId SourceManager::add(std::string display_path, std::string text) {
  File f;
  f.path = std::move(display_path);
  f.text = std::move(text);
  f.line_starts.push_back(0);
  for (size_t i = 0; i < f.text.size(); ++i) {
    if (f.text[i] == '\n') f.line_starts.push_back(uint32_t(i + 1));
  }
  files_.push_back(std::move(f));
  return FileId(files_.size() - 1);
}

LineCol SourceManager::line_col(FileId f, uint32_t offset) const {
  const File& file = files_[f];
  offset = std::min<uint32_t>(offset, uint32_t(file.text.size()));
  // The last line start <= offset.
  auto it = std::upper_bound(file.line_starts.begin(), file.line_starts.end(), offset);
  size_t line_index = size_t(it - file.line_starts.begin()) - 1;
  uint32_t col = 1;
  for (uint32_t i = file.line_starts[line_index]; i < offset; ++i) {
    // Count lead bytes only (continuation bytes are 10xxxxxx).
    if ((static_cast<unsigned char>(file.text[i]) & 0xC0) != 0x80) ++col;
  }
  return LineCol{uint32_t(line_index + 1), col};
}

std::string_view SourceManager::line_text(FileId f, uint32_t line) const {
  const File& file = files_[f];
  if (line == 0 || line > file.line_starts.size()) return {};
  uint32_t start = file.line_starts[line - 1];
  uint32_t end = line < file.line_starts.size() ? file.line_starts[line] - 1 : uint32_t(file.text.size());
  std::string_view text(file.text);
  std::string_view s = text.substr(start, end - start);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

}  // namespace dxc
