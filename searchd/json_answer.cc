/** @file
 *  @brief The cached JSON answer: canonical key, lookup, handler, insertion.
 */
#include "json_answer.h"

#include "gzip.h"

namespace pai {
namespace {

/// Browsers keep the answer but ask again each time, with If-None-Match, and mostly get a 304.
constexpr const char* kRevalidate = "no-cache";
constexpr const char* kNoStore = "no-store";

Response json_response(std::string body, const Request& request, const char* cache_control) {
    Response response{http::status::ok, request.version()};
    response.set(http::field::content_type, "application/json");
    response.set(http::field::cache_control, cache_control);
    response.keep_alive(request.keep_alive());
    response.body() = std::move(body);
    response.prepare_payload();
    return response;
}

std::string dump(const nlohmann::json& body) {
    // Replace invalid UTF-8 from the corpus or the query rather than failing the whole response.
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string generation_tag(ServerContext& context) {
    return context.searchers.acquire()->generation_tag();
}

/// The entry's gzipped body, made once and kept with it.
std::function<std::string(std::string_view)> gzip_of(ResponseCache& cache, std::shared_ptr<CachedResponse> entry) {
    return [&cache, entry = std::move(entry)](std::string_view) { return cache.gzip(entry, kJsonGzipLevel); };
}

}  // namespace

Answer answer_json(const Request& request, Target target, Reuse reuse, const JsonHandler& handler,
                   ServerContext& context) {
    if (reuse == Reuse::kNever) return {json_response(dump(handler(context.searchers, target)), request, kNoStore)};
    if (reuse == Reuse::kPerGenerationWords) target.params.normalise_words("q");
    const std::string key = canonical_target(target);
    const std::string tag = generation_tag(context);
    if (!tag.empty()) {
        if (auto entry = context.cache.find(tag, key)) {
            Response response = json_response(entry->body(), request, kRevalidate);
            response.set(http::field::etag, generation_etag(tag, context.instance));
            response.set("X-Cache", "hit");
            return {std::move(response), gzip_of(context.cache, std::move(entry))};
        }
    }
    const nlohmann::json body = handler(context.searchers, target);
    const bool partial = body.is_object() && body.value("partial", false);
    std::string text = dump(body);
    // The generation may have switched while the handler ran; then the answer belongs to neither tag for sure.
    Answer answer;
    if (!tag.empty() && !partial && context.cache.enabled() && generation_tag(context) == tag) {
        answer.gzipped = gzip_of(context.cache, context.cache.insert(tag, key, text));
    }
    // A partial answer is an estimate: neither kept nor validated, so the next request counts again.
    answer.response = json_response(std::move(text), request, partial ? kNoStore : kRevalidate);
    const std::string etag = partial ? std::string() : generation_etag(tag, context.instance);
    if (!etag.empty()) answer.response.set(http::field::etag, etag);
    answer.response.set("X-Cache", "miss");
    return answer;
}

}  // namespace pai
