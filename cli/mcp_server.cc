/** @file
 *  @brief JSON-RPC framing and the MCP methods: initialize, ping, tools and resources.
 */
#include "mcp_server.h"

#include <istream>
#include <ostream>

#include "mcp_resources.h"
#include "mcp_tool_schemas.h"
#include "mcp_tools.h"
#include "search_error.h"

#ifndef PAI_VERSION
#define PAI_VERSION "0"
#endif

namespace pai::mcp {
namespace {

// JSON-RPC 2.0 error codes, and MCP's code for an unknown resource.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kResourceNotFound = -32002;

constexpr std::string_view kInstructions =
    "Production AI Patterns: 120 named patterns for running AI systems in production (reliability, cost, "
    "security, evaluation, ...), each with when to use it and, as important, when NOT to. Use "
    "search_patterns "
    "with the problem in the user's words, get_pattern (or read pattern://{id}) for the details, and "
    "recommend "
    "to walk the Decision Guide. Cite patterns by id and read their when-not-to-use section before advising "
    "one.";

struct RpcError {
    int code;
    std::string message;
};

nlohmann::json error_reply(const nlohmann::json& id, int code, std::string_view message) {
    return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

const nlohmann::json& object_params(const nlohmann::json& params) {
    if (!params.is_object()) throw RpcError{kInvalidParams, "params must be an object"};
    return params;
}

std::string string_param(const nlohmann::json& params, const char* name) {
    const auto& object = object_params(params);
    if (!object.contains(name) || !object[name].is_string()) {
        throw RpcError{kInvalidParams, std::string("params.") + name + " must be a string"};
    }
    return object[name].get<std::string>();
}

}  // namespace

nlohmann::json Server::initialize(const nlohmann::json& params) const {
    const std::string requested = object_params(params).value("protocolVersion", "");
    std::string_view version = kProtocolVersions[0];
    for (auto supported : kProtocolVersions) {
        if (supported == requested) version = supported;
    }
    return {{"protocolVersion", version},
            {"capabilities",
             {{"tools", {{"listChanged", false}}}, {"resources", {{"subscribe", false}, {"listChanged", false}}}}},
            {"serverInfo",
             {{"name", "production-ai-patterns"}, {"title", "Production AI Patterns"}, {"version", PAI_VERSION}}},
            {"instructions", kInstructions}};
}

nlohmann::json Server::dispatch(std::string_view method, const nlohmann::json& params) {
    if (method == "initialize") return initialize(params);
    if (method == "ping") return nlohmann::json::object();
    if (method == "tools/list") return {{"tools", tool_definitions()}};
    if (method == "tools/call") {
        const std::string name = string_param(params, "name");
        if (!has_tool(name)) throw RpcError{kInvalidParams, "unknown tool '" + name + "'"};
        return call_tool(backend_, name, params.value("arguments", nlohmann::json::object()));
    }
    if (method == "resources/templates/list") return resource_templates();
    if (method == "resources/list") return list_resources(backend_);
    if (method == "resources/read") {
        const std::string uri = string_param(params, "uri");
        try {
            return read_resource(backend_, uri);
        } catch (const SearchError& e) {
            if (e.kind() != ErrorKind::kNotFound) throw;
            throw RpcError{kResourceNotFound, "resource not found: " + uri + " (" + e.what() + ")"};
        }
    }
    throw RpcError{kMethodNotFound, "method not found: " + std::string(method)};
}

std::optional<nlohmann::json> Server::handle(const nlohmann::json& message) {
    const bool is_object = message.is_object();
    const bool has_id = is_object && message.contains("id");
    const nlohmann::json id = has_id ? message["id"] : nlohmann::json();
    // This server sends no requests, so a response from the client has nothing to answer.
    if (is_object && !message.contains("method") && (message.contains("result") || message.contains("error"))) {
        return std::nullopt;
    }
    if (!is_object || !message.contains("jsonrpc") || message["jsonrpc"] != "2.0" || !message.contains("method") ||
        !message["method"].is_string() || (has_id && !id.is_string() && !id.is_number_integer())) {
        return error_reply(id, kInvalidRequest, "not a JSON-RPC 2.0 request");
    }
    if (!has_id) return std::nullopt;  // notifications (initialized, cancelled, ...) need no reply
    try {
        const auto params = message.value("params", nlohmann::json::object());
        return nlohmann::json{
            {"jsonrpc", "2.0"}, {"id", id}, {"result", dispatch(message["method"].get<std::string>(), params)}};
    } catch (const RpcError& e) {
        return error_reply(id, e.code, e.message);
    } catch (const std::exception& e) {
        return error_reply(id, kInternalError, e.what());
    }
}

std::optional<nlohmann::json> Server::handle_line(std::string_view line) {
    const auto message = nlohmann::json::parse(line, nullptr, false);
    if (message.is_discarded()) return error_reply(nullptr, kParseError, "parse error: not JSON");
    return handle(message);
}

void Server::serve(std::istream& in, std::ostream& out) {
    std::string line;
    while (std::getline(in, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        if (const auto reply = handle_line(line)) {
            out << reply->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n' << std::flush;
        }
    }
}

}  // namespace pai::mcp
