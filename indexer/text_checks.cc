/** @file
 *  @brief A strict UTF-8 validator (RFC 3629) that also refuses NUL bytes.
 */
#include "text_checks.h"

#include <algorithm>

namespace pai {
namespace {

/// Length of the valid UTF-8 sequence starting at @p i, or 0 when it is invalid.
std::size_t sequence_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    unsigned char low = 0x80;  // bounds of the second byte, which rule out overlongs and surrogates
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) low = 0xA0;
        if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F;
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    if (byte(i + 1) < low || byte(i + 1) > high) return 0;
    for (std::size_t k = 2; k < length; ++k) {
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    }
    return length;
}

int line_at(std::string_view text, std::size_t offset) {
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

}  // namespace

std::optional<TextProblem> find_text_problem(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '\0') return TextProblem{line_at(text, i), "NUL byte: corpus files must be text"};
        const std::size_t length = sequence_length(text, i);
        if (length == 0) return TextProblem{line_at(text, i), "invalid UTF-8: corpus files must be UTF-8"};
        i += length;
    }
    return std::nullopt;
}

}  // namespace pai
