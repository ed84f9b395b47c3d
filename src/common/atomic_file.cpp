#include "rnncc/common/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstring>
#include <mutex>
#include <optional>
#include <random>
#include <string>

#include <fmt/format.h>

#include "rnncc/common/error.hpp"

namespace rnncc {

namespace {

/// A suffix unlikely to collide with another writer's temporary file.
std::string random_suffix() {
  static thread_local std::mt19937_64 generator{std::random_device{}() ^
                                                static_cast<std::uint64_t>(::getpid())};
  return fmt::format(".tmp-{:012x}", generator() & 0xffffffffffffULL);
}

// The temporary files that exist now, for the signal handlers: a slot holds
// a pointer to a path's characters or null. Atomic pointers are lock-free,
// so the handler may read them.
constexpr std::size_t signal_slot_count = 256;
std::array<std::atomic<const char*>, signal_slot_count> temporary_paths{};
/// For a temporary file kept when interrupted, in the same slot: the path
/// it is renamed to (null: it is removed).
std::array<std::atomic<const char*>, signal_slot_count> interrupted_destinations{};
static_assert(std::atomic<const char*>::is_always_lock_free);

constexpr std::array<int, 3> cleaned_up_signals{SIGINT, SIGTERM, SIGHUP};
/// The action each of those signals had before ours, run after cleaning up.
std::array<struct sigaction, cleaned_up_signals.size()> previous_actions{};

extern "C" void remove_temporary_files_then_die(int signal) {
  for (std::size_t slot = 0; slot < signal_slot_count; ++slot) {
    const char* path = temporary_paths[slot].exchange(nullptr);
    if (path == nullptr) continue;
    const char* destination = interrupted_destinations[slot].exchange(nullptr);
    if (destination == nullptr || ::rename(path, destination) != 0) ::unlink(path);
  }
  // Restore the action the signal had before, then raise it again: it is
  // blocked until this handler returns, then it acts as if rnncc had never
  // caught it (by default, ending the process).
  for (std::size_t i = 0; i < cleaned_up_signals.size(); ++i) {
    if (cleaned_up_signals[i] == signal) ::sigaction(signal, &previous_actions[i], nullptr);
  }
  ::raise(signal);
}

/// Puts the handler in front of each signal's current action, unless the
/// signal is ignored (as under nohup) or the handler is already there.
void install_signal_handlers() {
  static std::mutex installing;
  const std::lock_guard<std::mutex> lock(installing);
  for (std::size_t i = 0; i < cleaned_up_signals.size(); ++i) {
    struct sigaction current {};
    if (::sigaction(cleaned_up_signals[i], nullptr, &current) != 0) continue;
    if (current.sa_handler == SIG_IGN || current.sa_handler == remove_temporary_files_then_die)
      continue;
    previous_actions[i] = current;
    struct sigaction action {};
    action.sa_handler = remove_temporary_files_then_die;
    ::sigemptyset(&action.sa_mask);
    ::sigaction(cleaned_up_signals[i], &action, nullptr);
  }
}

/// The slot now holding `path`, or -1 when every slot is taken (the file is
/// then only removed by normal unwinding).
int remember_temporary(const char* path) {
  install_signal_handlers();
  for (std::size_t slot = 0; slot < signal_slot_count; ++slot) {
    const char* empty = nullptr;
    if (temporary_paths[slot].compare_exchange_strong(empty, path)) return static_cast<int>(slot);
  }
  return -1;
}

/// Empties `slot` (if it holds a temporary file) and sets it to -1.
void release_signal_slot(int& slot) {
  if (slot < 0) return;
  interrupted_destinations[static_cast<std::size_t>(slot)].store(nullptr);
  temporary_paths[static_cast<std::size_t>(slot)].store(nullptr);
  slot = -1;
}

/// The descriptor N of `/proc/self/fd/N` or `/dev/fd/N`, which name a
/// descriptor of this process rather than a file.
std::optional<int> own_descriptor_of(const std::filesystem::path& path) {
  const std::string text = path.lexically_normal().string();
  for (std::string_view prefix : {"/proc/self/fd/", "/dev/fd/"}) {
    if (text.rfind(prefix, 0) != 0) continue;
    const char* first = text.data() + prefix.size();
    const char* last = text.data() + text.size();
    int descriptor = -1;
    const auto [end, error] = std::from_chars(first, last, descriptor);
    if (error == std::errc() && end == last && first != last) return descriptor;
  }
  return std::nullopt;
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path destination) : destination_(std::move(destination)) {
  if (destination_ == "-") {
    // Standard output: what the process printed there so far comes first.
    std::fflush(stdout);
    open_directly(::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 0));
    return;
  }
  // Follow symbolic links one at a time, so that a link to a file that
  // does not exist yet creates that file and a link to a descriptor of this
  // process (/dev/stdout) writes to the descriptor.
  std::filesystem::path current = destination_;
  for (int hop = 0;; ++hop) {
    if (std::optional<int> descriptor = own_descriptor_of(current)) {
      open_directly(::fcntl(*descriptor, F_DUPFD_CLOEXEC, 0));
      return;
    }
    struct stat link {};
    if (::lstat(current.c_str(), &link) != 0) {
      if (errno != ENOENT) fail("cannot look at it");
      open_temporary_beside(current);  // a new file
      return;
    }
    if (!S_ISLNK(link.st_mode)) break;
    if (hop == 40) {
      errno = ELOOP;
      fail("cannot follow its symbolic links");
    }
    std::error_code error;
    std::filesystem::path next = std::filesystem::read_symlink(current, error);
    if (error) {
      errno = error.value();
      fail("cannot read the symbolic link");
    }
    current = next.is_absolute() ? next : current.parent_path() / next;
  }
  struct stat status {};
  if (::stat(current.c_str(), &status) != 0) fail("cannot look at it");
  if (S_ISDIR(status.st_mode)) {
    throw InputError(
        fmt::format("{}: is a directory; expected a file to write", destination_.string()));
  }
  if (S_ISREG(status.st_mode)) {
    open_temporary_beside(current);
  } else {
    // A device, pipe, FIFO or socket: nothing to replace, write through.
    open_directly(::open(current.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY));
  }
}

void AtomicFile::open_temporary_beside(const std::filesystem::path& target) {
  target_ = target;
  // O_EXCL with a fresh random name; mode 0666 lets the umask decide the
  // final permissions, exactly as for a file created directly.
  for (int attempt = 0; attempt < 100; ++attempt) {
    temporary_ = target_.string() + random_suffix();
    int descriptor = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (descriptor < 0) {
      if (errno == EEXIST) continue;
      temporary_.clear();
      fail("cannot create a temporary file beside it");
    }
    signal_slot_ = remember_temporary(temporary_.c_str());
    file_ = ::fdopen(descriptor, "wb");
    if (file_ == nullptr) {
      int saved = errno;
      ::close(descriptor);
      forget_temporary();
      errno = saved;
      fail("cannot open the temporary file");
    }
    return;
  }
  temporary_.clear();
  fail("cannot find a free temporary name beside it");
}

void AtomicFile::open_directly(int descriptor) {
  if (descriptor < 0) fail("cannot open it for writing");
  file_ = ::fdopen(descriptor, "wb");
  if (file_ == nullptr) {
    int saved = errno;
    ::close(descriptor);
    errno = saved;
    fail("cannot open it for writing");
  }
}

void AtomicFile::forget_temporary() {
  if (temporary_.empty()) return;
  release_signal_slot(signal_slot_);
  ::unlink(temporary_.c_str());
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  if (file_ != nullptr) std::fclose(file_);
  forget_temporary();
}

void AtomicFile::fail(std::string_view what) const {
  throw InputError(fmt::format("{}: {}: {}", destination_.string(), what, std::strerror(errno)));
}

void AtomicFile::write(std::string_view bytes) {
  if (bytes.empty()) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) fail("write failed");
}

void AtomicFile::flush() {
  if (std::fflush(file_) != 0) fail("write failed");
}

void AtomicFile::keep_when_interrupted() {
  if (signal_slot_ >= 0) {
    interrupted_destinations[static_cast<std::size_t>(signal_slot_)].store(target_.c_str());
  }
}

void AtomicFile::commit() {
  if (std::fflush(file_) != 0) fail("write failed");
  std::FILE* file = file_;
  file_ = nullptr;
  if (std::fclose(file) != 0) fail("write failed");
  if (!temporary_.empty()) {
    if (::rename(temporary_.c_str(), target_.c_str()) != 0)
      fail("cannot rename the temporary file");
    release_signal_slot(signal_slot_);
  }
  committed_ = true;
}

void write_file_atomically(const std::filesystem::path& path, std::string_view contents) {
  AtomicFile file(path);
  file.write(contents);
  file.commit();
}

}  // namespace rnncc
