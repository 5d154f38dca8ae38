#include <gtest/gtest.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>

#include "daemon_process.h"
#include "fixture_index.h"
#include "http_client.h"
#include "reliability_support.h"

namespace pai {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

/// A real pattern-searchd, attacked over raw sockets.
class ConnectionLimits : public ::testing::Test {
protected:
    test::TempDir temp;
    std::filesystem::path index = temp.path() / "index";
    std::filesystem::path log = temp.path() / "searchd.log";

    void SetUp() override { test::index_corpus(test::fixtures_dir() / "corpus", index); }

    std::unique_ptr<test::DaemonProcess> start(std::vector<std::string> flags = {}) {
        flags.insert(flags.end(), {"--index", index.string(), "--threads", "2"});
        return std::make_unique<test::DaemonProcess>(flags, log);
    }

    /// Every line of the daemon's log, parsed (a line that is not JSON fails the test).
    std::vector<nlohmann::json> log_lines() const {
        std::vector<nlohmann::json> lines;
        std::istringstream text(test::read_file(log));
        std::string line;
        while (std::getline(text, line)) {
            EXPECT_TRUE(nlohmann::json::accept(line)) << line;
            if (nlohmann::json::accept(line)) lines.push_back(nlohmann::json::parse(line));
        }
        return lines;
    }
};

TEST_F(ConnectionLimits, OneBytePerSecondClientIsDroppedWithinTenSecondsWhileOthersAreServed) {
    const auto daemon = start();  // the default time-outs
    std::atomic<bool> dropped{false};
    std::atomic<double> dropped_after{0};
    std::thread slow([&] {
        test::RawConnection connection(daemon->url());
        const std::string request = test::get_request("/v1/search?q=retry");
        const auto start = Clock::now();
        for (std::size_t sent = 0; Clock::now() - start < 15s; ++sent) {
            if (!connection.send(request.substr(sent % request.size(), 1)) || connection.closed_within(1s)) {
                dropped = true;
                dropped_after = std::chrono::duration<double>(Clock::now() - start).count();
                return;
            }
        }
    });
    std::size_t served = 0;
    for (auto start = Clock::now(); Clock::now() - start < 3s; std::this_thread::sleep_for(100ms)) {
        const auto reply = http_get(daemon->url(), "/v1/search?q=retry");
        EXPECT_EQ(reply.status, 200u);
        served += reply.status == 200u;
    }
    slow.join();
    EXPECT_TRUE(dropped);
    EXPECT_LT(dropped_after.load(), 10.0);
    EXPECT_GE(served, 10u);
}

TEST_F(ConnectionLimits, IdleConnectionIsClosedAfterTheIdleTimeout) {
    const auto daemon = start({"--idle-timeout", "0.5"});
    test::RawConnection silent(daemon->url());
    EXPECT_TRUE(silent.closed_within(5s));
    test::RawConnection kept_alive(daemon->url());
    ASSERT_TRUE(kept_alive.send(test::get_request("/healthz")));
    EXPECT_TRUE(kept_alive.read_response().starts_with("HTTP/1.1 200"));
    EXPECT_TRUE(kept_alive.closed_within(5s));
    std::string metrics;  // the daemon counts a time-out just after it closes the connection
    for (auto start = Clock::now(); Clock::now() - start < 5s; std::this_thread::sleep_for(50ms)) {
        metrics = http_get(daemon->url(), "/metrics").body;
        if (metrics.find("pai_http_connections_timed_out_total 2\n") != std::string::npos) break;
    }
    EXPECT_NE(metrics.find("pai_http_connections_timed_out_total 2\n"), std::string::npos) << metrics;
}

TEST_F(ConnectionLimits, ConnectionsBeyondTheCapAreAnswered503) {
    const auto daemon = start({"--max-connections", "2"});
    auto first = std::make_unique<test::RawConnection>(daemon->url());
    test::RawConnection second(daemon->url());
    for (auto* held : {first.get(), &second}) {  // keep-alive connections that hold their slots
        ASSERT_TRUE(held->send(test::get_request("/healthz")));
        ASSERT_TRUE(held->read_response().starts_with("HTTP/1.1 200"));
    }
    test::RawConnection third(daemon->url());
    ASSERT_TRUE(third.send(test::get_request("/v1/search?q=retry")));
    const std::string refused = third.read_response();
    EXPECT_TRUE(refused.starts_with("HTTP/1.1 503")) << refused;
    EXPECT_NE(refused.find("\"too_many_connections\""), std::string::npos) << refused;
    EXPECT_NE(refused.find("Retry-After: 1"), std::string::npos) << refused;
    EXPECT_TRUE(third.closed_within(5s));

    first.reset();  // gives its slot back once the daemon sees the close
    unsigned status = 0;
    for (auto start = Clock::now(); status != 200 && Clock::now() - start < 5s; std::this_thread::sleep_for(50ms)) {
        test::RawConnection next(daemon->url());
        next.send(test::get_request("/healthz"));
        const std::string reply = next.read_response();
        status = reply.starts_with("HTTP/1.1 200") ? 200 : 503;
    }
    EXPECT_EQ(status, 200u);
}

TEST_F(ConnectionLimits, ForeignHostGets421OverHttpUnlessAllowed) {
    const auto daemon = start({"--allow-host", "search.internal"});
    test::RawConnection connection(daemon->url());
    ASSERT_TRUE(connection.send(test::get_request("/v1/search?q=retry", "rebound.example:7171")));
    const std::string refused = connection.read_response();
    EXPECT_TRUE(refused.starts_with("HTTP/1.1 421")) << refused;
    EXPECT_EQ(refused.find("circuit-breaker"), std::string::npos) << refused;
    ASSERT_TRUE(connection.send(test::get_request("/v1/search?q=retry", "search.internal:7171")));
    EXPECT_TRUE(connection.read_response().starts_with("HTTP/1.1 200"));
}

TEST_F(ConnectionLimits, LogIsOneJsonLinePerRequestWithQueryTextOnlyAtDebug) {
    {
        const auto daemon = start();
        EXPECT_EQ(http_get(daemon->url(), "/v1/search?q=secretword").status, 200u);
        EXPECT_EQ(http_get(daemon->url(), "/v1/nope").status, 404u);
        const auto lines = log_lines();
        ASSERT_EQ(lines.size(), 2u);
        EXPECT_EQ(lines[0]["route"], "/v1/search");
        EXPECT_EQ(lines[0]["status"], 200);
        EXPECT_TRUE(lines[0]["ms"].is_number());
        EXPECT_FALSE(lines[0].contains("query"));
        EXPECT_EQ(lines[1]["status"], 404);
        EXPECT_EQ(test::read_file(log).find("secretword"), std::string::npos);
    }
    const auto daemon = start({"--log-level", "debug"});
    EXPECT_EQ(http_get(daemon->url(), "/v1/search?q=secretword").status, 200u);
    const auto lines = log_lines();
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0]["query"], "q=secretword");
}

TEST_F(ConnectionLimits, MetricsCountRequestsOverHttp) {
    const auto daemon = start();
    for (int i = 0; i < 3; ++i) EXPECT_EQ(http_get(daemon->url(), "/v1/search?q=retry").status, 200u);
    EXPECT_EQ(http_get(daemon->url(), "/v1/search?limit=x").status, 400u);
    const auto reply = http_get(daemon->url(), "/metrics");
    EXPECT_EQ(reply.status, 200u);
    EXPECT_NE(reply.body.find("pai_http_requests_total{route=\"/v1/search\",status=\"200\"} 3\n"), std::string::npos)
        << reply.body;
    EXPECT_NE(reply.body.find("pai_http_requests_total{route=\"/v1/search\",status=\"400\"} 1\n"), std::string::npos);
    EXPECT_NE(reply.body.find("pai_http_request_duration_seconds_count{route=\"/v1/search\"} 4\n"), std::string::npos);
    EXPECT_NE(reply.body.find("pai_index_generation 1\n"), std::string::npos);
    EXPECT_NE(reply.body.find("pai_index_documents 52\n"), std::string::npos);
}

}  // namespace
}  // namespace pai
