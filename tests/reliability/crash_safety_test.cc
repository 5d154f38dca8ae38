#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "daemon_process.h"
#include "http_client.h"
#include "index_generation.h"
#include "reliability_support.h"
#include "searcher.h"

namespace pai {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr int kKills = 20;

/// The daemon answers a search with hits, and a fresh Searcher opens what the stub names.
void expect_serving(const test::DaemonProcess& daemon, const std::filesystem::path& index) {
    const auto health = http_get(daemon.url(), "/healthz");
    EXPECT_EQ(health.status, 200u) << health.body;
    const auto search = http_get(daemon.url(), "/v1/search?q=retry+backoff");
    ASSERT_EQ(search.status, 200u) << search.body;
    EXPECT_FALSE(nlohmann::json::parse(search.body)["hits"].empty());
    Searcher fresh(index);
    SearchRequest request;
    request.query = "circuit breaker";
    EXPECT_FALSE(fresh.search(request).hits.empty());
}

TEST(CrashSafety, KillingTheIndexerAtRandomPointsNeverBreaksTheServedIndex) {
    test::TempDir temp;
    const auto corpus = test::write_large_corpus(temp.path(), 20);
    const auto index = temp.path() / "index";
    // Kills land at random points of the shortest of two builds (the first is often slowed by a cold cache
    // or a busy machine), so that nearly every kill falls inside a build.
    auto build_time = std::chrono::microseconds::max();
    for (int build = 0; build < 2; ++build) {
        const auto started = Clock::now();
        ASSERT_EQ(test::run_indexer(corpus, index).exit_code, 0);
        build_time =
            std::min(build_time, std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started));
    }
    test::DaemonProcess daemon({"--index", index.string(), "--threads", "2"});

    std::mt19937 random(std::random_device{}());
    std::uniform_int_distribution<long> delay(0, build_time.count() * 3 / 4);
    const std::vector<std::string> argv{(test::bin_dir() / "pattern-indexer").string(), "--corpus", corpus.string(),
                                        "--index", index.string()};
    int kills = 0;
    for (int attempt = 0; attempt < 3 * kKills && kills < kKills; ++attempt) {
        const pid_t indexer = test::spawn(argv);
        std::this_thread::sleep_for(std::chrono::microseconds(delay(random)));
        ::kill(indexer, SIGKILL);
        const auto status = test::wait_for(indexer);
        kills += status.signalled;
        if (!status.signalled) {
            EXPECT_EQ(status.code, 0);  // it finished before the kill
        }
        SCOPED_TRACE("attempt " + std::to_string(attempt));
        expect_serving(daemon, index);
    }
    EXPECT_EQ(kills, kKills) << "too few kills landed inside a build";

    // The next build clears what the killed ones left behind and is served.
    const auto before = current_generation(index);
    ASSERT_EQ(test::run_indexer(corpus, index).exit_code, 0);
    for (const auto& entry : std::filesystem::directory_iterator(index)) {
        EXPECT_FALSE(entry.path().string().ends_with(".building")) << entry.path();
    }
    EXPECT_GT(current_generation(index).value(), before.value());
    const auto health = nlohmann::json::parse(http_get(daemon.url(), "/healthz").body);
    EXPECT_EQ(health["generation"], current_generation(index).value());
}

TEST(CrashSafety, CorruptPublishedGenerationIsRefusedAndTheOldOneKeepsServing) {
    test::TempDir temp;
    const auto corpus = test::copy_fixture_corpus(temp.path());
    const auto index = temp.path() / "index";
    ASSERT_EQ(test::run_indexer(corpus, index).exit_code, 0);
    test::DaemonProcess daemon({"--index", index.string(), "--threads", "2"});
    EXPECT_EQ(nlohmann::json::parse(http_get(daemon.url(), "/healthz").body)["generation"], 1);

    // As if a copy or a disk had truncated the next generation after it was published.
    std::filesystem::copy(generation_path(index, 1), generation_path(index, 2));
    const auto table = generation_path(index, 2) / "postlist.glass";
    std::filesystem::resize_file(table, std::filesystem::file_size(table) / 2);
    publish_generation(index, 2);
    for (int i = 0; i < 10; ++i) {
        const auto search = http_get(daemon.url(), "/v1/search?q=retry+backoff");
        ASSERT_EQ(search.status, 200u) << search.body;
        EXPECT_FALSE(nlohmann::json::parse(search.body)["hits"].empty());
        EXPECT_EQ(nlohmann::json::parse(http_get(daemon.url(), "/healthz").body)["generation"], 1);
    }
    ASSERT_EQ(test::run_indexer(corpus, index).exit_code, 0);
    EXPECT_EQ(nlohmann::json::parse(http_get(daemon.url(), "/healthz").body)["generation"], 3);
}

}  // namespace
}  // namespace pai
