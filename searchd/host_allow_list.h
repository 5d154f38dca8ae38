/** @file
 *  @brief The Host header check against DNS rebinding: a web page on another site whose name an attacker
 *  re-points at 127.0.0.1 still sends its own name as Host, and is refused.
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pai {

class HostAllowList {
public:
    /// Allows `localhost`, names under `.localhost`, `127.0.0.1` and `[::1]`, with any port.
    HostAllowList();

    /// Also allows @p host (a name or an address, without a port; `[::1]` and `::1` are the same).
    void add(std::string_view host);

    /// Whether a request whose Host header is @p host_header may be answered. Ports are ignored; names
    /// compare case-insensitively and without a trailing dot. An empty or malformed header is refused.
    bool allows(std::string_view host_header) const;

private:
    std::vector<std::string> hosts_;
};

}  // namespace pai
