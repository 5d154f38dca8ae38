/** @file
 *  @brief One HTTP connection: wait for a request (idle time-out) -> read it (request time-out and size
 *  limits) -> route -> write (request time-out), until the peer closes or asks to. Kept alive by
 *  shared_from_this, as in Beast's async server example. A connection over the cap is answered 503.
 */
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <memory>
#include <optional>

#include "connection_counter.h"
#include "http_types.h"
#include "router.h"

namespace pai {

class Session : public std::enable_shared_from_this<Session> {
public:
    /// @param slot  this connection's place under `--max-connections`; a refused slot gets a 503.
    Session(boost::asio::ip::tcp::socket&& socket, ServerContext& context, ConnectionCounter::Slot slot);
    void run();

private:
    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    ServerContext& context_;
    ConnectionCounter::Slot slot_;
    std::optional<http::request_parser<http::string_body>> parser_;
    Response response_;

    void do_read();
    void on_first_bytes(boost::beast::error_code ec, std::size_t bytes);
    void read_request();
    void on_read(boost::beast::error_code ec, std::size_t bytes);
    void finish(std::string_view route, Response response, double seconds, std::string_view query);
    void on_write(bool close, boost::beast::error_code ec, std::size_t bytes);
    void do_close();
};

}  // namespace pai
