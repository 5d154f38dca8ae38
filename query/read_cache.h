/** @file
 *  @brief What a worker reads from its open index again and again, kept after the first read: the posting
 *  lists the rerank skips along, the hit data of section documents and their patterns' latent vectors.
 *
 *  Xapian opens a fresh cursor for every posting list and reads each document's data through zlib and our
 *  JSON header; the judged mix asks for the same few hundred terms and sections query after query, so those
 *  reads were a third of a search. An open generation never changes, so nothing here goes stale while it
 *  is open; a database reopened in place (Xapian::DatabaseModifiedError) must be followed by clear().
 *  Each store is bounded and simply emptied when full. Like the Xapian objects it reads, one per worker.
 */
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "latent_space.h"
#include "stored_document.h"

namespace pai {

class ReadCache {
public:
    /// Reads from @p db, which must outlive the cache.
    explicit ReadCache(const Xapian::Database& db) : db_(&db) {}

    // Each reference stays valid until the next call: a full store is emptied to make room.

    /// The docids that index @p term, ascending (empty when no document does).
    const std::vector<Xapian::docid>& postings(const std::string& term);

    /// The hit data of section document @p docid (parse_section_data of its document data).
    /// @throws Xapian::DocNotFoundError, or nlohmann::json::exception for corrupt data.
    const StoredSection& section(Xapian::docid docid);

    /// The latent vector of the pattern of section document @p docid (empty when it has none or it does not
    /// decode).
    const LatentVector& latent_vector(Xapian::docid docid);

    /// Forgets everything read: for when the database was reopened at a newer revision.
    void clear();

    const Xapian::Database& db() const { return *db_; }

private:
    // Bounds that hold a bundled-corpus workload whole and cap a worker's memory at any index size: about
    // 16 MiB of docids, a few thousand hits (about 2 KiB each) and a vector per section of ten thousand.
    static constexpr std::size_t kMaxCachedDocids = 4'000'000;
    static constexpr std::size_t kMaxCachedSections = 4096;
    static constexpr std::size_t kMaxCachedVectors = 10'000;

    const Xapian::Database* db_;
    std::unordered_map<std::string, std::vector<Xapian::docid>> postings_;
    std::size_t cached_docids_ = 0;
    std::unordered_map<Xapian::docid, StoredSection> sections_;
    std::unordered_map<Xapian::docid, LatentVector> vectors_;
};

}  // namespace pai
