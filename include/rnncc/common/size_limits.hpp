// The sizes rnncc refuses as too large before it spends memory or time on
// them; the command-line tool raises them with its flags.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace rnncc {

/// Limits checked before allocating or building (docs/reliability.md lists
/// where each applies). Exceeding one is a LimitError naming the amount
/// that would have been needed, the limit and the flag that raises it.
struct SizeLimits {
  /// Bytes of a text input file read whole: a pattern, vector, `.arith` or
  /// model file (`--max-file-bytes`).
  std::uint64_t max_file_bytes = std::uint64_t{1} << 28;
  /// AND gates a circuit may reach while it is built (`--max-ands`). The
  /// library's default is what an Aig can hold; the command-line tool
  /// starts from command_line_max_and_count.
  std::uint64_t max_and_count = (std::uint64_t{1} << 31) - 1;
  /// Weights (tensor elements) a model, or a safetensors file, may hold:
  /// each becomes an exact rational of 32 bytes or more (`--max-weights`).
  std::uint64_t max_weight_count = std::uint64_t{1} << 26;
  /// Bytes of one set of bit patterns (a circuit's inputs or outputs under
  /// every pattern, 1 bit each), or of the random input sequences `verify`
  /// holds (`--max-pattern-bytes`).
  std::uint64_t max_pattern_bytes = std::uint64_t{1} << 32;
};

/// The AND limit `rnncc` starts from: a circuit of this size builds in
/// seconds, so a small input cannot make the tool run for minutes unasked.
constexpr std::uint64_t command_line_max_and_count = std::uint64_t{1} << 25;

/// The process's limits: the defaults above unless the command line changed
/// them (set them before any work starts; they are not synchronised).
SizeLimits& size_limits();

/// The contents of the input file at `path` (read_file_text within
/// size_limits().max_file_bytes): a directory, an unreadable file or an
/// endless device is an InputError naming the path; a larger file a
/// LimitError naming the limit and --max-file-bytes. `what` names what the
/// file should be ("a pattern file").
std::string read_input_file_text(const std::filesystem::path& path, std::string_view what);

}  // namespace rnncc
