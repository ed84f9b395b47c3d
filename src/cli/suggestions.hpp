// "Did you mean ...": the known name closest to a mistyped one.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace rnncc::cli {

/// The name in `known` closest to `typed` by edit distance (insertions,
/// deletions, substitutions and swaps of neighbours), if it is close enough
/// to be a typing slip — at most 1 edit for names up to 4 characters, 2 up
/// to 8, 3 beyond — or begins with `typed` (at least 3 characters besides
/// leading dashes). Ties go to the earlier name.
std::optional<std::string> closest_name(const std::string& typed,
                                        const std::vector<std::string>& known);

/// Why `argv` does not parse, in one line, when a word in it names no
/// subcommand or option of `app`: "unknown command 'compil'; did you mean
/// 'compile'?" or "stats: unknown option '--jsn'; did you mean
/// '--json'?" (without the suggestion when nothing is close). Empty when
/// every subcommand and every long option named is known.
std::string unknown_name_message(CLI::App& app, int argc, char** argv);

}  // namespace rnncc::cli
