/** @file
 *  @brief Where API answers come from: a running pattern-searchd over HTTP, or a local index answered
 *  in-process by the daemon's own router, so both give the same JSON for the same target.
 */
#pragma once

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "http_client.h"

namespace pai {

class ApiBackend {
public:
    virtual ~ApiBackend() = default;

    /// GETs @p target (path and query, e.g. "/v1/search?q=retries"). @throws ConnectionError.
    virtual HttpReply get(const std::string& target) = 0;

    /// Where the answers come from, for messages: the daemon's URL or the index directory.
    virtual std::string describe() const = 0;
};

/// Asks the daemon at @p base_url (`http://host:port`).
std::unique_ptr<ApiBackend> daemon_backend(std::string base_url);

/// Answers from @p index_dir without a daemon. @throws SearchError(kIndexUnavailable) when it cannot be
/// opened.
std::unique_ptr<ApiBackend> index_backend(const std::filesystem::path& index_dir);

/// The JSON of a reply. A non-200 reply throws SearchError of the kind its status stands for, with the API's
/// message; a body that is not JSON throws ConnectionError naming @p source.
nlohmann::json reply_json(const HttpReply& reply, std::string_view source);

/// `reply_json(backend.get(target), backend.describe())`.
nlohmann::json api_get(ApiBackend& backend, const std::string& target);

/// What to do when the daemon does not answer: how to start it, or how to do without it.
std::string start_daemon_hint(std::string_view base_url);

}  // namespace pai
