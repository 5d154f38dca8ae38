/** @file
 *  @brief Index specs, local generation lookup and remote shard connections.
 */
#include "index_set.h"

#include <algorithm>
#include <charconv>

#include "index_probe.h"
#include "search_error.h"

namespace pai {
namespace {

constexpr std::string_view kTcpScheme = "tcp://";
constexpr useconds_t kRemoteTimeoutMs = 10000;  // per remote operation, Xapian's default

Xapian::Database open_remote(const IndexSpec& spec) {
    try {
        return Xapian::Remote::open(spec.host, spec.port, kRemoteTimeoutMs, kRemoteTimeoutMs);
    } catch (const Xapian::Error& e) {
        throw SearchError(ErrorKind::kIndexUnavailable, "cannot reach shard " + spec.text + ": " + e.get_description());
    }
}

}  // namespace

IndexSpec parse_index_spec(std::string_view text) {
    IndexSpec spec;
    spec.text = std::string(text);
    if (!text.starts_with(kTcpScheme)) {
        spec.path = std::filesystem::path(text);
        return spec;
    }
    const std::string_view address = text.substr(kTcpScheme.size());
    const auto colon = address.rfind(':');
    std::string_view host = colon == std::string_view::npos ? std::string_view() : address.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    const std::string_view port = colon == std::string_view::npos ? std::string_view() : address.substr(colon + 1);
    unsigned number = 0;
    const auto parsed = std::from_chars(port.data(), port.data() + port.size(), number);
    if (host.empty() || port.empty() || parsed.ec != std::errc() || parsed.ptr != port.data() + port.size() ||
        number == 0 || number > 65535) {
        throw SearchError(ErrorKind::kBadRequest, "'" + spec.text + "' is not tcp://HOST:PORT");
    }
    spec.host = std::string(host);
    spec.port = number;
    return spec;
}

IndexSet::IndexSet(const std::vector<std::string>& specs) {
    if (specs.empty()) throw SearchError(ErrorKind::kBadRequest, "no index given");
    for (const auto& spec : specs) specs_.push_back(parse_index_spec(spec));
}

std::vector<Generation> IndexSet::current_generations() const {
    std::vector<Generation> generations;
    for (const auto& spec : specs_) {
        generations.push_back(spec.remote() ? 0 : current_generation(spec.path).value_or(0));
    }
    return generations;
}

OpenedIndexes IndexSet::open(const std::vector<Generation>& generations) const {
    OpenedIndexes opened;
    for (std::size_t i = 0; i < specs_.size(); ++i) {
        const IndexSpec& spec = specs_[i];
        if (spec.remote()) {
            opened.shards.push_back(open_remote(spec));
        } else {
            opened.shards.push_back(
                open_verified(generations.at(i) ? generation_path(spec.path, generations[i]) : spec.path));
        }
        opened.combined.add_database(opened.shards.back());
    }
    const bool all_local =
        std::none_of(specs_.begin(), specs_.end(), [](const IndexSpec& spec) { return spec.remote(); });
    opened.layout = {specs_.size() == 1 && all_local, all_local};
    return opened;
}

}  // namespace pai
