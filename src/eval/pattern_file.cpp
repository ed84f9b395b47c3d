#include "rnncc/eval/pattern_file.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iterator>
#include <vector>

#include "rnncc/common/error.hpp"
#include "rnncc/common/size_limits.hpp"

namespace rnncc::eval {

namespace {

/// The lines of `text`: a final line break does not start another line,
/// and a `\r` before a line break is dropped.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

std::string printable(char c) {
  if (c >= 0x21 && c <= 0x7e) return fmt::format("'{}'", c);
  return fmt::format("byte 0x{:02x}", static_cast<unsigned char>(c));
}

}  // namespace

PatternSet parse_patterns(std::string_view text, std::uint32_t signal_count,
                          std::string_view source_name) {
  const std::vector<std::string_view> lines = split_lines(text);
  PatternSet patterns(signal_count, lines.size());
  for (std::uint64_t pattern = 0; pattern < lines.size(); ++pattern) {
    std::string_view line = lines[pattern];
    for (std::size_t column = 0; column < line.size() && column < signal_count; ++column) {
      const char c = line[column];
      if (c != '0' && c != '1') {
        throw InputError(fmt::format("{}:{}: column {}: expected 0 or 1, found {}", source_name,
                                     pattern + 1, column + 1, printable(c)));
      }
      if (c == '1') patterns.set_bit(static_cast<std::uint32_t>(column), pattern, true);
    }
    if (line.size() != signal_count) {
      throw InputError(fmt::format("{}:{}: expected {} characters 0/1 (one per input), found {}",
                                   source_name, pattern + 1, signal_count, line.size()));
    }
  }
  return patterns;
}

PatternSet read_pattern_file(const std::filesystem::path& path, std::uint32_t signal_count) {
  return parse_patterns(read_input_file_text(path, "a pattern file"), signal_count, path.string());
}

std::string format_pattern(const PatternSet& patterns, std::uint64_t pattern) {
  std::string line(patterns.signal_count(), '0');
  for (std::uint32_t signal = 0; signal < patterns.signal_count(); ++signal)
    if (patterns.bit(signal, pattern)) line[signal] = '1';
  return line;
}

std::string format_patterns(const PatternSet& patterns) {
  std::string text;
  text.reserve((patterns.signal_count() + 1) * patterns.pattern_count());
  for (std::uint64_t pattern = 0; pattern < patterns.pattern_count(); ++pattern) {
    text += format_pattern(patterns, pattern);
    text += '\n';
  }
  return text;
}

}  // namespace rnncc::eval
