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

/// Read while waiting for a request to start: enough for most requests in one go.
constexpr std::size_t kFirstReadBytes = 4096;

bool is_disconnect(boost::beast::error_code ec) {
    return ec == http::error::end_of_stream || ec == boost::asio::error::eof ||
           ec == boost::asio::error::connection_reset || ec == boost::asio::error::operation_aborted;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

Session::Session(boost::asio::ip::tcp::socket&& socket, ServerContext& context, ConnectionCounter::Slot slot)
    : stream_(std::move(socket)), context_(context), slot_(std::move(slot)) {}

void Session::run() {
    boost::asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->do_read(); });
}

void Session::do_read() {
    parser_.emplace();
    parser_->header_limit(kMaxHeaderBytes);
    parser_->body_limit(kMaxBodyBytes);
    if (buffer_.size() > 0) return read_request();  // the next request has already begun to arrive
    // The idle time-out runs until the first byte; the request time-out then covers the whole request, so
    // trickling bytes cannot keep a connection (and its slot) for longer than the two together.
    stream_.expires_after(context_.options.idle_timeout);
    stream_.async_read_some(buffer_.prepare(kFirstReadBytes),
                            [self = shared_from_this()](boost::beast::error_code ec, std::size_t bytes) {
                                self->on_first_bytes(ec, bytes);
                            });
}

void Session::on_first_bytes(boost::beast::error_code ec, std::size_t bytes) {
    if (ec == boost::beast::error::timeout) context_.metrics.record_timeout();
    if (ec) return do_close();
    buffer_.commit(bytes);
    read_request();
}

void Session::read_request() {
    stream_.expires_after(context_.options.request_timeout);
    http::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](boost::beast::error_code ec, std::size_t bytes) { self->on_read(ec, bytes); });
}

void Session::on_read(boost::beast::error_code ec, std::size_t) {
    if (ec == boost::beast::error::timeout) context_.metrics.record_timeout();
    if (ec == boost::beast::error::timeout || is_disconnect(ec)) return do_close();
    if (ec == http::error::body_limit || ec == http::error::header_limit) {
        const bool body = ec == http::error::body_limit;
        return finish("invalid",
                      error_response(http::status::payload_too_large, "payload_too_large",
                                     body ? "request body exceeds 64 KiB" : "request headers exceed 16 KiB", 11, false),
                      0, {});
    }
    if (ec) {
        return finish("invalid",
                      error_response(http::status::bad_request, "bad_request", "malformed HTTP request", 11, false), 0,
                      {});
    }
    const Request& request = parser_->get();
    const std::string_view target(request.target().data(), request.target().size());
    const auto question = target.find('?');
    const auto query = question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
    if (!slot_.admitted()) {
        Response busy =
            error_response(http::status::service_unavailable, "too_many_connections",
                           "the server has too many open connections; retry shortly", request.version(), false);
        busy.set(http::field::retry_after, "1");
        return finish(route_name(target), std::move(busy), 0, query);
    }
    const auto start = std::chrono::steady_clock::now();
    Response response = handle_request(request, context_);
    finish(route_name(target), std::move(response), seconds_since(start), query);
}

void Session::finish(std::string_view route, Response response, double seconds, std::string_view query) {
    const auto status = static_cast<unsigned>(response.result_int());
    context_.metrics.record_request(route, status, seconds);
    log_request(route, status, seconds * 1000, query);
    response_ = std::move(response);
    const bool close = response_.need_eof();
    stream_.expires_after(context_.options.request_timeout);
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
