#include "rnncc/common/subprocess.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "rnncc/common/error.hpp"

extern char** environ;

namespace rnncc {

namespace {

/// Closes a file descriptor when it goes out of scope.
class Descriptor {
 public:
  explicit Descriptor(int descriptor = -1) : descriptor_(descriptor) {}
  ~Descriptor() { close(); }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return descriptor_; }
  void close() {
    if (descriptor_ >= 0) ::close(descriptor_);
    descriptor_ = -1;
  }

 private:
  int descriptor_;
};

/// posix_spawn_file_actions_t, destroyed when it goes out of scope.
class FileActions {
 public:
  FileActions() { posix_spawn_file_actions_init(&actions_); }
  ~FileActions() { posix_spawn_file_actions_destroy(&actions_); }
  FileActions(const FileActions&) = delete;
  FileActions& operator=(const FileActions&) = delete;
  posix_spawn_file_actions_t* get() { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_;
};

}  // namespace

ProgramResult run_program(const std::filesystem::path& program,
                          const std::vector<std::string>& arguments) {
  int ends[2];
  if (::pipe2(ends, O_CLOEXEC) != 0) {
    throw InputError(fmt::format("cannot run {}: {}", program.string(), std::strerror(errno)));
  }
  Descriptor read_end(ends[0]), write_end(ends[1]);
  FileActions actions;
  posix_spawn_file_actions_addopen(actions.get(), 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(actions.get(), write_end.get(), 1);
  posix_spawn_file_actions_adddup2(actions.get(), write_end.get(), 2);

  const std::string program_text = program.string();
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program_text.c_str()));
  for (const std::string& argument : arguments)
    argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  pid_t child = 0;
  const int failure =
      posix_spawn(&child, program_text.c_str(), actions.get(), nullptr, argv.data(), environ);
  if (failure != 0) {
    throw InputError(fmt::format("cannot run {}: {}", program_text, std::strerror(failure)));
  }
  write_end.close();
  ProgramResult result;
  char buffer[65536];
  for (;;) {
    const ssize_t got = ::read(read_end.get(), buffer, sizeof buffer);
    if (got > 0) {
      result.output.append(buffer, static_cast<std::size_t>(got));
    } else if (got == 0 || errno != EINTR) {
      break;
    }
  }
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

std::optional<std::filesystem::path> find_program(std::initializer_list<std::string_view> names) {
  const char* path_variable = std::getenv("PATH");
  const std::string directories = path_variable != nullptr ? path_variable : "/usr/bin:/bin";
  for (std::string_view name : names) {
    if (name.find('/') != std::string_view::npos) {
      if (::access(std::string(name).c_str(), X_OK) == 0) return std::filesystem::path(name);
      continue;
    }
    std::size_t start = 0;
    while (start <= directories.size()) {
      std::size_t end = directories.find(':', start);
      if (end == std::string::npos) end = directories.size();
      const std::filesystem::path directory =
          end == start ? std::filesystem::path(".")
                       : std::filesystem::path(directories.substr(start, end - start));
      const std::filesystem::path candidate = directory / name;
      std::error_code error;
      if (std::filesystem::is_regular_file(candidate, error) &&
          ::access(candidate.c_str(), X_OK) == 0) {
        return candidate;
      }
      start = end + 1;
    }
  }
  return std::nullopt;
}

}  // namespace rnncc
