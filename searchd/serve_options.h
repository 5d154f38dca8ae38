/** @file
 *  @brief What an operator sets on pattern-searchd's command line about who is served and for how long:
 *  the Host allow-list, CORS origins, the connection cap, the time-outs and the response cache's size.
 */
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "host_allow_list.h"
#include "response_cache.h"

namespace pai {

struct ServeOptions {
    HostAllowList hosts;                    ///< Host headers answered; others get 421
    std::vector<std::string> cors_origins;  ///< origins given Access-Control-Allow-Origin; none by default
    std::size_t max_connections = 256;      ///< connections beyond this are answered 503 and closed
    /// How long a connection may wait for the first byte of its next request.
    std::chrono::milliseconds idle_timeout{15'000};
    /// How long reading one whole request, and writing its response, may take: a client sending one
    /// byte per second is dropped after this, whatever it sends.
    std::chrono::milliseconds request_timeout{5'000};
    /// Bytes of answers the response cache keeps (keys, bodies and gzipped bodies); 0 turns it off.
    std::size_t cache_bytes = kDefaultCacheBytes;
};

}  // namespace pai
