/** @file
 *  @brief Sharding: `--shards N` splits a corpus, and N shards served as one (local directories, or remote
 *  ones through xapian-tcpsrv) answer exactly like the single index: same hits, totals and facet counts.
 */
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "corpus_checks.h"
#include "corpus_loader.h"
#include "daemon_process.h"
#include "fixture_index.h"
#include "http_client.h"
#include "index_set.h"
#include "latent_space.h"
#include "search_error.h"
#include "searcher.h"
#include "shards.h"
#include "tcp_shard_server.h"
#include "test_support.h"

namespace pai {
namespace {

constexpr std::size_t kShards = 2;

/// The fixture corpus as one index and as two shards, built once for the suite.
class ShardTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        temp_ = new test::TempDir();
        test::index_corpus(test::fixtures_dir() / "corpus", single_dir());
        Diagnostics diagnostics;
        corpus_ = new Corpus(load_corpus(test::fixtures_dir() / "corpus", diagnostics));
        const auto patterns = check_corpus(*corpus_, diagnostics);
        summaries_ = build_shards(patterns, corpus_->pillars, {}, {.index_dir = sharded_dir()}, kShards);
    }
    static void TearDownTestSuite() {
        delete corpus_;
        delete temp_;
    }
    static std::filesystem::path single_dir() { return temp_->path() / "single"; }
    static std::filesystem::path sharded_dir() { return temp_->path() / "sharded"; }
    static std::vector<std::string> local_shards() {
        return {shard_dir(sharded_dir(), 0).string(), shard_dir(sharded_dir(), 1).string()};
    }

    static std::vector<SearchRequest> requests() {
        std::vector<SearchRequest> out(6);
        out[1].query = "provider";
        out[2].query = "retry backoff budget";
        out[3].query = "\"circuit breaker\"";
        out[4].query = "latency";
        out[4].pillars = {"reliability"};
        out[5].query = "provider retry";
        out[5].sections = {"problem", "trade-offs"};
        return out;
    }

    /// Hits ordered by score, then id: documents with equal scores may come in another docid order.
    static std::vector<std::pair<std::string, double>> ranked(const SearchResult& result) {
        std::vector<std::pair<std::string, double>> hits;
        for (const auto& hit : result.hits) hits.emplace_back(hit.id, hit.score);
        std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
            return std::abs(a.second - b.second) > 1e-9 ? a.second > b.second : a.first < b.first;
        });
        return hits;
    }

    static void expect_same_answers(Searcher& sharded) {
        Searcher single(single_dir());
        for (const auto& request : requests()) {
            SCOPED_TRACE("query '" + request.query + "'");
            const SearchResult expected = single.search(request);
            const SearchResult actual = sharded.search(request);
            ASSERT_GT(expected.total, 0u);
            EXPECT_EQ(actual.total, expected.total);
            const auto want = ranked(expected);
            const auto got = ranked(actual);
            ASSERT_EQ(got.size(), want.size());
            for (std::size_t i = 0; i < want.size(); ++i) {
                EXPECT_EQ(got[i].first, want[i].first);
                EXPECT_NEAR(got[i].second, want[i].second, 1e-9);
            }
            EXPECT_EQ(to_json(actual.facets), to_json(expected.facets));
        }
        EXPECT_EQ(sharded.stats().patterns, single.stats().patterns);
        EXPECT_EQ(sharded.stats().sections, single.stats().sections);
        for (const auto& hit : single.search(SearchRequest{}).hits) {
            EXPECT_EQ(sharded.pattern(hit.id).sections.size(), single.pattern(hit.id).sections.size()) << hit.id;
        }
    }

    static nlohmann::json to_json(const Facets& facets) {
        nlohmann::json out;
        for (const auto* list : {&facets.pillar, &facets.status, &facets.section}) {
            auto values = nlohmann::json::array();
            for (const auto& value : *list) values.push_back({value.value, value.count});
            out.push_back(values);
        }
        return out;
    }

    static test::TempDir* temp_;
    static Corpus* corpus_;
    static std::vector<BuildSummary> summaries_;
};
test::TempDir* ShardTest::temp_ = nullptr;
Corpus* ShardTest::corpus_ = nullptr;
std::vector<BuildSummary> ShardTest::summaries_;

TEST_F(ShardTest, ShardsSplitTheCorpusByPatternWithoutLosingASection) {
    ASSERT_EQ(summaries_.size(), kShards);
    std::size_t patterns = 0;
    std::size_t sections = 0;
    for (const auto& summary : summaries_) {
        EXPECT_GT(summary.patterns, 0u) << "the fixture should put patterns in every shard";
        patterns += summary.patterns;
        sections += summary.sections;
    }
    Searcher single(single_dir());
    EXPECT_EQ(patterns, single.stats().patterns);
    EXPECT_EQ(sections, single.stats().sections);
    for (std::size_t shard = 0; shard < kShards; ++shard) {
        Searcher one(shard_dir(sharded_dir(), shard));
        for (const auto& hit : one.search(SearchRequest{}).hits) EXPECT_EQ(shard_of(hit.id, kShards), shard) << hit.id;
    }
}

TEST_F(ShardTest, ShardsShareTheLatentSpaceOfTheWholeCorpus) {
    const Xapian::Database single(generation_path(single_dir(), *current_generation(single_dir())).string());
    const std::string fit = single.get_metadata(std::string(latent::kModelKey));
    ASSERT_FALSE(fit.empty());
    for (std::size_t shard = 0; shard < kShards; ++shard) {
        const auto dir = shard_dir(sharded_dir(), shard);
        const Xapian::Database db(generation_path(dir, *current_generation(dir)).string());
        EXPECT_EQ(db.get_metadata(std::string(latent::kModelKey)), fit) << "shard " << shard;
    }
}

TEST_F(ShardTest, ShardOfIsDeterministicAndInRange) {
    for (const std::string id : {"circuit-breaker", "retry-with-backoff", "a", ""}) {
        EXPECT_EQ(shard_of(id, 7), shard_of(id, 7));
        EXPECT_LT(shard_of(id, 7), 7u);
        EXPECT_EQ(shard_of(id, 1), 0u);
    }
}

TEST_F(ShardTest, LocalShardsAnswerLikeTheSingleIndex) {
    Searcher sharded(local_shards());
    expect_same_answers(sharded);
}

TEST_F(ShardTest, RemoteShardsThroughXapianTcpsrvAnswerLikeTheSingleIndex) {
    test::TcpShardServer first(shard_dir(sharded_dir(), 0));
    test::TcpShardServer second(shard_dir(sharded_dir(), 1));
    Searcher sharded(std::vector<std::string>{first.spec(), second.spec()});
    expect_same_answers(sharded);
}

TEST_F(ShardTest, DaemonServesRepeatedIndexFlagsAsOneIndex) {
    test::TcpShardServer remote(shard_dir(sharded_dir(), 1));
    test::DaemonProcess sharded({"--index", shard_dir(sharded_dir(), 0).string(), "--index", remote.spec()});
    test::DaemonProcess single({"--index", single_dir().string()});
    for (const std::string target : {"/v1/search?q=provider", "/v1/search?q=&pillar=reliability", "/v1/facets"}) {
        const auto want = nlohmann::json::parse(http_get(single.url(), target).body);
        const auto got = nlohmann::json::parse(http_get(sharded.url(), target).body);
        EXPECT_EQ(got["facets"], want["facets"]) << target;
        if (want.contains("total")) {
            EXPECT_EQ(got["total"], want["total"]) << target;
        }
    }
}

TEST(IndexSpec, ParsesTcpAddressesAndPaths) {
    const IndexSpec remote = parse_index_spec("tcp://127.0.0.1:33333");
    EXPECT_TRUE(remote.remote());
    EXPECT_EQ(remote.host, "127.0.0.1");
    EXPECT_EQ(remote.port, 33333u);
    EXPECT_EQ(parse_index_spec("tcp://[::1]:9").host, "::1");
    const IndexSpec local = parse_index_spec("var/index");
    EXPECT_FALSE(local.remote());
    EXPECT_EQ(local.path, std::filesystem::path("var/index"));
}

TEST(IndexSpec, MalformedTcpAddressIsABadRequest) {
    for (const std::string bad : {"tcp://host", "tcp://:80", "tcp://host:0", "tcp://host:99999", "tcp://host:8x"}) {
        try {
            parse_index_spec(bad);
            ADD_FAILURE() << bad << " was accepted";
        } catch (const SearchError& e) {
            EXPECT_EQ(e.kind(), ErrorKind::kBadRequest) << bad;
        }
    }
}

}  // namespace
}  // namespace pai
