/** @file
 *  @brief CLI11 registration and conversion of the operational flags.
 */
#include "serve_flags.h"

#include "cors.h"
#include "request_log.h"

namespace pai {
namespace {

std::chrono::milliseconds milliseconds(double seconds) {
    return std::chrono::milliseconds(static_cast<std::chrono::milliseconds::rep>(seconds * 1000));
}

}  // namespace

void add_serve_flags(CLI::App& app, ServeFlags& flags) {
    app.add_option("--allow-host", flags.allow_hosts,
                   "Also answer requests whose Host header names HOST (repeatable); localhost, 127.0.0.1 and "
                   "[::1] always are, others get 421");
    app.add_option("--cors-origin", flags.options.cors_origins,
                   "Let pages from ORIGIN (http(s)://host[:port], or *) read answers (repeatable); no CORS otherwise")
        ->check([](const std::string& origin) {
            return is_valid_cors_origin(origin) ? std::string() : "expected http(s)://host[:port] or *";
        });
    app.add_option("--max-connections", flags.options.max_connections,
                   "Open connections served at once; more are answered 503")
        ->check(CLI::Range(std::size_t{1}, std::size_t{65536}));
    app.add_option("--idle-timeout", flags.idle_seconds, "Seconds a connection may wait between requests")
        ->check(CLI::Range(0.05, 3600.0));
    app.add_option("--request-timeout", flags.request_seconds,
                   "Seconds reading one request, or writing its answer, may take")
        ->check(CLI::Range(0.05, 3600.0));
    app.add_option("--search-timeout", flags.search_seconds,
                   "Seconds a search may spend counting matches; past it, totals and facets are estimates")
        ->check(CLI::Range(0.0001, 60.0));
    app.add_option("--cache-mib", flags.cache_mib,
                   "MiB of answers kept per index generation for repeated requests (0 turns the cache off)")
        ->check(CLI::Range(std::size_t{0}, kMaxCacheMib));
    app.add_option("--log-level", flags.log_level, "debug (adds the query string), info, warning or error")
        ->check(CLI::IsMember({"debug", "info", "warning", "error"}));
}

ServeOptions serve_options(const ServeFlags& flags, const boost::asio::ip::address& listen_address) {
    set_log_level(parse_log_level(flags.log_level).value_or(LogLevel::kInfo));
    ServeOptions options = flags.options;
    for (const auto& host : flags.allow_hosts) options.hosts.add(host);
    if (!listen_address.is_unspecified()) options.hosts.add(listen_address.to_string());
    options.idle_timeout = milliseconds(flags.idle_seconds);
    options.request_timeout = milliseconds(flags.request_seconds);
    options.cache_bytes = flags.cache_mib * kMebibyte;
    return options;
}

}  // namespace pai
