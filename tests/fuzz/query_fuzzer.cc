/** @file
 *  @brief Fuzzes query parsing with parameter decoding: the input is a query string (`q=...&pillar=...`)
 *  that goes through percent-decoding, parameter validation, the QueryParser and a search of the fixture
 *  index. SearchError is the documented way to refuse input; anything else escaping is a bug.
 */
#include "api_handlers.h"
#include "fuzz_support.h"
#include "http_params.h"
#include "search_error.h"
#include "searcher.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static pai::Searcher searcher(pai::fuzz::fixture_index());
    const std::string_view text = pai::fuzz::as_text(data, size);
    try {
        const pai::Target target = pai::parse_target("/v1/search?" + std::string(text));
        const pai::SearchRequest request = pai::search_request_from(target.params);
        (void)searcher.search(request);
        (void)searcher.suggest(request.query, 8);
    } catch (const pai::SearchError&) {
    }
    return 0;
}
