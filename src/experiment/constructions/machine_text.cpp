#include "machine_text.hpp"

#include <algorithm>
#include <sstream>

namespace rnncc::experiment::constructions {

std::vector<MachineLine> machine_lines(std::string_view text) {
  std::vector<MachineLine> lines;
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (const std::size_t hash = line.find('#'); hash != std::string_view::npos)
      line = line.substr(0, hash);
    MachineLine words{line_number, {}};
    std::istringstream stream{std::string(line)};
    for (std::string word; stream >> word;)
      words.words.push_back(word);
    if (!words.words.empty()) lines.push_back(std::move(words));
  }
  return lines;
}

std::size_t index_in(const std::vector<std::string>& names, const std::string& name) {
  return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

}  // namespace rnncc::experiment::constructions
