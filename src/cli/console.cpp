#include "console.hpp"

#include <unistd.h>

#include <cstdlib>
#include <string_view>

namespace rnncc::cli {

namespace {

bool quiet_flag = false;

/// Whether the terminal behind `stream` understands cursor escapes.
bool escapes_allowed(std::FILE* stream) {
  if (isatty(fileno(stream)) == 0) return false;
  const char* term = std::getenv("TERM");
  return term == nullptr || std::string_view(term) != "dumb";
}

}  // namespace

void set_quiet(bool quiet) {
  quiet_flag = quiet;
}

bool quiet() {
  return quiet_flag;
}

bool colour_allowed(std::FILE* stream) {
  const char* no_colour = std::getenv("NO_COLOR");
  return escapes_allowed(stream) && (no_colour == nullptr || *no_colour == '\0');
}

void progress_in_place(const std::string& text) {
  if (quiet_flag || !escapes_allowed(stderr)) return;
  fmt::print(stderr, "\r\033[K{}", text);
}

Heartbeat::Heartbeat(std::string command, std::string what, std::chrono::seconds interval)
    : command_(std::move(command)),
      what_(std::move(what)),
      interval_(interval),
      start_(std::chrono::steady_clock::now()) {
  if (!quiet_flag) thread_ = std::thread([this] { beat(); });
}

Heartbeat::~Heartbeat() {
  if (!thread_.joinable()) return;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  stopped_.notify_one();
  thread_.join();
  if (printed_) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    info("{}: {} took {:.1f} s", command_, what_, seconds);
  }
}

void Heartbeat::beat() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (auto next = start_ + interval_;; next += interval_) {
    if (stopped_.wait_until(lock, next, [this] { return stop_; })) return;
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(next - start_).count();
    info("{}: {}, {} s so far", command_, what_, seconds);
    printed_ = true;
  }
}

}  // namespace rnncc::cli
