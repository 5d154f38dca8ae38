/** @file
 *  @brief Content negotiation of the encoding.
 */
#include "representation.h"

#include "gzip.h"

namespace pai {

void finish_representation(const Request& request, Answer& answer) {
    Response& response = answer.response;
    const auto type = response[http::field::content_type];
    if (!is_compressible({type.data(), type.size()})) return;
    add_vary(response, "Accept-Encoding");
    if (response.body().size() <= kMinGzipBytes || response.count(http::field::content_encoding)) return;
    const auto accept = request[http::field::accept_encoding];
    if (!accepts_gzip({accept.data(), accept.size()})) return;
    response.body() = answer.gzipped ? answer.gzipped(response.body()) : gzip_compress(response.body(), kJsonGzipLevel);
    response.set(http::field::content_encoding, "gzip");
    response.prepare_payload();
}

}  // namespace pai
