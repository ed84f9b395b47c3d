// Reading the line-based machine descriptions (counter machines, stack
// machines): comments from `#` to the end of a line, words separated by
// blanks.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rnncc::experiment::constructions {

/// One line that holds words, with its number (from 1).
struct MachineLine {
  std::size_t number = 0;
  std::vector<std::string> words;
};

/// The lines of `text` that hold words once comments are removed.
std::vector<MachineLine> machine_lines(std::string_view text);

/// The position of `name` in `names`, or names.size() when absent.
std::size_t index_in(const std::vector<std::string>& names, const std::string& name);

}  // namespace rnncc::experiment::constructions
