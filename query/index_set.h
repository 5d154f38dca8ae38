/** @file
 *  @brief The indexes one Searcher serves as one: local index directories (each with its generation stub)
 *  and `tcp://host:port` shards served by xapian-tcpsrv, combined into a single Xapian::Database so that
 *  ranking statistics, results and facets merge across them.
 */
#pragma once

#include <xapian.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "index_generation.h"

namespace pai {

/// One `--index` value: a local directory, or a remote database.
struct IndexSpec {
    std::string text;            ///< as given, for messages
    std::filesystem::path path;  ///< local index directory (empty for remote)
    std::string host;            ///< remote host (empty for local)
    unsigned port = 0;           ///< remote port

    bool remote() const { return !host.empty(); }
};

/// Parses `tcp://HOST:PORT` (IPv6 hosts in brackets) or a local path.
/// @throws SearchError(kBadRequest) for a malformed tcp:// address.
IndexSpec parse_index_spec(std::string_view text);

/// Where the shards of an open index set live, which decides how a search may count and stop.
struct IndexLayout {
    bool single_local = false;  ///< exactly one shard, and it is local
    bool all_local = false;     ///< no shard is remote
};

/// Opened shards: the combined database and each shard on its own (metadata is per shard in Xapian).
struct OpenedIndexes {
    Xapian::Database combined;
    std::vector<Xapian::Database> shards;
    IndexLayout layout;
};

class IndexSet {
public:
    /// @throws SearchError(kBadRequest) for an empty list or a malformed spec.
    explicit IndexSet(const std::vector<std::string>& specs);

    /// The generation each local index's stub names now; 0 for remote shards and unstubbed directories.
    std::vector<Generation> current_generations() const;

    /// Opens every shard (local ones at @p generations, each verified) and combines them.
    /// @throws SearchError(kIndexUnavailable) naming the shard that failed.
    OpenedIndexes open(const std::vector<Generation>& generations) const;

private:
    std::vector<IndexSpec> specs_;
};

}  // namespace pai
