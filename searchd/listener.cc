/** @file
 *  @brief The accept loop.
 */
#include "listener.h"

#include <boost/asio/strand.hpp>

#include "request_log.h"
#include "session.h"

namespace pai {

Listener::Listener(boost::asio::io_context& ioc, const boost::asio::ip::tcp::endpoint& endpoint, ServerContext& context)
    : ioc_(ioc), acceptor_(boost::asio::make_strand(ioc)), context_(context) {
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(boost::asio::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(boost::asio::socket_base::max_listen_connections);
}

void Listener::stop() {
    boost::asio::post(acceptor_.get_executor(), [self = shared_from_this()] {
        boost::system::error_code ignored;
        self->acceptor_.close(ignored);
    });
}

void Listener::do_accept() {
    acceptor_.async_accept(
        boost::asio::make_strand(ioc_),
        [self = shared_from_this()](boost::system::error_code ec, boost::asio::ip::tcp::socket socket) {
            if (ec == boost::asio::error::operation_aborted) return;
            if (ec) {
                log_event(LogLevel::kWarning, "accept failed: " + ec.message());
            } else {
                auto& context = self->context_;
                auto slot = context.connections.try_acquire(context.options.max_connections);
                std::make_shared<Session>(std::move(socket), context, std::move(slot))->run();
            }
            self->do_accept();
        });
}

}  // namespace pai
