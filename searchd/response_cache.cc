/** @file
 *  @brief The response cache: an LRU list with a hash index, byte accounting and generation switching.
 */
#include "response_cache.h"

#include "gzip.h"

namespace pai {

std::string cache_key(std::string_view tag, std::string_view request) {
    std::string key;
    key.reserve(tag.size() + 1 + request.size());
    key.append(tag).append(1, '\n').append(request);
    return key;
}

std::size_t ResponseCache::size_of(const CachedResponse& entry) {
    return entry.key_.size() + entry.body_.size() + entry.gzip_.size();
}

std::shared_ptr<CachedResponse> ResponseCache::find(std::string_view tag, std::string_view request) {
    if (!enabled()) return nullptr;
    std::lock_guard lock(mutex_);
    adopt_tag(tag);
    const auto found = index_.find(cache_key(tag, request));
    if (found == index_.end()) {
        ++counters_.misses;
        return nullptr;
    }
    ++counters_.hits;
    lru_.splice(lru_.begin(), lru_, found->second);
    return *found->second;
}

std::shared_ptr<CachedResponse> ResponseCache::insert(std::string_view tag, std::string_view request,
                                                      std::string body) {
    auto entry = std::make_shared<CachedResponse>(cache_key(tag, request), std::move(body));
    if (!enabled() || size_of(*entry) > capacity_) return entry;
    std::lock_guard lock(mutex_);
    adopt_tag(tag);
    if (const auto found = index_.find(entry->key()); found != index_.end()) erase(found->second);
    lru_.push_front(entry);
    index_.emplace(entry->key(), lru_.begin());
    bytes_ += size_of(*entry);
    evict_to_fit();
    return entry;
}

const std::string& ResponseCache::gzip(const std::shared_ptr<CachedResponse>& entry, int level) {
    std::call_once(entry->gzip_once_, [&] {
        std::string compressed = gzip_compress(entry->body_, level);
        std::lock_guard lock(mutex_);
        entry->gzip_ = std::move(compressed);
        const auto found = index_.find(entry->key_);
        if (found == index_.end() || *found->second != entry) return;  // evicted meanwhile: nothing to count
        bytes_ += entry->gzip_.size();
        evict_to_fit();
    });
    return entry->gzip_;
}

ResponseCacheStats ResponseCache::stats() const {
    std::lock_guard lock(mutex_);
    ResponseCacheStats stats = counters_;
    stats.entries = lru_.size();
    stats.bytes = bytes_;
    stats.capacity_bytes = capacity_;
    return stats;
}

void ResponseCache::adopt_tag(std::string_view tag) {
    if (tag == tag_) return;
    counters_.invalidations += lru_.size();
    lru_.clear();
    index_.clear();
    bytes_ = 0;
    tag_ = tag;
}

void ResponseCache::evict_to_fit() {
    while (bytes_ > capacity_ && !lru_.empty()) {
        erase(std::prev(lru_.end()));
        ++counters_.evictions;
    }
}

void ResponseCache::erase(Lru::iterator entry) {
    bytes_ -= size_of(**entry);
    index_.erase((*entry)->key_);
    lru_.erase(entry);
}

}  // namespace pai
