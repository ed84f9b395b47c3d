// Instance files: problem instances with their expected answers, one JSON
// object per line (docs/tasks.md):
//   {"tokens": ["p3", "p17"] | "tokens": "s>ss," | "vectors": [[1, 0], ...],
//    "label": L, "meta": {...}}
// L is 0 or 1 for decision tasks, a number or a list of numbers for value
// tasks (the expected readout after the last step); integers beyond 64 bits
// and fractions are written as strings ("-3", "1/3").
#pragma once

#include <gmpxx.h>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rnncc::io {

/// One instance.
struct Instance {
  /// Token inputs: the symbols in order.
  std::vector<std::string> tokens;
  /// Vector inputs: one vector per step (empty for token inputs).
  std::vector<std::vector<mpq_class>> vectors;
  /// The expected readout after the last step: one number (0/1 for a
  /// decision), or several.
  std::vector<mpq_class> label;
  /// The label was written as a list (even of one number).
  bool label_is_list = false;
  /// The instance in plain form (graph, matrices, ...), as compact JSON
  /// text; "{}" when absent.
  std::string meta = "{}";
  /// Its line in the file it was read from (1-based; 0 when generated).
  std::size_t line = 0;

  bool has_vectors() const { return !vectors.empty(); }
  /// Number of steps.
  std::size_t length() const { return has_vectors() ? vectors.size() : tokens.size(); }
};

/// Largest instance file rnncc reads.
inline constexpr std::uint64_t max_instance_file_bytes = std::uint64_t{1} << 30;

/// Reads an instance file ("-" for standard input). Throws InputError with
/// one line naming the file, the line and what was expected: not JSON,
/// not an object, unknown keys, both or neither of tokens and vectors, an
/// empty input, vectors of different lengths, a missing or malformed
/// label, a number that is not an integer or a "p/q" string. Lines are
/// parsed on `threads` threads; with several bad lines the first is named.
std::vector<Instance> read_instance_file(const std::filesystem::path& path, unsigned threads = 1);

/// The instances as the lines of an instance file: tokens as one string
/// when every symbol is one character (none of them '"' or '\\'), else as
/// a list.
std::string format_instances(const std::vector<Instance>& instances);

/// Writes format_instances(instances) to `path` atomically ("-" for
/// standard output).
void write_instance_file(const std::filesystem::path& path, const std::vector<Instance>& instances);

}  // namespace rnncc::io
