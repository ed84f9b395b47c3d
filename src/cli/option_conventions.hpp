// The rules every command's options follow (docs/commands.md,
// "Conventions"): numbers out of range are refused with the range in
// words, a negative number is never wrapped into a huge unsigned one, and
// an option takes one value per occurrence, so a repeated option never
// swallows the positional arguments after it.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>

namespace rnncc::cli {

/// A check that an option's value is an integer from `low` to `high`;
/// otherwise the error reads "must be between LOW and HIGH, not VALUE"
/// (VALUE as given, e.g. -1 or 0).
CLI::Validator between(std::uint64_t low, std::uint64_t high);

/// A check that an option's value is a number of 0 or more (seconds);
/// otherwise "must be a number of 0 or more, not VALUE".
CLI::Validator zero_or_more();

/// Applies the rules to every option of `app` and of its subcommands, all
/// levels down: an unsigned option refuses a negative value as given
/// ("expected a non-negative integer, not -1") before it is converted, and
/// an option that may be repeated takes one value per occurrence (a list is
/// given by repeating the option, or with commas where the option says so).
/// Call once every command is registered.
void apply_option_conventions(CLI::App& app);

}  // namespace rnncc::cli
