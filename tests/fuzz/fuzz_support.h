/** @file
 *  @brief What the query and HTTP fuzz targets share: the fixture corpus indexed once per process into a
 *  temporary directory (removed at exit), and a web root beside it.
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

namespace pai::fuzz {

/// The index directory, built on first use. Aborts when the fixture corpus does not index.
const std::filesystem::path& fixture_index();

/// A web root holding index.html and app.js, made on first use.
const std::filesystem::path& web_root();

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace pai::fuzz
