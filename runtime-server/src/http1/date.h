// http1/date.h — the "Date: <IMF-fixdate>\r\n" header line, rebuilt at most once a second per worker.
//
// Each worker owns one DateCache and calls update() once per event-loop turn with the wall clock; the line
// is reformatted only when the second changes. Formats by hand (no locale, no strftime) — RFC 9110 §5.6.7.
#pragma once
#include <ctime>
#include <string_view>

namespace dxs::http1 {

class DateCache {
 public:
  DateCache() { update(std::time(nullptr)); }

  void update(std::time_t now) {
    if (now == last_) return;
    last_ = now;
    std::tm tm{};
    gmtime_r(&now, &tm);
    static constexpr char kDays[] = "SunMonTueWedThuFriSat";
    static constexpr char kMonths[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    char* p = line_;
    auto put = [&](const char* s, int n) { for (int i = 0; i < n; ++i) *p++ = s[i]; };
    auto two = [&](int v) { *p++ = char('0' + v / 10 % 10); *p++ = char('0' + v % 10); };
    put("Date: ", 6);
    put(kDays + 3 * (tm.tm_wday % 7), 3);
    put(", ", 2);
    two(tm.tm_mday);
    *p++ = ' ';
    put(kMonths + 3 * (tm.tm_mon % 12), 3);
    *p++ = ' ';
    int year = tm.tm_year + 1900;
    two(year / 100);
    two(year % 100);
    *p++ = ' ';
    two(tm.tm_hour);
    *p++ = ':';
    two(tm.tm_min);
    *p++ = ':';
    two(tm.tm_sec);
    put(" GMT\r\n", 6);
    len_ = size_t(p - line_);
  }

  std::string_view line() const { return {line_, len_}; }

 private:
  std::time_t last_ = -1;
  char line_[48] = {};
  size_t len_ = 0;
};

}  // namespace dxs::http1
