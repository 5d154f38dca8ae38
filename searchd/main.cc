/** @file
 *  @brief pattern-searchd: serves the /v1 JSON API and the web page from a fixed pool of threads.
 */
#include <CLI/CLI.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <iostream>
#include <thread>
#include <vector>

#include "listener.h"
#include "request_log.h"
#include "search_error.h"
#include "searcher_pool.h"
#include "serve_flags.h"

namespace {

constexpr std::chrono::milliseconds kDrainTime{500};

boost::asio::ip::tcp::endpoint parse_listen(const std::string& listen) {
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos) throw std::invalid_argument("--listen must be HOST:PORT");
    std::string host = listen.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    const int port = std::stoi(listen.substr(colon + 1));
    if (port < 0 || port > 65535) throw std::invalid_argument("port out of range");
    return {boost::asio::ip::make_address(host), static_cast<unsigned short>(port)};
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Serve the Production AI Patterns search API and web page"};
    std::vector<std::string> indexes;
    std::string listen = "127.0.0.1:7171";
    std::filesystem::path web_root;
    unsigned threads = std::max(2u, std::thread::hardware_concurrency());
    app.add_option("--index", indexes,
                   "Index directory written by pattern-indexer, or tcp://HOST:PORT of a xapian-tcpsrv shard; "
                   "repeat to serve several as one")
        ->required();
    app.add_option("--listen", listen, "Address and port to listen on (port 0 picks a free one)");
    app.add_option("--web", web_root, "Directory of the web page served at /");
    app.add_option("--threads", threads, "Worker threads (= concurrent searches)")->check(CLI::Range(1u, 256u));
    pai::ServeFlags serve_flags;
    pai::add_serve_flags(app, serve_flags);
    CLI11_PARSE(app, argc, argv);

    try {
        const auto endpoint = parse_listen(listen);
        pai::SearcherPool searchers(indexes, threads, serve_flags.search_seconds);
        pai::ServerContext context{searchers, web_root, pai::serve_options(serve_flags, endpoint.address())};
        boost::asio::io_context ioc{static_cast<int>(threads)};
        auto listener = std::make_shared<pai::Listener>(ioc, endpoint, context);
        listener->run();

        boost::asio::steady_timer drain(ioc);
        boost::asio::signal_set stop_signals(ioc, SIGINT, SIGTERM);
        stop_signals.async_wait([&](const boost::system::error_code&, int) {
            pai::log_event(pai::LogLevel::kInfo, "stopping: draining requests in flight");
            listener->stop();
            drain.expires_after(kDrainTime);
            drain.async_wait([&](const boost::system::error_code&) { ioc.stop(); });
        });
        // Every request already checks for a new generation; SIGHUP is accepted so operators can ask anyway.
        boost::asio::signal_set reload_signal(ioc, SIGHUP);
        std::function<void()> wait_for_reload = [&] {
            reload_signal.async_wait([&](const boost::system::error_code& ec, int) {
                if (ec) return;
                pai::log_event(pai::LogLevel::kInfo,
                               "SIGHUP: the next request on each worker opens the newest index generation");
                wait_for_reload();
            });
        };
        wait_for_reload();

        const auto bound = listener->local_endpoint();
        std::cout << "pattern-searchd listening on http://" << bound.address().to_string() << ':' << bound.port() << '/'
                  << std::endl;

        std::vector<std::thread> pool;
        for (unsigned i = 1; i < threads; ++i) pool.emplace_back([&ioc] { ioc.run(); });
        ioc.run();
        for (auto& thread : pool) thread.join();
    } catch (const pai::SearchError& e) {
        std::cerr << "pattern-searchd: " << e.what() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "pattern-searchd: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
