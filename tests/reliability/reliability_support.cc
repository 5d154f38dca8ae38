/** @file
 *  @brief POSIX sockets and processes for the reliability tests (asio's blocking calls cannot time out).
 */
#include "reliability_support.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <utility>

#include "test_support.h"

extern char** environ;

namespace pai::test {
namespace {

using Clock = std::chrono::steady_clock;

/// Content-Length of a response whose headers end at @p header_end, or 0 when there is none.
std::size_t content_length(const std::string& response, std::size_t header_end) {
    const std::string headers = response.substr(0, header_end);
    for (const char* name : {"Content-Length: ", "content-length: "}) {
        const auto at = headers.find(name);
        if (at != std::string::npos) return std::stoul(headers.substr(at + std::string_view(name).size()));
    }
    return 0;
}

}  // namespace

RawConnection::RawConnection(const std::string& url) {
    const auto colon = url.rfind(':');
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(std::stoi(url.substr(colon + 1))));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd_ < 0 || ::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        throw std::runtime_error("cannot connect to " + url);
    }
}

RawConnection::~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
}

bool RawConnection::send(std::string_view bytes) {
    while (!bytes.empty()) {
        const auto sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (sent <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
}

bool RawConnection::receive(std::chrono::milliseconds timeout, bool& timed_out) {
    pollfd ready{fd_, POLLIN, 0};
    timed_out = ::poll(&ready, 1, static_cast<int>(timeout.count())) == 0;
    if (timed_out) return true;
    char buffer[4096];
    const auto got = ::recv(fd_, buffer, sizeof buffer, 0);
    if (got <= 0) return false;
    pending_.append(buffer, static_cast<std::size_t>(got));
    return true;
}

std::string RawConnection::read_response(std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
        const auto header_end = pending_.find("\r\n\r\n");
        if (header_end != std::string::npos) {
            const std::size_t total = header_end + 4 + content_length(pending_, header_end);
            if (pending_.size() >= total) {
                std::string response = pending_.substr(0, total);
                pending_.erase(0, total);
                return response;
            }
        }
        bool timed_out = false;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (!receive(std::max(left, std::chrono::milliseconds(1)), timed_out)) break;
    }
    return std::exchange(pending_, {});
}

bool RawConnection::closed_within(std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
        bool timed_out = false;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (!receive(std::max(left, std::chrono::milliseconds(1)), timed_out)) return true;
        pending_.clear();
    }
    return false;
}

std::string get_request(std::string_view target, std::string_view host) {
    std::string request = "GET ";
    request.append(target).append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n\r\n");
    return request;
}

pid_t spawn(const std::vector<std::string>& argv) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::vector<std::string> storage = argv;
    std::vector<char*> args;
    for (auto& arg : storage) args.push_back(arg.data());
    args.push_back(nullptr);
    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start " + argv.front());
    return pid;
}

ExitStatus wait_for(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) return {true, WTERMSIG(status)};
    return {false, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

std::filesystem::path write_large_corpus(const std::filesystem::path& destination, int copies) {
    std::filesystem::create_directories(destination);
    const auto root = copy_fixture_corpus(destination);
    std::vector<std::filesystem::path> originals;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root / "patterns")) {
        if (entry.path().extension() == ".md") originals.push_back(entry.path());
    }
    for (const auto& original : originals) {
        const std::string content = read_file(original);
        for (int copy = 1; copy <= copies; ++copy) {
            const auto name = original.stem().string() + "-copy-" + std::to_string(copy) + ".md";
            write_file(original.parent_path() / name, content);
        }
    }
    return root;
}

CommandResult run_indexer(const std::filesystem::path& corpus, const std::filesystem::path& index) {
    return run_command((bin_dir() / "pattern-indexer").string() + " --corpus " + corpus.string() + " --index " +
                       index.string());
}

}  // namespace pai::test
