/** @file
 *  @brief Host header parsing (name, IPv4 or bracketed IPv6, optional port) and matching.
 */
#include "host_allow_list.h"

#include <algorithm>
#include <optional>

namespace pai {
namespace {

constexpr std::string_view kLocalhostSuffix = ".localhost";

std::string normalised(std::string_view host) {
    std::string out(host);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (out.size() > 1 && out.back() == '.') out.pop_back();
    return out;
}

bool is_port(std::string_view text) {
    return !text.empty() && text.size() <= 5 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// The host part of a Host header value, or nullopt when the value is not `host[:port]`.
std::optional<std::string> host_of(std::string_view value) {
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    std::string_view host = value;
    std::string_view rest;
    if (value.starts_with('[')) {
        const auto close = value.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        host = value.substr(1, close - 1);
        rest = value.substr(close + 1);
    } else if (const auto colon = value.find(':'); colon != std::string_view::npos) {
        host = value.substr(0, colon);
        rest = value.substr(colon);
    }
    if (!rest.empty() && !(rest.front() == ':' && is_port(rest.substr(1)))) return std::nullopt;
    if (host.empty()) return std::nullopt;
    return normalised(host);
}

}  // namespace

HostAllowList::HostAllowList() : hosts_{"localhost", "127.0.0.1", "::1"} {}

void HostAllowList::add(std::string_view host) {
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    hosts_.push_back(normalised(host));
}

bool HostAllowList::allows(std::string_view host_header) const {
    const auto host = host_of(host_header);
    if (!host) return false;
    // Browsers resolve every *.localhost name to loopback themselves (RFC 6761), so no DNS can rebind it.
    if (host->size() > kLocalhostSuffix.size() && host->ends_with(kLocalhostSuffix)) return true;
    return std::find(hosts_.begin(), hosts_.end(), *host) != hosts_.end();
}

}  // namespace pai
