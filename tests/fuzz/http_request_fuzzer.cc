/** @file
 *  @brief Fuzzes the HTTP request path: raw bytes through Beast's parser with the daemon's size limits,
 *  then the router over the fixture index and a web root. The router must never throw, and every JSON
 *  response must be valid JSON.
 */
#include <boost/beast/http.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "fuzz_support.h"
#include "router.h"
#include "searcher_pool.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static pai::SearcherPool searchers(pai::fuzz::fixture_index(), 1);
    static pai::ServerContext context{searchers, pai::fuzz::web_root()};
    boost::beast::http::request_parser<boost::beast::http::string_body> parser;
    parser.header_limit(pai::kMaxHeaderBytes);
    parser.body_limit(pai::kMaxBodyBytes);
    boost::beast::error_code ec;
    std::string_view rest = pai::fuzz::as_text(data, size);
    while (!rest.empty() && !parser.is_done()) {
        const std::size_t used = parser.put(boost::asio::buffer(rest.data(), rest.size()), ec);
        rest.remove_prefix(used);
        if (ec == boost::beast::http::error::need_more) {
            ec = {};
            if (used == 0) break;  // the input ends inside the message
        } else if (ec) {
            break;
        }
    }
    if (!ec && !parser.is_done() && parser.got_some()) parser.put_eof(ec);  // Beast asserts got_some()
    if (ec || !parser.is_done()) return 0;
    const pai::Response response = pai::handle_request(parser.get(), context);
    if (response[boost::beast::http::field::content_type] == "application/json" && !response.body().empty() &&
        !nlohmann::json::accept(response.body())) {
        std::abort();
    }
    return 0;
}
