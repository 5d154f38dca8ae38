/** @file
 *  @brief Content negotiation of the encoding.
 */
#include "representation.h"

#include "etag.h"
#include "gzip.h"

namespace pai {
namespace {

std::string_view value_of(const Request& request, http::field field) {
    const auto value = request[field];
    return {value.data(), value.size()};
}

bool not_modified(const Request& request, const Response& response) {
    if (response.result() != http::status::ok) return false;
    const auto etag = response[http::field::etag];
    if (etag.empty()) return false;
    const auto [first, last] = request.equal_range(http::field::if_none_match);
    for (auto field = first; field != last; ++field) {
        if (if_none_match({field->value().data(), field->value().size()}, {etag.data(), etag.size()})) return true;
    }
    return false;
}

}  // namespace

void finish_representation(const Request& request, Answer& answer) {
    Response& response = answer.response;
    const auto type = response[http::field::content_type];
    const bool compressible = is_compressible({type.data(), type.size()});
    if (compressible) add_vary(response, "Accept-Encoding");
    if (not_modified(request, response)) {
        response.result(http::status::not_modified);
        response.body().clear();
        // A 304 describes the stored answer; a Content-Length of 0 here would be read as the new length.
        response.erase(http::field::content_length);
        response.erase(http::field::content_type);
        response.erase(http::field::content_encoding);
        return;
    }
    if (!compressible || response.body().size() <= kMinGzipBytes || response.count(http::field::content_encoding)) {
        return;
    }
    if (!accepts_gzip(value_of(request, http::field::accept_encoding))) return;
    response.body() = answer.gzipped ? answer.gzipped(response.body()) : gzip_compress(response.body(), kJsonGzipLevel);
    response.set(http::field::content_encoding, "gzip");
    response.prepare_payload();
}

}  // namespace pai
