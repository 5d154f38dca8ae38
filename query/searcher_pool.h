/** @file
 *  @brief A fixed set of Searchers, one per worker, handed out as RAII leases; switches every Searcher to a
 *  new index generation when one appears on disk, without dropping requests.
 */
#pragma once

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "searcher.h"

namespace pai {

class SearcherPool {
public:
    /// Opens @p size Searchers on @p index_dir, each bounding its searches to @p search_seconds of counting
    /// (see Searcher::set_time_limit). @throws SearchError when the index cannot be opened.
    SearcherPool(const std::filesystem::path& index_dir, std::size_t size,
                 double search_seconds = kDefaultSearchSeconds);

    /// The same over several indexes served as one: local directories and `tcp://host:port` shards.
    SearcherPool(const std::vector<std::string>& indexes, std::size_t size,
                 double search_seconds = kDefaultSearchSeconds);

    class Lease {
    public:
        Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher) : pool_(&pool), searcher_(std::move(searcher)) {}
        Lease(Lease&&) = default;
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        Searcher& operator*() const { return *searcher_; }
        Searcher* operator->() const { return searcher_.get(); }

    private:
        SearcherPool* pool_;
        std::unique_ptr<Searcher> searcher_;
    };

    /// Waits for a free Searcher, brought up to the newest generation first.
    Lease acquire();

private:
    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Searcher>> idle_;

    void release(std::unique_ptr<Searcher> searcher);
};

}  // namespace pai
