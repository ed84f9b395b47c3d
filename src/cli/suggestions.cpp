#include "suggestions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>

namespace rnncc::cli {

namespace {

/// Edit distance with swaps of neighbouring characters counted as one edit
/// (optimal string alignment).
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> distance(a.size() + 1,
                                                 std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i)
    distance[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j)
    distance[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = a[i - 1] == b[j - 1] ? 0 : 1;
      distance[i][j] = std::min(
          {distance[i - 1][j] + 1, distance[i][j - 1] + 1, distance[i - 1][j - 1] + substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        distance[i][j] = std::min(distance[i][j], distance[i - 2][j - 2] + 1);
    }
  }
  return distance[a.size()][b.size()];
}

/// The long option names (with their dashes) of `command`'s options.
std::vector<std::string> long_option_names(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::Option* option : command.get_options()) {
    for (const std::string& name : option->get_lnames())
      names.push_back("--" + name);
  }
  return names;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string did_you_mean(const std::string& typed, const std::vector<std::string>& known) {
  const std::optional<std::string> closest = closest_name(typed, known);
  return closest ? fmt::format("; did you mean '{}'?", *closest) : std::string();
}

}  // namespace

std::optional<std::string> closest_name(const std::string& typed,
                                        const std::vector<std::string>& known) {
  const std::size_t dashes = std::min(typed.find_first_not_of('-'), typed.size());
  const std::size_t letters = typed.size() - dashes;
  const std::size_t allowed = letters <= 4 ? 1 : letters <= 8 ? 2 : 3;
  std::optional<std::string> best;
  std::size_t best_distance = allowed + 1;
  for (const std::string& name : known) {
    std::size_t distance = edit_distance(typed, name);
    if (letters >= 3 && name.size() > typed.size() && name.starts_with(typed)) distance = 1;
    if (distance < best_distance) {
      best = name;
      best_distance = distance;
    }
  }
  return best;
}

std::string unknown_name_message(CLI::App& app, int argc, char** argv) {
  const std::vector<std::string> global_options = long_option_names(app);
  // The first word that is neither an option nor a global option's value
  // names the command.
  CLI::App* command = nullptr;
  int first_argument = argc;
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (word.starts_with("--")) {
      const std::string name = word.substr(0, word.find('='));
      if (!contains(global_options, name)) {
        return fmt::format("unknown option '{}'{}", name, did_you_mean(name, global_options));
      }
      const CLI::Option* option = app.get_option(name);
      if (name == word && option->get_type_size() > 0) ++i;  // its value
      continue;
    }
    if (word.starts_with('-')) continue;
    std::vector<std::string> commands;
    for (const CLI::App* candidate : app.get_subcommands({}))
      commands.push_back(candidate->get_name());
    if (!contains(commands, word)) {
      return fmt::format("unknown command '{}'{}", word, did_you_mean(word, commands));
    }
    command = app.get_subcommand(word);
    first_argument = i + 1;
    break;
  }
  if (command == nullptr) return {};
  std::vector<std::string> known = long_option_names(*command);
  known.insert(known.end(), global_options.begin(), global_options.end());
  for (int i = first_argument; i < argc; ++i) {
    const std::string word = argv[i];
    if (word == "--") break;  // only positional arguments follow
    if (!word.starts_with("--")) continue;
    const std::string name = word.substr(0, word.find('='));
    if (!contains(known, name)) {
      return fmt::format("{}: unknown option '{}'{}", command->get_name(), name,
                         did_you_mean(name, known));
    }
  }
  return {};
}

}  // namespace rnncc::cli
