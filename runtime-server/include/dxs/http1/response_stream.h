// dxs/http1/response_stream.h — a response whose body is produced over time (chunked streaming).
//
// A Connection answering with a ResponseStream sends the head at once, then asks the stream for the body
// piece by piece: each piece is sent as one chunk (HTTP/1.1, Transfer-Encoding: chunked) or as raw bytes
// until the connection closes (HTTP/1.0). While a stream is open the connection reads nothing more (later
// pipelined requests wait in the socket) and is woken at the time the stream asked for, by the worker's
// sweep. This is the path server rendering streams pages through (the shell first, then each boundary as it
// becomes ready); until loaders exist, dx-server's --test-hooks route /_dx/test/stream drives it.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace dxs::http1 {

class ResponseStream {
 public:
  virtual ~ResponseStream() = default;
  enum class Step { kData, kWait, kEnd };
  // kData: the next piece was appended to `out` (ask again at once); kWait: nothing yet, ask again at
  // *wake_ms (a time on the worker's clock, ConnectionContext::now_ms); kEnd: the body is complete.
  virtual Step next(int64_t now_ms, std::string& out, int64_t* wake_ms) = 0;
  // Header lines of its own (each ending in CRLF), e.g. Content-Encoding for a compressed body.
  virtual std::string_view extra_headers() const { return {}; }
};

// The test hook's stream: `chunks` pieces of `size` bytes ("chunk <i> " then '.' padding), one every
// `interval_ms` (the first at once). Parses the query of /_dx/test/stream?chunks=N&size=B&interval_ms=M
// (defaults 3, 16, 20; at most 10,000 chunks of 1 MiB, 60 s apart).
std::unique_ptr<ResponseStream> make_test_stream(std::string_view query, int64_t now_ms);

// The number `key=N` of a query ("a=1&key=20"), at most `max`; `fallback` when absent or not a number.
uint32_t query_number(std::string_view query, std::string_view key, uint32_t fallback, uint32_t max);

}  // namespace dxs::http1
