// The sequence lengths T a growth experiment measures, and the text that
// names them (`rnncc growth --lengths`).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace rnncc::experiment {

/// The default lengths of a compiled sweep: powers of two from the shortest
/// to the longest (or to a default-set entry's own longest).
inline constexpr std::uint64_t default_shortest_length = 16;
inline constexpr std::uint64_t default_longest_length = 4096;

/// The longest default length of an analytic sweep.
inline constexpr std::uint64_t analytic_default_longest_length = std::uint64_t{1} << 40;

/// The longest length an analytic sweep accepts (compile::ModelDepth's limit).
inline constexpr std::uint64_t analytic_longest_length = std::uint64_t{1} << 62;

/// Parses `--lengths` text: "A..B" (A, 2A, 4A, ... while at most B) or a
/// list "A,B,C"; each length is decimal digits or 2^K, at least 1 and at
/// most `longest`. Returns the lengths sorted, without repeats. Throws
/// InputError naming the text: a length that is not one or is out of range,
/// or a range whose first length exceeds its last.
std::vector<std::uint64_t> parse_lengths(std::string_view text, std::uint64_t longest);

/// first, 2·first, 4·first, ... while at most `last` (empty when first > last,
/// and never overflowing). `first` must be at least 1.
std::vector<std::uint64_t> powers_of_two(std::uint64_t first, std::uint64_t last);

}  // namespace rnncc::experiment
