#include "response_cache.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "gzip.h"
#include "inflate.h"

namespace pai {
namespace {

/// The bytes one entry takes: its key ("tag\nrequest"), its body and (once made) its gzipped body.
std::size_t entry_bytes(std::string_view tag, std::string_view request, std::string_view body) {
    return tag.size() + 1 + request.size() + body.size();
}

TEST(ResponseCache, AMissThenAHitOfTheSameBody) {
    ResponseCache cache;
    EXPECT_EQ(cache.find("1", "/v1/search?q=a"), nullptr);
    cache.insert("1", "/v1/search?q=a", "{\"a\":1}");
    const auto hit = cache.find("1", "/v1/search?q=a");
    ASSERT_NE(hit, nullptr);
    EXPECT_EQ(hit->body(), "{\"a\":1}");
    EXPECT_EQ(cache.find("1", "/v1/search?q=b"), nullptr);
    const auto stats = cache.stats();
    EXPECT_EQ(stats.hits, 1u);
    EXPECT_EQ(stats.misses, 2u);
    EXPECT_EQ(stats.entries, 1u);
    EXPECT_EQ(stats.bytes, entry_bytes("1", "/v1/search?q=a", "{\"a\":1}"));
    EXPECT_EQ(stats.capacity_bytes, kDefaultCacheBytes);
}

TEST(ResponseCache, TheByteBoundEvictsTheLeastRecentlyUsed) {
    const std::string body(100, 'x');
    const std::size_t one = entry_bytes("1", "/a", body);
    ResponseCache cache(3 * one);
    cache.insert("1", "/a", body);
    cache.insert("1", "/b", body);
    cache.insert("1", "/c", body);
    ASSERT_NE(cache.find("1", "/a"), nullptr);  // /a is now the most recent; /b the least
    cache.insert("1", "/d", body);
    EXPECT_EQ(cache.find("1", "/b"), nullptr);
    for (const char* kept : {"/a", "/c", "/d"}) EXPECT_NE(cache.find("1", kept), nullptr) << kept;
    const auto stats = cache.stats();
    EXPECT_EQ(stats.evictions, 1u);
    EXPECT_EQ(stats.entries, 3u);
    EXPECT_LE(stats.bytes, 3 * one);
}

TEST(ResponseCache, ReplacingAnEntryKeepsTheByteCountExact) {
    ResponseCache cache;
    cache.insert("1", "/a", "short");
    cache.insert("1", "/a", "a longer body");
    EXPECT_EQ(cache.find("1", "/a")->body(), "a longer body");
    EXPECT_EQ(cache.stats().entries, 1u);
    EXPECT_EQ(cache.stats().bytes, entry_bytes("1", "/a", "a longer body"));
}

TEST(ResponseCache, AnEntryLargerThanTheBoundIsServedButNotKept) {
    ResponseCache cache(64);
    const auto entry = cache.insert("1", "/big", std::string(100, 'x'));
    ASSERT_NE(entry, nullptr);
    EXPECT_EQ(entry->body().size(), 100u);
    EXPECT_EQ(cache.find("1", "/big"), nullptr);
    EXPECT_EQ(cache.stats().entries, 0u);
    EXPECT_EQ(cache.stats().bytes, 0u);
}

TEST(ResponseCache, ANewGenerationTagDropsEveryEntry) {
    ResponseCache cache;
    cache.insert("1", "/a", "one");
    cache.insert("1", "/b", "one");
    EXPECT_EQ(cache.find("2", "/a"), nullptr);
    EXPECT_EQ(cache.stats().invalidations, 2u);
    EXPECT_EQ(cache.stats().entries, 0u);
    EXPECT_EQ(cache.stats().bytes, 0u);
    cache.insert("2", "/a", "two");
    EXPECT_EQ(cache.find("2", "/a")->body(), "two");
    cache.insert("1.1", "/a", "shards");  // an insert under another tag switches too
    EXPECT_EQ(cache.find("2", "/a"), nullptr);
    EXPECT_EQ(cache.stats().invalidations, 4u);
}

TEST(ResponseCache, TheTagIsPartOfTheKey) {
    // "1" + "\n2/x" and "1\n2" + "/x" would collide if the key were a plain concatenation without a separator
    // that tags never contain; the tag switch makes them distinct anyway, so check the key itself.
    EXPECT_EQ(cache_key("1", "/x"), "1\n/x");
    EXPECT_NE(cache_key("1", "2/x"), cache_key("12", "/x"));
}

TEST(ResponseCache, GzipIsMadeOnceAndCountedInTheBound) {
    std::string body;
    for (int i = 0; i < 200; ++i) body += "{\"id\":\"pattern\"},";
    ResponseCache cache;
    const auto entry = cache.insert("1", "/a", body);
    const std::size_t before = cache.stats().bytes;
    const std::string& gzipped = cache.gzip(entry, kJsonGzipLevel);
    EXPECT_EQ(test::gunzip(gzipped), body);
    EXPECT_EQ(&cache.gzip(entry, kJsonGzipLevel), &gzipped);  // the same string: not compressed again
    EXPECT_EQ(cache.stats().bytes, before + gzipped.size());
}

TEST(ResponseCache, GzipThatOverflowsTheBoundEvictsTheOldest) {
    std::string body;
    for (int i = 0; i < 200; ++i) body += "{\"id\":\"pattern\"},";
    const std::size_t one = entry_bytes("1", "/a", body);
    ResponseCache cache(2 * one + 10);
    cache.insert("1", "/a", body);
    const auto b = cache.insert("1", "/b", body);
    cache.gzip(b, kJsonGzipLevel);
    EXPECT_EQ(cache.find("1", "/a"), nullptr);
    EXPECT_NE(cache.find("1", "/b"), nullptr);
    EXPECT_EQ(cache.stats().evictions, 1u);
}

TEST(ResponseCache, ZeroBytesTurnsItOff) {
    ResponseCache cache(0);
    EXPECT_FALSE(cache.enabled());
    const auto entry = cache.insert("1", "/a", "body");
    EXPECT_EQ(entry->body(), "body");
    EXPECT_EQ(cache.find("1", "/a"), nullptr);
    const auto stats = cache.stats();
    EXPECT_EQ(stats.hits + stats.misses + stats.entries, 0u);
}

TEST(ResponseCache, ManyThreadsKeepTheCountsConsistent) {
    ResponseCache cache(1024);  // room for 22 of the 50 requests
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&cache] {
            for (int i = 0; i < 500; ++i) {
                const std::string request = "/r" + std::to_string(10 + i % 50);  // all the same length
                if (!cache.find("1", request)) cache.insert("1", request, std::string(40, 'x'));
            }
        });
    }
    for (auto& thread : threads) thread.join();
    const auto stats = cache.stats();
    EXPECT_EQ(stats.hits + stats.misses, 2000u);
    EXPECT_LE(stats.bytes, 1024u);
    EXPECT_EQ(stats.bytes, stats.entries * entry_bytes("1", "/r10", std::string(40, 'x')));
    EXPECT_GT(stats.evictions, 0u);
}

}  // namespace
}  // namespace pai
