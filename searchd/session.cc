/** @file
 *  @brief Connection handling; the search itself runs on this I/O thread (Xapian calls block), so the
 *  number of threads is the search concurrency.
 */
#include "session.h"

#include <boost/asio/dispatch.hpp>
#include <chrono>

#include "request_log.h"

namespace pai {
namespace {

constexpr std::chrono::seconds kReadTimeout{30};

}  // namespace

Session::Session(boost::asio::ip::tcp::socket&& socket, ServerContext& context)
    : stream_(std::move(socket)), context_(context) {}

void Session::run() {
    boost::asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->do_read(); });
}

void Session::do_read() {
    parser_.emplace();
    parser_->header_limit(kMaxHeaderBytes);
    parser_->body_limit(kMaxBodyBytes);
    stream_.expires_after(kReadTimeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](boost::beast::error_code ec, std::size_t bytes) {
                         self->on_read(ec, bytes);
                     });
}

void Session::on_read(boost::beast::error_code ec, std::size_t) {
    if (ec == http::error::end_of_stream || ec == boost::beast::error::timeout ||
        ec == boost::asio::error::connection_reset) {
        return do_close();
    }
    if (ec == http::error::body_limit || ec == http::error::header_limit) {
        const bool body = ec == http::error::body_limit;
        log_request("invalid", 413, 0);
        return send(error_response(http::status::payload_too_large, "payload_too_large",
                                   body ? "request body exceeds 64 KiB" : "request headers exceed 16 KiB", 11, false));
    }
    if (ec) {
        log_request("invalid", 400, 0);
        return send(error_response(http::status::bad_request, "bad_request", "malformed HTTP request", 11, false));
    }
    const auto start = std::chrono::steady_clock::now();
    const Request& request = parser_->get();
    Response response = handle_request(request, context_);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    log_request(route_name(std::string_view(request.target().data(), request.target().size())),
                static_cast<unsigned>(response.result_int()), ms);
    send(std::move(response));
}

void Session::send(Response response) {
    response_ = std::move(response);
    const bool close = response_.need_eof();
    http::async_write(stream_, response_,
                      [self = shared_from_this(), close](boost::beast::error_code ec, std::size_t bytes) {
                          self->on_write(close, ec, bytes);
                      });
}

void Session::on_write(bool close, boost::beast::error_code ec, std::size_t) {
    if (ec || close) return do_close();
    do_read();
}

void Session::do_close() {
    boost::beast::error_code ignored;
    stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
}

}  // namespace pai
