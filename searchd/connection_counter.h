/** @file
 *  @brief Counts open connections against the `--max-connections` cap; a Slot is held for a connection's
 *  whole life and gives its place back when destroyed.
 */
#pragma once

#include <atomic>
#include <cstddef>
#include <utility>

namespace pai {

class ConnectionCounter {
public:
    class Slot {
    public:
        Slot() = default;
        explicit Slot(ConnectionCounter* counter) : counter_(counter) {}
        Slot(Slot&& other) noexcept : counter_(std::exchange(other.counter_, nullptr)) {}
        Slot& operator=(Slot&&) = delete;
        ~Slot() {
            if (counter_) counter_->active_.fetch_sub(1);
        }
        /// False for a connection over the cap, which is answered 503 and closed.
        bool admitted() const { return counter_ != nullptr; }

    private:
        ConnectionCounter* counter_ = nullptr;
    };

    /// A slot when fewer than @p max connections hold one, otherwise a refused (not admitted) slot.
    Slot try_acquire(std::size_t max) {
        std::size_t current = active_.load();
        while (current < max) {
            if (active_.compare_exchange_weak(current, current + 1)) return Slot(this);
        }
        return Slot();
    }

    std::size_t active() const { return active_.load(); }

private:
    std::atomic<std::size_t> active_{0};
};

}  // namespace pai
