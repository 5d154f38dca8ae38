/** @file
 *  @brief Beast synchronous client, after Beast's http_client_sync example, with a deadline.
 */
#include "http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace pai {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;

struct HostPort {
    std::string host;
    std::string port;
};

HostPort parse_base_url(std::string_view url) {
    constexpr std::string_view kScheme = "http://";
    if (!url.starts_with(kScheme))
        throw ConnectionError("server URL must start with http:// (got '" + std::string(url) + "')");
    url.remove_prefix(kScheme.size());
    url = url.substr(0, url.find('/'));
    const auto colon = url.rfind(':');
    if (colon == std::string_view::npos) return {std::string(url), "80"};
    return {std::string(url.substr(0, colon)), std::string(url.substr(colon + 1))};
}

}  // namespace

std::string percent_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

HttpReply http_get(std::string_view base_url, const std::string& target, std::chrono::milliseconds timeout) {
    const HostPort where = parse_base_url(base_url);
    try {
        boost::asio::io_context ioc;
        boost::asio::ip::tcp::resolver resolver(ioc);
        beast::tcp_stream stream(ioc);
        stream.expires_after(timeout);
        stream.connect(resolver.resolve(where.host, where.port));
        http::request<http::empty_body> request{http::verb::get, target, 11};
        request.set(http::field::host, where.host);
        request.set(http::field::user_agent, "pattern-search");
        http::write(stream, request);
        beast::flat_buffer buffer;
        http::response<http::string_body> response;
        http::read(stream, buffer, response);
        beast::error_code ignored;
        stream.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
        return {static_cast<unsigned>(response.result_int()), std::move(response.body())};
    } catch (const boost::system::system_error& e) {
        throw ConnectionError("cannot reach " + std::string(base_url) + ": " + e.code().message());
    }
}

}  // namespace pai
