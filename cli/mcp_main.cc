/** @file
 *  @brief pattern-mcp: the library as a Model Context Protocol server on stdin/stdout, for coding agents.
 */
#include <CLI/CLI.hpp>
#include <iostream>

#include "api_backend.h"
#include "mcp_server.h"
#include "search_error.h"

int main(int argc, char** argv) {
    CLI::App app{"Serve the Production AI Patterns library to coding agents over MCP (stdio)"};
    std::string server = "http://127.0.0.1:7171";
    std::string index;
    auto* server_option = app.add_option("--server", server, "URL of a running pattern-searchd (the default)");
    app.add_option("--index", index, "Answer from this index directly, no daemon needed")->excludes(server_option);
    CLI11_PARSE(app, argc, argv);

    try {
        auto backend = index.empty() ? pai::daemon_backend(server) : pai::index_backend(index);
        pai::mcp::Server mcp(*backend);
        // stdout carries only protocol messages; anything for people goes to stderr.
        std::cerr << "pattern-mcp: serving MCP on stdio from " << backend->describe() << '\n';
        mcp.serve(std::cin, std::cout);
    } catch (const pai::SearchError& e) {
        std::cerr << "pattern-mcp: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
