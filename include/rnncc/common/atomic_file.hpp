// Writing a file so that readers see either the old file or the complete new
// one, never a partial write.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string_view>

namespace rnncc {

/// A file being written under a temporary name beside its destination
/// (`DEST.tmp-XXXXXX` in the same directory, so the final rename cannot cross
/// file systems). commit() flushes, closes and renames it over the
/// destination; destruction without commit() removes the temporary file and
/// leaves the destination untouched. Errors throw InputError naming the
/// destination path and the system's reason.
class AtomicFile {
 public:
  /// Creates the temporary file (throws InputError if the directory is not
  /// writable or does not exist).
  explicit AtomicFile(std::filesystem::path destination);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  /// Appends `bytes` to the temporary file.
  void write(std::string_view bytes);
  /// Completes the file: flush, close, rename over the destination.
  void commit();

  const std::filesystem::path& destination() const { return destination_; }

 private:
  [[noreturn]] void fail(std::string_view what) const;

  std::filesystem::path destination_;
  std::filesystem::path temporary_;
  std::FILE* file_ = nullptr;
  bool committed_ = false;
};

/// Writes `contents` to `path` through an AtomicFile.
void write_file_atomically(const std::filesystem::path& path, std::string_view contents);

}  // namespace rnncc
