/** @file
 *  @brief fork/exec of xapian-tcpsrv and a connect loop that waits for it to listen.
 */
#include "tcp_shard_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace pai::test {
namespace {

constexpr int kStartAttempts = 3;  // another process may take the free port between probe and bind
constexpr auto kStartTimeout = std::chrono::seconds(10);

sockaddr_in loopback(unsigned short port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

/// A port the kernel just handed out for 127.0.0.1 (xapian-tcpsrv cannot report one it picked itself).
unsigned short free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = loopback(0);
    socklen_t length = sizeof address;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        if (fd >= 0) ::close(fd);
        throw std::runtime_error("cannot find a free port");
    }
    ::close(fd);
    return ntohs(address.sin_port);
}

bool accepts_connections(unsigned short port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = loopback(port);
    const bool connected = fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    if (fd >= 0) ::close(fd);
    return connected;
}

}  // namespace

TcpShardServer::TcpShardServer(const std::filesystem::path& index_dir) {
    for (int attempt = 0; attempt < kStartAttempts; ++attempt) {
        if (start(index_dir)) return;
    }
    throw std::runtime_error("xapian-tcpsrv did not start for " + index_dir.string());
}

TcpShardServer::~TcpShardServer() {
    stop();
}

bool TcpShardServer::start(const std::filesystem::path& index_dir) {
    port_ = free_port();
    std::vector<std::string> args{PAI_XAPIAN_TCPSRV,     "--interface", "127.0.0.1",       "--port",
                                  std::to_string(port_), "--quiet",     index_dir.string()};
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive the test
        // Quiet: the readiness probe's bare connect makes the server log a broken pipe.
        if (const int null = ::open("/dev/null", O_WRONLY); null >= 0) ::dup2(null, STDERR_FILENO);
        std::vector<char*> argv;
        for (auto& arg : args) argv.push_back(arg.data());
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        std::_Exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (accepts_connections(port_)) return true;
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;  // exited: most likely the port was taken meanwhile
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    stop();
    return false;
}

void TcpShardServer::stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

}  // namespace pai::test
