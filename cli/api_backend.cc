/** @file
 *  @brief The two API backends and the mapping of API error replies back to SearchError.
 */
#include "api_backend.h"

#include "router.h"
#include "search_error.h"
#include "searcher_pool.h"

namespace pai {
namespace {

class DaemonBackend final : public ApiBackend {
public:
    explicit DaemonBackend(std::string base_url) : base_url_(std::move(base_url)) {}
    HttpReply get(const std::string& target) override {
        try {
            return http_get(base_url_, target);
        } catch (const ConnectionError& e) {
            throw ConnectionError(std::string(e.what()) + "\n" + start_daemon_hint(base_url_));
        }
    }
    std::string describe() const override { return base_url_; }

private:
    std::string base_url_;
};

/// One Searcher behind the daemon's router: the same validation, handlers and JSON as over HTTP.
class IndexBackend final : public ApiBackend {
public:
    explicit IndexBackend(const std::filesystem::path& index_dir)
        : index_dir_(index_dir), searchers_(index_dir, 1), context_{searchers_, {}} {}

    HttpReply get(const std::string& target) override {
        Request request{http::verb::get, target, 11};
        request.set(http::field::host, "localhost");
        Response response = handle_request(request, context_);
        return {static_cast<unsigned>(response.result_int()), std::move(response.body())};
    }
    std::string describe() const override { return "index " + index_dir_.string(); }

private:
    std::filesystem::path index_dir_;
    SearcherPool searchers_;
    ServerContext context_;
};

ErrorKind kind_for_status(unsigned status) {
    switch (status) {
        case 400:
            return ErrorKind::kBadRequest;
        case 404:
            return ErrorKind::kNotFound;
        case 503:
            return ErrorKind::kIndexUnavailable;
        default:
            return ErrorKind::kInternal;
    }
}

}  // namespace

std::unique_ptr<ApiBackend> daemon_backend(std::string base_url) {
    return std::make_unique<DaemonBackend>(std::move(base_url));
}

std::unique_ptr<ApiBackend> index_backend(const std::filesystem::path& index_dir) {
    return std::make_unique<IndexBackend>(index_dir);
}

nlohmann::json reply_json(const HttpReply& reply, std::string_view source) {
    auto body = nlohmann::json::parse(reply.body, nullptr, false);
    if (body.is_discarded()) {
        throw ConnectionError(std::string(source) + " did not answer with JSON (status " +
                              std::to_string(reply.status) + ")");
    }
    if (reply.status != 200) {
        const auto error = body.value("error", nlohmann::json::object());
        throw SearchError(kind_for_status(reply.status), error.value("message", reply.body));
    }
    return body;
}

nlohmann::json api_get(ApiBackend& backend, const std::string& target) {
    return reply_json(backend.get(target), backend.describe());
}

std::string start_daemon_hint(std::string_view base_url) {
    return "pattern-searchd is not answering at " + std::string(base_url) +
           ". Start it with scripts/serve (or build/bin/pattern-searchd --index var/index --listen "
           "127.0.0.1:7171), point --server at where it runs, or use --index DIR to search an index "
           "directly.";
}

}  // namespace pai
