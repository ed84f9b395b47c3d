// What rnncc prints on standard error besides errors — information,
// progress — and whether it may colour its output: one place that obeys
// --quiet and NO_COLOR.
#pragma once

#include <fmt/core.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

namespace rnncc::cli {

/// Sets --quiet for the rest of the process: info() and progress print
/// nothing; errors are still printed.
void set_quiet(bool quiet);

/// Whether --quiet was given.
bool quiet();

/// One line of information on standard error (a summary, a note), unless
/// --quiet. `format` holds no line end: info() adds it.
template <class... Arguments>
void info(fmt::format_string<Arguments...> format, Arguments&&... arguments) {
  if (quiet()) return;
  std::string line = fmt::format(format, std::forward<Arguments>(arguments)...);
  line += '\n';
  std::fputs(line.c_str(), stderr);
}

/// Whether `stream` (stdout or stderr) may carry colour: it is a terminal,
/// NO_COLOR is unset or empty and TERM is not "dumb".
bool colour_allowed(std::FILE* stream);

/// A progress line on a terminal, rewritten in place ("" removes it);
/// nothing when standard error is not a terminal that takes the escape
/// (TERM=dumb) or under --quiet.
void progress_in_place(const std::string& text);

/// While alive, a line on standard error every `interval` (unless
/// --quiet): "COMMAND: WHAT, N s so far" — so a long step shows it is
/// alive also when standard error is a pipe or a log file. On destruction,
/// if any line was printed: "COMMAND: WHAT took S s".
class Heartbeat {
 public:
  Heartbeat(std::string command, std::string what,
            std::chrono::seconds interval = std::chrono::seconds(10));
  ~Heartbeat();
  Heartbeat(const Heartbeat&) = delete;
  Heartbeat& operator=(const Heartbeat&) = delete;

 private:
  void beat();

  std::string command_, what_;
  std::chrono::seconds interval_;
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
  std::condition_variable stopped_;
  bool stop_ = false;
  bool printed_ = false;
  std::thread thread_;
};

/// Runs `work` under a Heartbeat named `command` and `what`, and returns
/// what it returns.
template <class Work>
decltype(auto) with_heartbeat(std::string command, std::string what, Work&& work) {
  Heartbeat heartbeat(std::move(command), std::move(what));
  return std::forward<Work>(work)();
}

}  // namespace rnncc::cli
