#include <gtest/gtest.h>
#include <signal.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <nlohmann/json.hpp>

#include "daemon_process.h"
#include "fixture_index.h"
#include "http_client.h"
#include "test_support.h"

namespace pai {
namespace {

/// A real pattern-searchd on an ephemeral port, queried over HTTP.
class ServerTest : public ::testing::Test {
protected:
    test::TempDir temp;
    std::filesystem::path index = temp.path() / "index";
    std::filesystem::path web = temp.path() / "web";

    void SetUp() override {
        test::index_corpus(test::fixtures_dir() / "corpus", index);
        test::write_file(web / "index.html", "<!doctype html><title>Patterns</title>");
    }
    std::unique_ptr<test::DaemonProcess> start() {
        return std::make_unique<test::DaemonProcess>(
            std::vector<std::string>{"--index", index.string(), "--web", web.string(), "--threads", "2"});
    }
    static nlohmann::json get_json(const test::DaemonProcess& daemon, const std::string& target, unsigned expected) {
        const auto reply = http_get(daemon.url(), target);
        EXPECT_EQ(reply.status, expected) << target << " " << reply.body;
        return nlohmann::json::parse(reply.body);
    }
};

TEST_F(ServerTest, AnswersEveryEndpointOverHttp) {
    const auto daemon = start();
    const auto search = get_json(*daemon, "/v1/search?q=provider+timeouts&pillar=reliability", 200);
    EXPECT_EQ(search["hits"][0]["id"], "circuit-breaker");
    EXPECT_NE(search["hits"][0]["snippet"].get<std::string>().find("<mark>"), std::string::npos);
    EXPECT_EQ(get_json(*daemon, "/v1/patterns/token-budget", 200)["title"], "Token Budget");
    EXPECT_FALSE(get_json(*daemon, "/v1/suggest?q=tok", 200)["suggestions"].empty());
    EXPECT_TRUE(get_json(*daemon, "/v1/facets", 200)["facets"].contains("status"));
    EXPECT_EQ(get_json(*daemon, "/healthz", 200)["sections"], 52);
    EXPECT_EQ(http_get(daemon->url(), "/").status, 200u);
}

TEST_F(ServerTest, ErrorsAreJsonWithTheRightStatus) {
    const auto daemon = start();
    EXPECT_EQ(get_json(*daemon, "/v1/search?limit=x", 400)["error"]["code"], "bad_request");
    EXPECT_EQ(get_json(*daemon, "/v1/patterns/missing", 404)["error"]["code"], "not_found");
    EXPECT_EQ(get_json(*daemon, "/v1/unknown", 404)["error"]["code"], "not_found");
}

/// Sends @p request as raw bytes to @p daemon and returns the start of its reply.
std::string raw_exchange(const test::DaemonProcess& daemon, const std::string& request) {
    const auto port = daemon.url().substr(daemon.url().rfind(':') + 1);
    boost::asio::io_context ioc;
    boost::asio::ip::tcp::socket socket(ioc);
    boost::asio::ip::tcp::resolver resolver(ioc);
    boost::asio::connect(socket, resolver.resolve("127.0.0.1", port));
    boost::system::error_code ec;
    boost::asio::write(socket, boost::asio::buffer(request), ec);
    std::string reply(4096, '\0');
    const auto read = socket.read_some(boost::asio::buffer(reply), ec);
    reply.resize(read);
    return reply;
}

TEST_F(ServerTest, OversizedBodyIsRefusedWith413) {
    const auto daemon = start();
    const auto reply =
        raw_exchange(*daemon, "POST /v1/search HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000\r\n\r\n" +
                                  std::string(100000, 'x'));
    EXPECT_TRUE(reply.starts_with("HTTP/1.1 413")) << reply;
}

TEST_F(ServerTest, OversizedHeadersAreRefusedWith413) {
    const auto daemon = start();
    const auto reply = raw_exchange(
        *daemon, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + std::string(20000, 'x') + "\r\n\r\n");
    EXPECT_TRUE(reply.starts_with("HTTP/1.1 413")) << reply;
    EXPECT_NE(reply.find("request headers exceed"), std::string::npos) << reply;
}

TEST_F(ServerTest, ANewGenerationIsServedWithoutARestart) {
    const auto daemon = start();
    EXPECT_EQ(get_json(*daemon, "/healthz", 200)["generation"], 1);
    test::index_corpus(test::fixtures_dir() / "corpus", index);
    EXPECT_EQ(get_json(*daemon, "/healthz", 200)["generation"], 2);
    EXPECT_EQ(get_json(*daemon, "/v1/search?q=breaker", 200)["hits"][0]["id"], "circuit-breaker");
}

TEST_F(ServerTest, SighupKeepsServing) {
    const auto daemon = start();
    ::kill(daemon->pid(), SIGHUP);
    EXPECT_EQ(get_json(*daemon, "/healthz", 200)["status"], "ok");
}

TEST_F(ServerTest, SigtermStopsCleanly) {
    auto daemon = start();
    EXPECT_EQ(get_json(*daemon, "/healthz", 200)["status"], "ok");
    EXPECT_EQ(daemon->stop(SIGTERM), 0);
}

TEST(ServerStart, MissingIndexFailsWithAMessage) {
    const auto result = test::run_command((test::bin_dir() / "pattern-searchd").string() +
                                          " --index /nonexistent --listen 127.0.0.1:0");
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.output.find("cannot open index"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace pai
