// Registration of rnncc's subcommands; one source file per subcommand.
#pragma once

#include <CLI/CLI.hpp>

namespace rnncc::cli {

/// Exit statuses shared by every subcommand.
enum ExitStatus : int { success = 0, check_failed = 1, bad_input = 2, undecided = 3 };

/// Thrown by a subcommand whose check failed after it printed why: main
/// exits with check_failed.
struct CheckFailed {};

/// Thrown by a subcommand that could not decide within its limits (equiv
/// --timeout, --conflicts) after it printed what it left open: main exits
/// with undecided.
struct Undecided {};

/// `rnncc gen adder|multiplier ...`: writes a generated arithmetic circuit.
void register_gen(CLI::App& app);
/// `rnncc stats FILE`: sizes, depth and level widths of a circuit file.
void register_stats(CLI::App& app);
/// `rnncc eval FILE ...`: outputs on input patterns, timed per thread count.
void register_eval(CLI::App& app);
/// `rnncc equiv A B`: equivalence by simulation and SAT.
void register_equiv(CLI::App& app);
/// `rnncc run MODEL`: the reference interpreter.
void register_run(CLI::App& app);
/// `rnncc compile MODEL --length T -o FILE`: the model compiler.
void register_compile(CLI::App& app);
/// `rnncc growth [MODEL...]`: depth and size as T grows, classes and verdicts.
void register_growth(CLI::App& app);
/// `rnncc verify MODEL --length T`: a compiled circuit against the interpreter.
void register_verify(CLI::App& app);
/// `rnncc task NAME --size N -o FILE`: problem instances with exact labels.
void register_task(CLI::App& app);
/// `rnncc score MODEL --tasks FILE`: a model's accuracy on instances.
void register_score(CLI::App& app);
/// `rnncc construct NAME -o MODEL`: a model built by a construction.
void register_construct(CLI::App& app);
/// `rnncc optimize IN -o OUT`: a circuit optimised by ABC, checked and renamed.
void register_optimize(CLI::App& app);
/// `rnncc prove [FILES...]`: the paper's claims checked case by case.
void register_prove(CLI::App& app);
/// `rnncc dot FILE`: a Graphviz drawing of a small circuit.
void register_dot(CLI::App& app);

}  // namespace rnncc::cli
