// Writing a file so that readers see either the old file or the complete new
// one, never a partial write.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace rnncc {

/// A file being written under a temporary name beside its destination
/// (`DEST.tmp-XXXXXX` in the same directory, so the final rename cannot cross
/// file systems). commit() flushes, closes and renames it over the
/// destination; destruction without commit() removes the temporary file and
/// leaves the destination untouched. Errors throw InputError naming the
/// destination path and the system's reason.
///
/// Only a regular file (or a new one) is replaced that way. A symbolic link
/// is followed, so the file it names is replaced and the link stays; a
/// character device, a pipe, a FIFO or a socket (`/dev/stdout`,
/// `/dev/null`, `/dev/fd/N`) is written through directly, as a shell
/// redirection would, and so is standard output, named "-" (after what the
/// process printed there so far); a directory is refused. While a temporary file
/// exists, SIGINT, SIGTERM and SIGHUP remove it first, then act as they
/// would have (an ignored signal stays ignored).
class AtomicFile {
 public:
  /// Creates the temporary file, or opens the special file (throws
  /// InputError if the directory is not writable or does not exist, or the
  /// destination is a directory).
  explicit AtomicFile(std::filesystem::path destination);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  /// Appends `bytes` to the temporary file.
  void write(std::string_view bytes);
  /// Hands what was written so far to the system, so that it survives the
  /// process being interrupted (see keep_when_interrupted).
  void flush();
  /// From now on SIGINT, SIGTERM and SIGHUP rename the temporary file over
  /// the destination instead of removing it, so an interrupted long run
  /// keeps what it flushed; an error (destruction without commit) still
  /// removes it. Nothing changes for a file written through directly.
  void keep_when_interrupted();
  /// Completes the file: flush, close, rename over the destination.
  void commit();

  const std::filesystem::path& destination() const { return destination_; }
  /// True when the file is written through directly (standard output, a
  /// device, a pipe), not under a temporary name.
  bool writes_through() const { return temporary_.empty(); }

 private:
  [[noreturn]] void fail(std::string_view what) const;
  void open_temporary_beside(const std::filesystem::path& target);
  void open_directly(int descriptor);
  void forget_temporary();

  std::filesystem::path destination_;  ///< as the caller named it
  std::filesystem::path target_;       ///< the file renamed over: links followed
  std::string temporary_;              ///< empty when writing through directly
  int signal_slot_ = -1;               ///< where the signal handlers find temporary_
  std::FILE* file_ = nullptr;
  bool committed_ = false;
};

/// Writes `contents` to `path` through an AtomicFile.
void write_file_atomically(const std::filesystem::path& path, std::string_view contents);

}  // namespace rnncc
