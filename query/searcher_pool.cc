/** @file
 *  @brief SearcherPool: leases and generation switching.
 */
#include "searcher_pool.h"

namespace pai {

SearcherPool::SearcherPool(const std::filesystem::path& index_dir, std::size_t size, double search_seconds)
    : SearcherPool(std::vector<std::string>{index_dir.string()}, size, search_seconds) {}

SearcherPool::SearcherPool(const std::vector<std::string>& indexes, std::size_t size, double search_seconds) {
    for (std::size_t i = 0; i < std::max<std::size_t>(size, 1); ++i) {
        idle_.push_back(std::make_unique<Searcher>(indexes));
        idle_.back()->set_time_limit(search_seconds);
    }
}

SearcherPool::Lease::~Lease() {
    if (searcher_) pool_->release(std::move(searcher_));
}

SearcherPool::Lease SearcherPool::acquire() {
    std::unique_ptr<Searcher> searcher;
    {
        std::unique_lock lock(mutex_);
        available_.wait(lock, [&] { return !idle_.empty(); });
        searcher = std::move(idle_.back());
        idle_.pop_back();
    }
    Lease lease(*this, std::move(searcher));
    try {
        // A stat and a small read per request: cheap next to a search, and a new generation is seen at once.
        lease->reopen_if_stale();
    } catch (const std::exception&) {
        // The new generation does not open: keep answering from the one already open.
    }
    return lease;
}

void SearcherPool::release(std::unique_ptr<Searcher> searcher) {
    {
        std::lock_guard lock(mutex_);
        idle_.push_back(std::move(searcher));
    }
    available_.notify_one();
}

}  // namespace pai
