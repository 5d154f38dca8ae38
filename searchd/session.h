/** @file
 *  @brief One HTTP connection: read (with a time-out and size limits) -> route -> write, until the peer
 *  closes or asks to. Kept alive by shared_from_this, as in Beast's async server example.
 */
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>

#include <memory>
#include <optional>

#include "http_types.h"
#include "router.h"

namespace pai {

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(boost::asio::ip::tcp::socket&& socket, ServerContext& context);
    void run();

private:
    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    ServerContext& context_;
    std::optional<http::request_parser<http::string_body>> parser_;
    Response response_;

    void do_read();
    void on_read(boost::beast::error_code ec, std::size_t bytes);
    void send(Response response);
    void on_write(bool close, boost::beast::error_code ec, std::size_t bytes);
    void do_close();
};

}  // namespace pai
