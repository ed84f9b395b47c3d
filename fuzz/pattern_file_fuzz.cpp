// libFuzzer harness: pattern files through parse_patterns. The first byte
// chooses the signal count (0 to 71); the rest is the file. A refusal must be
// one InputError line naming the file; accepted text must be exactly what
// format_patterns writes for the patterns read, up to `\r` before line
// breaks and the final line break.
#include <cstddef>
#include <cstdint>
#include <string>

#include "rnncc/common/error.hpp"
#include "rnncc/eval/pattern_file.hpp"
#include "support/harness.hpp"

namespace {

/// `text` as format_patterns would write it: each line without a `\r`
/// before its break, each line ended by a line break.
std::string normalised(std::string_view text) {
  std::string result;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    result += line;
    result += '\n';
    start = end + 1;
  }
  return result;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace rnncc;
  if (size == 0 || size > fuzz::max_input_bytes) return 0;
  const std::uint32_t signal_count = data[0] % 72;
  const std::string_view text = fuzz::text_of(data + 1, size - 1);
  eval::PatternSet patterns;
  try {
    patterns = eval::parse_patterns(text, signal_count, "fuzz.pat");
  } catch (const InputError& error) {
    fuzz::check_refusal_message(error.what(), "fuzz.pat");
    return 0;
  }
  if (patterns.signal_count() != signal_count) fuzz::report_finding("a wrong signal count");
  const std::string written = eval::format_patterns(patterns);
  if (written != normalised(text)) {
    fuzz::report_finding("the patterns written differ from the text read");
  }
  if (eval::parse_patterns(written, signal_count, "written") != patterns) {
    fuzz::report_finding("reading the written patterns gives other patterns");
  }
  return 0;
}
