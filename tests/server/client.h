// client.h — a deliberately simple blocking HTTP/1.1 test client over a real socket on 127.0.0.1.
//
// Every wait is bounded (kTimeoutMs per call): a server bug makes a test fail, never hang. Bytes the server
// sends beyond one response stay buffered for the next read_response (pipelining). Responses are parsed
// just enough for tests: status, headers (names lower-cased), and a body framed by Content-Length.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace dxs_test {

inline constexpr int kTimeoutMs = 10000;

struct Response {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-cased name → value (the last one wins)
  std::string head;                             // the raw head, status line to the empty line
  std::string body;  // a chunked body decoded
  int chunks = 0;    // chunked: the number of data pieces the decoder returned (at least one per chunk)
  bool has(const std::string& name) const { return headers.count(name) != 0; }
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

class Client {
 public:
  // Connects to 127.0.0.1:port; connected() says whether it worked. `small_receive_buffer` shrinks the
  // receive buffer before connecting (after would shrink an advertised window: loopback retransmissions),
  // so the server meets a slow reader sooner.
  explicit Client(uint16_t port, bool small_receive_buffer = false);
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  bool connected() const { return fd_ >= 0; }
  bool send(std::string_view bytes);
  // Reads one response (Content-Length or chunked). `no_body`: the request was HEAD (or the status has no body).
  std::optional<Response> read_response(bool no_body = false);
  // True when the server closes the connection (EOF or reset) before the timeout, with nothing else sent.
  bool closed_by_peer();
  // Everything until EOF (bounded by the timeout); false if the timeout hit first.
  bool read_until_eof(std::string* out);
  // The raw bytes received so far once they contain `needle` (bounded by the timeout; false if it hit first).
  // They stay in the buffer: a later read_response reads them again.
  bool peek_until(std::string_view needle, std::string* out);

 private:
  bool fill();  // reads more into buf_; false on EOF, error or timeout
  int fd_ = -1;
  std::string buf_;
};

// "GET <path> HTTP/1.1\r\nHost: test\r\n<extra>\r\n"
std::string get(std::string_view path, std::string_view extra = {});

}  // namespace dxs_test
