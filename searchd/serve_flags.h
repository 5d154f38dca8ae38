/** @file
 *  @brief pattern-searchd's operational flags (hosts, CORS, connection cap, time-outs, search deadline,
 *  response cache, log level), kept apart from main() so the daemon's entry point stays short.
 */
#pragma once

#include <CLI/CLI.hpp>
#include <boost/asio/ip/address.hpp>
#include <string>
#include <vector>

#include "search_limits.h"
#include "serve_options.h"

namespace pai {

inline constexpr std::size_t kMebibyte = 1024 * 1024;
inline constexpr std::size_t kMaxCacheMib = 64 * 1024;

struct ServeFlags {
    ServeOptions options;
    std::vector<std::string> allow_hosts;
    double idle_seconds = std::chrono::duration<double>(ServeOptions{}.idle_timeout).count();
    double request_seconds = std::chrono::duration<double>(ServeOptions{}.request_timeout).count();
    double search_seconds = kDefaultSearchSeconds;
    std::size_t cache_mib = kDefaultCacheBytes / kMebibyte;
    std::string log_level = "info";
};

/// Registers the flags on @p app, parsed into @p flags.
void add_serve_flags(CLI::App& app, ServeFlags& flags);

/// The options the flags describe, after setting the process log level. The listen address is allowed as
/// a Host too when it is a specific one (an address cannot be re-pointed by DNS).
ServeOptions serve_options(const ServeFlags& flags, const boost::asio::ip::address& listen_address);

}  // namespace pai
