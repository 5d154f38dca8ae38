/** @file
 *  @brief A bounded LRU of JSON response bodies, keyed by the index generation tag and the canonical
 *  request, so repeated questions of one generation are answered without searching again. Thread-safe.
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace pai {

inline constexpr std::size_t kDefaultCacheBytes = std::size_t{64} * 1024 * 1024;

/// One cached answer: its JSON body and, made once on first demand, the body gzipped.
class CachedResponse {
public:
    CachedResponse(std::string key, std::string body) : key_(std::move(key)), body_(std::move(body)) {}
    const std::string& key() const { return key_; }
    const std::string& body() const { return body_; }

private:
    friend class ResponseCache;
    const std::string key_;
    const std::string body_;
    std::once_flag gzip_once_;
    std::string gzip_;  ///< written once under gzip_once_, then only read
};

/// What /metrics shows of the cache.
struct ResponseCacheStats {
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
    std::uint64_t evictions = 0;      ///< entries dropped to stay within the byte bound
    std::uint64_t invalidations = 0;  ///< entries dropped because a new generation tag was seen
    std::size_t entries = 0;
    std::size_t bytes = 0;
    std::size_t capacity_bytes = 0;
};

class ResponseCache {
public:
    /// A cache holding at most @p capacity_bytes of keys, bodies and gzipped bodies; 0 turns it off.
    explicit ResponseCache(std::size_t capacity_bytes = kDefaultCacheBytes) : capacity_(capacity_bytes) {}

    bool enabled() const { return capacity_ > 0; }

    /// The answer cached for @p request under generation @p tag, made the most recently used; nullptr (a
    /// miss) when there is none. Seeing a tag other than the current one first drops every entry.
    std::shared_ptr<CachedResponse> find(std::string_view tag, std::string_view request);

    /// Caches @p body as the answer to @p request under @p tag (replacing any), evicting the least recently
    /// used entries to stay within the bound, and returns the entry. An entry larger than the whole bound
    /// is not kept, but is still returned so the caller can serve it.
    std::shared_ptr<CachedResponse> insert(std::string_view tag, std::string_view request, std::string body);

    /// The entry's body gzipped at @p level, compressed on the first call only; its bytes count toward
    /// the bound from then on (if the entry is still cached).
    const std::string& gzip(const std::shared_ptr<CachedResponse>& entry, int level);

    ResponseCacheStats stats() const;

private:
    using Lru = std::list<std::shared_ptr<CachedResponse>>;  ///< most recently used first
    static std::size_t size_of(const CachedResponse& entry);

    const std::size_t capacity_;
    mutable std::mutex mutex_;
    std::string tag_;  ///< the generation tag of every entry
    Lru lru_;
    std::unordered_map<std::string, Lru::iterator> index_;
    std::size_t bytes_ = 0;
    ResponseCacheStats counters_;

    void adopt_tag(std::string_view tag);  ///< drops everything when @p tag is new; holds mutex_
    void evict_to_fit();                   ///< holds mutex_
    void erase(Lru::iterator entry);       ///< holds mutex_
};

/// The key of a request: @p tag, a newline (which no tag contains) and @p request.
std::string cache_key(std::string_view tag, std::string_view request);

}  // namespace pai
