/** @file
 *  @brief fork/exec of the daemon, reading its "listening on" line from a pipe.
 */
#include "daemon_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>

#include "test_support.h"

namespace pai::test {

DaemonProcess::DaemonProcess(const std::vector<std::string>& args, const std::filesystem::path& log_file) {
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
    std::vector<std::string> argv_storage{(bin_dir() / "pattern-searchd").string(), "--listen", "127.0.0.1:0"};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    pid_ = ::fork();
    if (pid_ == 0) {
        ::dup2(out[1], STDOUT_FILENO);
        if (!log_file.empty()) ::dup2(::open(log_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), STDERR_FILENO);
        ::close(out[0]);
        ::close(out[1]);
        std::vector<char*> argv;
        for (auto& arg : argv_storage) argv.push_back(arg.data());
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        std::_Exit(127);
    }
    ::close(out[1]);
    FILE* stream = ::fdopen(out[0], "r");
    char line[256] = {};
    const bool got_line = std::fgets(line, sizeof line, stream) != nullptr;
    std::fclose(stream);
    const std::string text = got_line ? line : "";
    const auto at = text.find("http://");
    if (at == std::string::npos) {
        stop(SIGKILL);
        throw std::runtime_error("pattern-searchd did not start: '" + text + "'");
    }
    url_ = text.substr(at);
    while (!url_.empty() && (url_.back() == '\n' || url_.back() == '/')) url_.pop_back();
}

DaemonProcess::~DaemonProcess() {
    if (pid_ > 0) stop(SIGKILL);
}

int DaemonProcess::stop(int signal) {
    if (pid_ <= 0) return -1;
    ::kill(pid_, signal);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace pai::test
