// dxs/http1/accept_encoding.h — choosing a precompressed variant from Accept-Encoding (RFC 9110 §12.5.3).
//
// choose_encoding(req, has_br, has_gzip) reads every Accept-Encoding header of the request (a list of
// `coding;q=value` elements, case-insensitive, q from 0 to 1 with up to three decimals, default 1) and
// returns the variant to send among those the file has:
//   - the available coding with the highest q > 0 wins; on a tie br beats gzip (smaller);
//   - "*" gives its q to the codings the header does not name; "x-gzip" counts as gzip;
//   - no header, an empty one, or nothing acceptable available: kIdentity. dx-server never answers 406:
//     even "identity;q=0" gets the identity bytes when no acceptable variant exists (RFC 9110 allows it).
// A malformed q (not a number in [0, 1]) makes that element q=0, never an error. Pure, no allocation.
#pragma once
#include <cstdint>

#include "dxs/http1/parser.h"

namespace dxs::http1 {

enum class Encoding : uint8_t { kIdentity = 0, kGzip = 1, kBrotli = 2 };

Encoding choose_encoding(const Request& req, bool has_br, bool has_gzip);

// q-value of `coding` ("br", "gzip") in one Accept-Encoding header value, in thousandths (0..1000);
// -1 when the value does not list it (nor "*"). Exposed for tests.
int accept_q(std::string_view accept_encoding, std::string_view coding);

}  // namespace dxs::http1
