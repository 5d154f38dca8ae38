/** @file
 *  @brief Problems found in the corpus, each tied to `path:line`.
 */
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace pai {

enum class Severity { kWarning, kError };

struct Diagnostic {
    std::filesystem::path path;
    int line = 1;
    Severity severity = Severity::kError;
    std::string message;
};

/// Collects diagnostics in the order they are found.
class Diagnostics {
public:
    void error(const std::filesystem::path& path, int line, std::string message);
    void warning(const std::filesystem::path& path, int line, std::string message);

    /// Adds every diagnostic of @p other, in its order, after those already here.
    void append(const Diagnostics& other);
    const std::vector<Diagnostic>& all() const { return items_; }
    std::size_t error_count(bool warnings_are_errors = false) const;
    std::size_t warning_count() const;

private:
    std::vector<Diagnostic> items_;
};

/// Prints `path:line: error: message` (or `warning:`); with @p strict warnings print as errors.
void print(std::ostream& out, const Diagnostic& diagnostic, bool strict);

}  // namespace pai
