#include "mcp_server.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "api_backend.h"
#include "daemon_process.h"
#include "fixture_index.h"
#include "search_error.h"
#include "test_support.h"

namespace pai {
namespace {

using nlohmann::json;

/// The MCP server over the fixture index, driven message by message (the SDK-driven test covers stdio).
class McpServerTest : public ::testing::Test {
protected:
    test::TempDir temp;
    std::filesystem::path index = temp.path() / "index";
    std::unique_ptr<ApiBackend> backend;
    std::unique_ptr<mcp::Server> server;

    void SetUp() override {
        test::index_corpus(test::fixtures_dir() / "corpus", index);
        backend = index_backend(index);
        server = std::make_unique<mcp::Server>(*backend);
    }

    json request(std::string_view method, json params = json::object()) {
        const auto reply = server->handle({{"jsonrpc", "2.0"}, {"id", 7}, {"method", method}, {"params", params}});
        EXPECT_TRUE(reply.has_value());
        EXPECT_EQ(reply->at("id"), 7);
        return *reply;
    }

    json call(std::string_view tool, json arguments) {
        return request("tools/call", {{"name", tool}, {"arguments", std::move(arguments)}}).at("result");
    }
};

TEST_F(McpServerTest, InitializeEchoesASupportedProtocolVersionAndOffersItsNewestOtherwise) {
    const auto older = request("initialize", {{"protocolVersion", "2025-03-26"}, {"capabilities", json::object()}});
    EXPECT_EQ(older["result"]["protocolVersion"], "2025-03-26");
    EXPECT_TRUE(older["result"]["capabilities"].contains("tools"));
    EXPECT_TRUE(older["result"]["capabilities"].contains("resources"));
    EXPECT_EQ(older["result"]["serverInfo"]["name"], "production-ai-patterns");
    const auto unknown = request("initialize", {{"protocolVersion", "1999-01-01"}});
    EXPECT_EQ(unknown["result"]["protocolVersion"], mcp::kProtocolVersions[0]);
}

TEST_F(McpServerTest, NotificationsAndClientResponsesGetNoReply) {
    EXPECT_FALSE(server->handle({{"jsonrpc", "2.0"}, {"method", "notifications/initialized"}}).has_value());
    EXPECT_FALSE(server->handle({{"jsonrpc", "2.0"}, {"id", 1}, {"result", json::object()}}).has_value());
}

TEST_F(McpServerTest, MalformedMessagesGetJsonRpcErrors) {
    EXPECT_EQ(server->handle_line("{not json")->at("error")["code"], -32700);
    EXPECT_EQ(server->handle(json::array())->at("error")["code"], -32600);
    EXPECT_EQ(server->handle({{"jsonrpc", "1.0"}, {"id", 1}, {"method", "ping"}})->at("error")["code"], -32600);
    EXPECT_EQ(server->handle({{"jsonrpc", "2.0"}, {"id", json::array()}, {"method", "ping"}})->at("error")["code"],
              -32600);
    EXPECT_EQ(request("no/such/method")["error"]["code"], -32601);
    EXPECT_EQ(request("tools/call", json::array())["error"]["code"], -32602);
    EXPECT_EQ(request("ping")["result"], json::object());
}

TEST_F(McpServerTest, EveryToolIsReadOnlyAndIdempotentWithBothSchemas) {
    const auto tools = request("tools/list")["result"]["tools"];
    ASSERT_EQ(tools.size(), 4u);
    for (const auto& tool : tools) {
        EXPECT_EQ(tool["inputSchema"]["type"], "object") << tool["name"];
        EXPECT_EQ(tool["outputSchema"]["type"], "object") << tool["name"];
        EXPECT_EQ(tool["annotations"]["readOnlyHint"], true) << tool["name"];
        EXPECT_EQ(tool["annotations"]["idempotentHint"], true) << tool["name"];
    }
}

TEST_F(McpServerTest, SearchToolReturnsTheApiRankingAsStructuredContent) {
    const auto result = call("search_patterns", {{"query", "provider times out"}, {"limit", 2}});
    ASSERT_EQ(result["isError"], false) << result.dump();
    const auto api = api_get(*backend, "/v1/search?q=provider+times+out&limit=2");
    const auto& hits = result["structuredContent"]["hits"];
    ASSERT_EQ(hits.size(), api["hits"].size());
    for (std::size_t i = 0; i < hits.size(); ++i) {
        EXPECT_EQ(hits[i]["id"], api["hits"][i]["id"]);
        EXPECT_EQ(hits[i]["uri"], "pattern://" + api["hits"][i]["id"].get<std::string>());
        EXPECT_EQ(hits[i]["snippet"].get<std::string>().find("<mark>"), std::string::npos);
    }
    EXPECT_EQ(json::parse(result["content"][0]["text"].get<std::string>()), result["structuredContent"]);
}

TEST_F(McpServerTest, BadArgumentsAreToolErrorsNamingTheArgument) {
    for (const auto& [tool, arguments, word] : std::vector<std::tuple<std::string, json, std::string>>{
             {"search_patterns", {{"limit", 0}}, "limit"},
             {"search_patterns", {{"pillar", "reliability"}}, "pillar"},
             {"search_patterns", {{"colour", "red"}}, "colour"},
             {"search_patterns", json::array(), "object"},
             {"get_pattern", json::object(), "id"},
             {"get_pattern", {{"id", "circuit-breaker"}, {"sections", {"nope"}}}, "nope"},
             {"recommend", {{"answers", "pain:cost"}}, "answers"},
         }) {
        const auto result = call(tool, arguments);
        EXPECT_EQ(result["isError"], true) << tool << " " << arguments.dump();
        EXPECT_NE(result["content"][0]["text"].get<std::string>().find(word), std::string::npos) << result.dump();
    }
}

TEST_F(McpServerTest, UnknownToolsAndResourcesAreProtocolErrors) {
    EXPECT_EQ(request("tools/call", {{"name", "rm"}})["error"]["code"], -32602);
    EXPECT_EQ(request("resources/read", {{"uri", "pattern://missing"}})["error"]["code"], -32002);
    EXPECT_EQ(request("resources/read", {{"uri", "file:///etc/passwd"}})["error"]["code"], -32002);
}

TEST_F(McpServerTest, ResourcesListEveryPatternAndReadAsMarkdown) {
    const auto listed = request("resources/list")["result"]["resources"];
    EXPECT_EQ(listed.size(), api_get(*backend, "/healthz")["patterns"].get<std::size_t>());
    const auto read = request("resources/read", {{"uri", "pattern://circuit-breaker"}})["result"]["contents"][0];
    EXPECT_EQ(read["mimeType"], "text/markdown");
    const auto pattern = api_get(*backend, "/v1/patterns/circuit-breaker");
    EXPECT_TRUE(read["text"].get<std::string>().starts_with("# " + pattern["title"].get<std::string>() + "\n"));
}

TEST_F(McpServerTest, ServeAnswersEachRequestLineWithOneLine) {
    std::istringstream in(R"({"jsonrpc":"2.0","id":1,"method":"ping"}

{"jsonrpc":"2.0","method":"notifications/initialized"}
{"jsonrpc":"2.0","id":"two","method":"tools/list"}
)");
    std::ostringstream out;
    server->serve(in, out);
    std::istringstream replies(out.str());
    std::vector<json> lines;
    for (std::string line; std::getline(replies, line);) lines.push_back(json::parse(line));
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0]["id"], 1);
    EXPECT_EQ(lines[1]["id"], "two");
}

TEST_F(McpServerTest, AnIndexAnswersLikeTheDaemonOverHttp) {
    test::DaemonProcess daemon({"--index", index.string()});
    auto over_http = api_get(*daemon_backend(daemon.url()), "/v1/search?q=provider&limit=3");
    auto in_process = api_get(*backend, "/v1/search?q=provider&limit=3");
    over_http.erase("took_ms");
    in_process.erase("took_ms");
    EXPECT_EQ(over_http, in_process);
}

TEST(ApiBackend, ErrorRepliesBecomeSearchErrorsOfTheirKind) {
    const HttpReply not_found{404, R"({"error":{"code":"not_found","message":"no pattern with id 'x'"}})"};
    try {
        reply_json(not_found, "test");
        FAIL() << "no exception";
    } catch (const SearchError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::kNotFound);
        EXPECT_STREQ(e.what(), "no pattern with id 'x'");
    }
    EXPECT_THROW(reply_json({200, "<html>"}, "test"), ConnectionError);
}

TEST(ApiBackend, AnUnreachableDaemonSaysHowToStartIt) {
    try {
        daemon_backend("http://127.0.0.1:1")->get("/healthz");
        FAIL() << "no exception";
    } catch (const ConnectionError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("http://127.0.0.1:1"), std::string::npos) << message;
        EXPECT_NE(message.find("scripts/serve"), std::string::npos) << message;
    }
}

}  // namespace
}  // namespace pai
