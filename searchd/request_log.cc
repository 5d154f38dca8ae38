/** @file
 *  @brief JSON log lines, written whole under a mutex so lines from worker threads never interleave.
 */
#include "request_log.h"

#include <array>
#include <atomic>
#include <chrono>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>

namespace pai {
namespace {

constexpr std::array<std::string_view, 4> kLevelNames{"debug", "info", "warning", "error"};

std::mutex log_mutex;
std::atomic<LogLevel> log_level{LogLevel::kInfo};

bool enabled(LogLevel level) {
    return level >= log_level.load(std::memory_order_relaxed);
}

std::string_view name_of(LogLevel level) {
    return kLevelNames[static_cast<std::size_t>(level)];
}

double unix_seconds() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

void write_line(const nlohmann::json& line) {
    const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    std::lock_guard lock(log_mutex);
    std::cerr << text << std::flush;
}

}  // namespace

std::optional<LogLevel> parse_log_level(std::string_view name) {
    for (std::size_t i = 0; i < kLevelNames.size(); ++i) {
        if (kLevelNames[i] == name) return static_cast<LogLevel>(i);
    }
    return std::nullopt;
}

void set_log_level(LogLevel level) {
    log_level.store(level);
}

std::string route_name(std::string_view path) {
    path = path.substr(0, path.find('?'));
    if (!path.starts_with("/v1/") && path != "/healthz" && path != "/metrics") return "static";
    // /v1/<collection>/<id>[/.../<action>] folds to /v1/<collection>/{id}[/<action>].
    const auto id_start = path.find('/', std::string_view("/v1/").size());
    if (id_start == std::string_view::npos || id_start + 1 == path.size()) return std::string(path);
    std::string route(path.substr(0, id_start));
    route += "/{id}";
    const auto id_end = path.find('/', id_start + 1);
    if (id_end != std::string_view::npos) route.append(path.substr(path.rfind('/')));
    return route;
}

void log_request(std::string_view route, unsigned status, double milliseconds, std::string_view query) {
    if (!enabled(LogLevel::kInfo)) return;
    nlohmann::json line{
        {"ts", unix_seconds()}, {"level", "info"}, {"route", route}, {"status", status}, {"ms", milliseconds}};
    if (enabled(LogLevel::kDebug) && !query.empty()) line["query"] = query;
    write_line(line);
}

void log_event(LogLevel level, std::string_view message) {
    if (!enabled(level)) return;
    write_line({{"ts", unix_seconds()}, {"level", name_of(level)}, {"message", message}});
}

}  // namespace pai
