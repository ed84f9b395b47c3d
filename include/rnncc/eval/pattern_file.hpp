// Pattern files: one pattern per line, one character 0 or 1 per signal (the
// convention of ABC's `sim -A` and of aigsim).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "rnncc/eval/pattern_set.hpp"

namespace rnncc::eval {

/// Parses pattern lines: line k (from 1) is pattern k-1 and holds exactly
/// `signal_count` characters `0`/`1`, character i the value of signal i. A
/// final line break is optional; a `\r` before a line break is ignored.
/// Every other line (blank ones included, unless signal_count is 0) is
/// refused with InputError `SOURCE:LINE: ...` naming the column or the
/// length expected.
PatternSet parse_patterns(std::string_view text, std::uint32_t signal_count,
                          std::string_view source_name);

/// Reads and parses the pattern file at `path` (errors name the path).
PatternSet read_pattern_file(const std::filesystem::path& path, std::uint32_t signal_count);

/// The patterns as parse_patterns reads them: one line per pattern, each
/// ended by a line break.
std::string format_patterns(const PatternSet& patterns);

/// Pattern `pattern` alone as a string of 0/1 characters, signal 0 first.
std::string format_pattern(const PatternSet& patterns, std::uint64_t pattern);

}  // namespace rnncc::eval
