/** @file
 *  @brief The route table, the ErrorKind -> HTTP mapping and the security headers every response carries.
 */
#include "router.h"

#include <array>

#include "api_handlers.h"
#include "cors.h"
#include "guide_handlers.h"
#include "http_params.h"
#include "json_answer.h"
#include "library_handlers.h"
#include "metrics_endpoint.h"
#include "openapi_endpoint.h"
#include "representation.h"
#include "request_log.h"
#include "search_error.h"

namespace pai {
namespace {

struct Route {
    std::string_view path;  ///< exact path, or a prefix when it ends in '/'
    JsonHandler handler;
    Reuse reuse = Reuse::kPerGeneration;
};

const std::array<Route, 14> kRoutes{{
    {"/v1/search", [](SearcherPool& s, const Target& t) { return get_search(s, t.params); },
     Reuse::kPerGenerationWords},
    {"/v1/suggest", [](SearcherPool& s, const Target& t) { return get_suggest(s, t.params); }},
    {"/v1/facets", [](SearcherPool& s, const Target& t) { return get_facets(s, t.params); }},
    {"/v1/pillars", [](SearcherPool& s, const Target& t) { return get_pillars(s, t.params); }},
    {"/healthz", [](SearcherPool& s, const Target& t) { return get_health(s, t.params); }, Reuse::kNever},
    {"/v1/patterns/",
     [](SearcherPool& s, const Target& t) {
         constexpr std::string_view kSimilar = "/similar";
         const auto rest = std::string_view(t.path).substr(std::string_view("/v1/patterns/").size());
         if (rest.ends_with(kSimilar)) return get_similar(s, rest.substr(0, rest.size() - kSimilar.size()), t.params);
         return get_pattern(s, rest, t.params);
     }},
    {"/v1/guides", [](SearcherPool& s, const Target& t) { return get_guides(s, t.params); }},
    {"/v1/guides/",
     [](SearcherPool& s, const Target& t) {
         return get_guide(s, std::string_view(t.path).substr(std::string_view("/v1/guides/").size()), t.params);
     }},
    {"/v1/decision-guide", [](SearcherPool& s, const Target& t) { return get_decision_guide(s, t.params); }},
    {"/v1/recommend", [](SearcherPool& s, const Target& t) { return get_recommend(s, t.params); }},
    {"/v1/case-studies", [](SearcherPool& s, const Target& t) { return get_case_studies(s, t.params); },
     Reuse::kPerGenerationWords},
    {"/v1/case-studies/",
     [](SearcherPool& s, const Target& t) {
         return get_case_study(s, std::string_view(t.path).substr(std::string_view("/v1/case-studies/").size()),
                               t.params);
     }},
    {"/v1/paths", [](SearcherPool& s, const Target& t) { return get_paths(s, t.params); }},
    {"/v1/graph", [](SearcherPool& s, const Target& t) { return get_graph(s, t.params); }},
}};

http::status status_for(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::kBadRequest:
            return http::status::bad_request;
        case ErrorKind::kNotFound:
            return http::status::not_found;
        case ErrorKind::kIndexUnavailable:
            return http::status::service_unavailable;
        case ErrorKind::kInternal:
            return http::status::internal_server_error;
    }
    return http::status::internal_server_error;
}

void add_common_headers(Response& response) {
    response.set(http::field::server, "pattern-searchd");
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Referrer-Policy", "no-referrer");
    response.set("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                 "object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
}

const Route* find_route(std::string_view path) {
    for (const auto& route : kRoutes) {
        const bool prefix = route.path.back() == '/';
        if (prefix ? path.starts_with(route.path) && path.size() > route.path.size() : path == route.path)
            return &route;
    }
    return nullptr;
}

Answer dispatch(const Request& request, ServerContext& context) {
    // Against DNS rebinding: browsers always send Host, and a rebound page sends its own site's name.
    const auto host = request.find(http::field::host);
    if (host != request.end() && !context.options.hosts.allows({host->value().data(), host->value().size()})) {
        return {error_response(http::status::misdirected_request, "misdirected_request",
                               "this server does not answer for Host '" + std::string(host->value()) +
                                   "' (pattern-searchd --allow-host adds names)",
                               request.version(), request.keep_alive())};
    }
    if (request.target().size() > kMaxTargetBytes) {
        throw SearchError(ErrorKind::kBadRequest, "the URL is longer than 8 KiB");
    }
    const Target target = parse_target(std::string_view(request.target().data(), request.target().size()));
    if (request.method() != http::verb::get && request.method() != http::verb::head) {
        Response response = error_response(http::status::method_not_allowed, "method_not_allowed",
                                           "only GET and HEAD are supported", request.version(), request.keep_alive());
        response.set(http::field::allow, "GET, HEAD");
        return {std::move(response)};
    }
    if (target.path == "/metrics") return {get_metrics(request, target, context)};
    if (target.path == kOpenApiPath) return {get_openapi(request, target)};
    if (const Route* route = find_route(target.path)) {
        return answer_json(request, target, route->reuse, route->handler, context);
    }
    if (!target.path.starts_with("/v1/")) {
        if (auto file = context.site.find(target.path)) {
            Response response{http::status::ok, request.version()};
            response.set(http::field::content_type, file->content_type);
            response.set(http::field::cache_control, file->cache_control);
            response.set(http::field::etag, file->etag);
            response.keep_alive(request.keep_alive());
            response.body() = file->body;
            response.prepare_payload();
            return {std::move(response),
                    [&site = context.site, file = std::move(*file)](std::string_view) { return site.gzip(file); }};
        }
    }
    throw SearchError(ErrorKind::kNotFound, "nothing at " + target.path);
}

}  // namespace

Response error_response(http::status status, std::string_view code, std::string_view message, unsigned version,
                        bool keep_alive) {
    Response response{status, version};
    response.set(http::field::content_type, "application/json");
    response.keep_alive(keep_alive);
    response.body() = nlohmann::json{{"error", {{"code", code}, {"message", message}}}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
    response.prepare_payload();
    add_common_headers(response);
    return response;
}

Response handle_request(const Request& request, ServerContext& context) {
    Answer answer;
    try {
        answer = dispatch(request, context);
    } catch (const SearchError& e) {
        answer = {error_response(status_for(e.kind()), to_string(e.kind()), e.what(), request.version(),
                                 request.keep_alive())};
    } catch (const std::exception& e) {
        answer = {error_response(http::status::internal_server_error, "internal", e.what(), request.version(),
                                 request.keep_alive())};
    }
    Response& response = answer.response;
    add_common_headers(response);
    apply_cors(request, context.options.cors_origins, response);
    try {
        finish_representation(request, answer);
    } catch (const std::exception& e) {  // zlib out of memory: the identity body is still right
        log_event(LogLevel::kWarning, std::string("gzip failed: ") + e.what());
    }
    if (request.method() == http::verb::head) response.body().clear();
    return std::move(response);
}

}  // namespace pai
