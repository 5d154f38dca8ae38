/** @file
 *  @brief Query string parsing (Boost 1.74 has no URL library) with strict validation.
 */
#include "http_params.h"

#include <cctype>
#include <charconv>

#include "search_error.h"

namespace pai {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// Percent-encodes everything but unreserved characters (and '/' when @p keep_slash).
void append_encoded(std::string& out, std::string_view text, bool keep_slash) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || c == '-' || c == '.' || c == '_' || c == '~' || (keep_slash && c == '/')) {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0xf];
        }
    }
}

[[noreturn]] void bad_request(const std::string& message) {
    throw SearchError(ErrorKind::kBadRequest, message);
}

}  // namespace

std::string percent_decode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%') {
            const int high = i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
            const int low = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
            if (high < 0 || low < 0) bad_request("invalid percent-encoding in the URL");
            out += static_cast<char>(high * 16 + low);
            i += 2;
        } else {
            out += (plus_is_space && c == '+') ? ' ' : c;
        }
    }
    if (out.find('\0') != std::string::npos) bad_request("the URL contains a NUL byte");
    return out;
}

QueryParams QueryParams::parse(std::string_view query_string) {
    QueryParams params;
    while (!query_string.empty()) {
        const auto amp = query_string.find('&');
        const std::string_view pair = query_string.substr(0, amp);
        query_string = amp == std::string_view::npos ? std::string_view() : query_string.substr(amp + 1);
        if (pair.empty()) continue;
        const auto eq = pair.find('=');
        std::string name = percent_decode(pair.substr(0, eq), true);
        std::string value = eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1), true);
        params.values_.emplace(std::move(name), std::move(value));
    }
    return params;
}

void QueryParams::require_only(std::initializer_list<std::string_view> allowed) const {
    for (const auto& [name, value] : values_) {
        bool known = false;
        for (auto candidate : allowed) known = known || candidate == name;
        if (!known) bad_request("unknown parameter '" + name + "'");
    }
}

std::optional<std::string> QueryParams::get(std::string_view name) const {
    const auto [first, last] = values_.equal_range(name);
    if (first == last) return std::nullopt;
    if (std::next(first) != last) bad_request("parameter '" + std::string(name) + "' is given more than once");
    return first->second;
}

std::vector<std::string> QueryParams::get_list(std::string_view name) const {
    std::vector<std::string> out;
    const auto [first, last] = values_.equal_range(name);
    for (auto it = first; it != last; ++it) {
        std::string_view rest = it->second;
        while (!rest.empty()) {
            const auto comma = rest.find(',');
            const auto piece = rest.substr(0, comma);
            if (!piece.empty()) out.emplace_back(piece);
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        }
    }
    return out;
}

std::size_t QueryParams::get_count(std::string_view name, std::size_t fallback, std::size_t max) const {
    const auto text = get(name);
    if (!text) return fallback;
    std::size_t value = 0;
    const auto* end = text->data() + text->size();
    const auto [ptr, ec] = std::from_chars(text->data(), end, value);
    if (text->empty() || ec != std::errc() || ptr != end) {
        bad_request("parameter '" + std::string(name) + "' must be a non-negative integer");
    }
    if (value > max) bad_request("parameter '" + std::string(name) + "' must be at most " + std::to_string(max));
    return value;
}

bool QueryParams::get_flag(std::string_view name) const {
    const auto text = get(name);
    if (!text) return false;
    if (*text == "1" || *text == "true") return true;
    if (*text == "0" || *text == "false") return false;
    bad_request("parameter '" + std::string(name) + "' must be 1, 0, true or false");
}

void QueryParams::normalise_words(std::string_view name) {
    const auto [first, last] = values_.equal_range(name);
    for (auto it = first; it != last; ++it) it->second = pai::normalise_words(it->second);
}

std::string QueryParams::canonical() const {
    std::string out;
    for (const auto& [name, value] : values_) {  // a multimap: sorted by name, equal names in given order
        if (!out.empty()) out += '&';
        append_encoded(out, name, false);
        out += '=';
        append_encoded(out, value, false);
    }
    return out;
}

std::string normalise_words(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (const char c : text) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

std::string canonical_target(const Target& target) {
    std::string out;
    append_encoded(out, target.path, true);
    out += '?';
    out += target.params.canonical();
    return out;
}

Target parse_target(std::string_view target) {
    const auto question = target.find('?');
    Target out;
    out.path = percent_decode(target.substr(0, question), false);
    if (question != std::string_view::npos) out.params = QueryParams::parse(target.substr(question + 1));
    return out;
}

}  // namespace pai
