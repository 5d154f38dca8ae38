#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "daemon_process.h"
#include "http_client.h"
#include "reliability_support.h"

namespace pai {
namespace {

using namespace std::chrono_literals;

constexpr int kClients = 8;
constexpr int kRebuilds = 10;

/// What the clients saw, merged under a mutex.
struct Observed {
    std::mutex mutex;
    std::size_t requests = 0;
    std::vector<std::string> failures;
    std::set<std::uint64_t> generations;
};

void query_until(std::atomic<bool>& done, const std::string& url, int client, Observed& observed) {
    const std::vector<std::string> targets{"/healthz", "/v1/search?q=retry+backoff", "/v1/patterns/circuit-breaker",
                                           "/v1/search?q=budget&pillar=cost-and-efficiency", "/v1/facets"};
    for (std::size_t i = static_cast<std::size_t>(client); !done; ++i) {
        const std::string& target = targets[i % targets.size()];
        std::string failure;
        std::optional<std::uint64_t> generation;
        try {
            const auto reply = http_get(url, target);
            if (reply.status != 200 || !nlohmann::json::accept(reply.body)) {
                failure = target + " -> " + std::to_string(reply.status) + " " + reply.body.substr(0, 200);
            } else if (target == "/healthz") {
                generation = nlohmann::json::parse(reply.body)["generation"].get<std::uint64_t>();
            }
        } catch (const std::exception& e) {
            failure = target + " -> " + e.what();
        }
        std::lock_guard lock(observed.mutex);
        ++observed.requests;
        if (!failure.empty()) observed.failures.push_back(failure);
        if (generation) observed.generations.insert(*generation);
    }
}

TEST(ReindexUnderLoad, EveryResponseSucceedsWhileTheIndexIsRebuiltAndSwappedTenTimes) {
    test::TempDir temp;
    const auto corpus = test::copy_fixture_corpus(temp.path());
    const auto index = temp.path() / "index";
    ASSERT_EQ(test::run_indexer(corpus, index).exit_code, 0);
    test::DaemonProcess daemon({"--index", index.string(), "--threads", "4"});

    Observed observed;
    std::atomic<bool> done{false};
    std::vector<std::thread> clients;
    for (int client = 0; client < kClients; ++client) {
        clients.emplace_back([&, client] { query_until(done, daemon.url(), client, observed); });
    }
    for (int rebuild = 0; rebuild < kRebuilds; ++rebuild) {
        const auto result = test::run_indexer(corpus, index);
        EXPECT_EQ(result.exit_code, 0) << result.output;
        std::this_thread::sleep_for(50ms);  // let the clients meet every generation
    }
    done = true;
    for (auto& client : clients) client.join();

    EXPECT_TRUE(observed.failures.empty()) << observed.failures.size() << " failed, first: " << observed.failures[0];
    EXPECT_GE(observed.requests, static_cast<std::size_t>(kClients * kRebuilds));
    EXPECT_GE(observed.generations.size(), 3u) << "the clients should have seen the generation change";
    const auto health = nlohmann::json::parse(http_get(daemon.url(), "/healthz").body);
    EXPECT_EQ(health["generation"], 1 + kRebuilds);
}

}  // namespace
}  // namespace pai
