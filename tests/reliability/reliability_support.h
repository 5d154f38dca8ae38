/** @file
 *  @brief Helpers for the daemon-level reliability tests: a raw TCP client for requests no well-behaved
 *  client sends, child processes that can be killed at any moment, and a fixture corpus big enough that a
 *  build takes a while.
 */
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "test_support.h"

namespace pai::test {

/// A blocking TCP connection to the daemon at @p url (http://127.0.0.1:PORT), closed on destruction.
class RawConnection {
public:
    explicit RawConnection(const std::string& url);
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    /// Sends all of @p bytes; false when the peer has closed the connection.
    bool send(std::string_view bytes);

    /// Reads one HTTP response (headers and a Content-Length body), or what arrived before the peer closed
    /// or @p timeout passed.
    std::string read_response(std::chrono::milliseconds timeout = std::chrono::seconds(10));

    /// Whether the peer closes the connection (EOF or reset) within @p timeout; data that arrives first is
    /// discarded.
    bool closed_within(std::chrono::milliseconds timeout);

private:
    int fd_ = -1;
    std::string pending_;

    /// Waits up to @p timeout for bytes; appends them to pending_. Returns false on EOF or error.
    bool receive(std::chrono::milliseconds timeout, bool& timed_out);
};

/// A GET request for @p target with the given Host header, keeping the connection open.
std::string get_request(std::string_view target, std::string_view host = "127.0.0.1");

/// Starts @p argv (argv[0] is a path) with stdout and stderr going to /dev/null.
pid_t spawn(const std::vector<std::string>& argv);

struct ExitStatus {
    bool signalled = false;  ///< killed by a signal rather than exiting
    int code = -1;           ///< the exit code, or the signal number
};
ExitStatus wait_for(pid_t pid);

/// Writes a corpus into @p destination: the fixture corpus plus @p copies copies of each of its patterns
/// under new ids, so that building it takes long enough to be interrupted at many points.
std::filesystem::path write_large_corpus(const std::filesystem::path& destination, int copies);

/// Runs pattern-indexer on @p corpus into @p index; returns its exit status and output.
CommandResult run_indexer(const std::filesystem::path& corpus, const std::filesystem::path& index);

}  // namespace pai::test
