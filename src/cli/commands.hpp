// Registration of rnncc's subcommands; one source file per subcommand.
#pragma once

#include <CLI/CLI.hpp>

namespace rnncc::cli {

/// Exit statuses shared by every subcommand.
enum ExitStatus : int { success = 0, check_failed = 1, bad_input = 2 };

/// `rnncc gen adder|multiplier ...`: writes a generated arithmetic circuit.
void register_gen(CLI::App& app);
/// `rnncc stats FILE`: sizes, depth and level widths of a circuit file.
void register_stats(CLI::App& app);
/// `rnncc eval FILE ...`: outputs on input patterns, timed per thread count.
void register_eval(CLI::App& app);
/// `rnncc equiv A B`: equivalence by simulation and SAT.
void register_equiv(CLI::App& app);

}  // namespace rnncc::cli
