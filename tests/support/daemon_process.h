/** @file
 *  @brief Runs a real pattern-searchd on an ephemeral port for the duration of a test.
 */
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace pai::test {

class DaemonProcess {
public:
    /// Starts pattern-searchd on 127.0.0.1:0 with @p args, and waits for the line naming its URL. Its
    /// stderr (the JSON log) goes to @p log_file when one is given.
    explicit DaemonProcess(const std::vector<std::string>& args, const std::filesystem::path& log_file = {});
    ~DaemonProcess();
    DaemonProcess(const DaemonProcess&) = delete;
    DaemonProcess& operator=(const DaemonProcess&) = delete;

    const std::string& url() const { return url_; }  ///< e.g. http://127.0.0.1:34567
    pid_t pid() const { return pid_; }

    /// Sends @p signal and waits for the exit status; returns it (or -1).
    int stop(int signal);

private:
    pid_t pid_ = -1;
    std::string url_;
};

}  // namespace pai::test
