// Minimal stand-ins for Boost.Asio's timers and cancellation types.
#pragma once
namespace boost {
namespace asio {
class io_context {};
namespace chrono_mock {
struct steady_clock {};
struct ptime {};
} // namespace chrono_mock
template <class Clock> class basic_waitable_timer {
public:
  explicit basic_waitable_timer(io_context &) {}
  void cancel() {}
};
using steady_timer = basic_waitable_timer<chrono_mock::steady_clock>;
template <class Time> class basic_deadline_timer {
public:
  explicit basic_deadline_timer(io_context &) {}
  void cancel() {}
};
using deadline_timer = basic_deadline_timer<chrono_mock::ptime>;
class cancellation_slot {
public:
  bool is_connected() const { return false; }
};
class cancellation_signal {
public:
  cancellation_slot slot() { return {}; }
};
} // namespace asio
} // namespace boost
