/** @file
 *  @brief Diagnostic collection and printing.
 */
#include "diagnostics.h"

#include <algorithm>

namespace pai {
namespace {

// Messages quote corpus values; a hostile file's megabyte-long value is cut, at a UTF-8 boundary.
constexpr std::size_t kMaxMessageBytes = 300;

std::string shortened(std::string message) {
    if (message.size() <= kMaxMessageBytes) return message;
    std::size_t cut = kMaxMessageBytes;
    while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80) --cut;
    message.resize(cut);
    return message + "\xE2\x80\xA6";
}

}  // namespace

void Diagnostics::error(const std::filesystem::path& path, int line, std::string message) {
    items_.push_back({path, std::max(line, 1), Severity::kError, shortened(std::move(message))});
}

void Diagnostics::warning(const std::filesystem::path& path, int line, std::string message) {
    items_.push_back({path, std::max(line, 1), Severity::kWarning, shortened(std::move(message))});
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

std::size_t Diagnostics::error_count(bool warnings_are_errors) const {
    return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(), [&](const Diagnostic& d) {
        return d.severity == Severity::kError || warnings_are_errors;
    }));
}

std::size_t Diagnostics::warning_count() const {
    return static_cast<std::size_t>(std::count_if(
        items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::kWarning; }));
}

void print(std::ostream& out, const Diagnostic& diagnostic, bool strict) {
    const bool is_error = diagnostic.severity == Severity::kError || strict;
    out << diagnostic.path.string() << ':' << diagnostic.line << ": " << (is_error ? "error" : "warning") << ": "
        << diagnostic.message << '\n';
}

}  // namespace pai
