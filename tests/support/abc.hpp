// Running ABC (berkeley-abc, the outside reference for AIG statistics and
// equivalence) from tests, and reading its answers.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace rnncc::test {

/// True when CMake found an ABC executable (RNNCC_ABC_EXECUTABLE).
bool abc_available();

/// Runs `berkeley-abc -c COMMANDS` with `directory` as working directory and
/// returns everything it printed, terminal colour codes removed. ABC exits
/// with 0 even when a command fails, so callers must check the text. Throws
/// std::runtime_error when ABC is missing or cannot be started.
std::string run_abc(const std::string& commands, const std::filesystem::path& directory);

/// What ABC's `&ps` prints about a circuit.
struct AbcStatistics {
  std::uint64_t inputs = 0;
  std::uint64_t outputs = 0;
  std::uint64_t ands = 0;
  std::uint64_t levels = 0;
};

/// `&r FILE; &ps` on a binary AIGER file. Throws std::runtime_error holding
/// ABC's output when it prints no statistics line (e.g. a file it rejects).
AbcStatistics abc_statistics(const std::filesystem::path& file);

/// How ABC's &cec decides.
enum class AbcCecMethod {
  sat,                    ///< `&cec`: SAT sweeping, any size (slow on multipliers)
  exhaustive_simulation,  ///< `&cec -t`: all 2^n input patterns, n <= 40
};

/// `&cec FIRST SECOND`: true when ABC reports the networks equivalent, false
/// when it reports them not equivalent; throws std::runtime_error with ABC's
/// output for any other answer (e.g. undecided).
bool abc_equivalent(const std::filesystem::path& first, const std::filesystem::path& second,
                    AbcCecMethod method = AbcCecMethod::sat);

/// A new empty directory under the system's temporary directory, removed
/// with its contents when this object is destroyed.
class TemporaryDirectory {
 public:
  TemporaryDirectory();
  ~TemporaryDirectory();
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;

  const std::filesystem::path& path() const { return path_; }
  /// `path() / name`.
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

}  // namespace rnncc::test
