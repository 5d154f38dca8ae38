/** @file
 *  @brief Accepts connections and starts a Session for each, on its own strand.
 */
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <memory>

#include "router.h"

namespace pai {

class Listener : public std::enable_shared_from_this<Listener> {
public:
    /// Opens, binds and listens. @throws boost::system::system_error when the address cannot be used.
    Listener(boost::asio::io_context& ioc, const boost::asio::ip::tcp::endpoint& endpoint, ServerContext& context);

    void run() { do_accept(); }
    void stop();
    boost::asio::ip::tcp::endpoint local_endpoint() const { return acceptor_.local_endpoint(); }

private:
    boost::asio::io_context& ioc_;
    boost::asio::ip::tcp::acceptor acceptor_;
    ServerContext& context_;

    void do_accept();
};

}  // namespace pai
