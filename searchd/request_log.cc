/** @file
 *  @brief JSON log lines, written whole under a mutex so lines from worker threads never interleave.
 */
#include "request_log.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <iostream>
#include <mutex>

namespace pai {
namespace {

std::mutex log_mutex;

double unix_seconds() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

void write_line(const nlohmann::json& line) {
    const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    std::lock_guard lock(log_mutex);
    std::cerr << text << std::flush;
}

}  // namespace

std::string_view route_name(std::string_view path) {
    if (path.starts_with("/v1/patterns/")) return "/v1/patterns/{id}";
    if (path.starts_with("/v1/") || path == "/healthz") return path.substr(0, path.find('?'));
    return "static";
}

void log_request(std::string_view route, unsigned status, double milliseconds) {
    write_line({{"ts", unix_seconds()}, {"route", route}, {"status", status}, {"ms", milliseconds}});
}

void log_event(std::string_view level, std::string_view message) {
    write_line({{"ts", unix_seconds()}, {"level", level}, {"message", message}});
}

}  // namespace pai
