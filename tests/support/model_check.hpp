// Checking compiled models against the reference interpreter on inputs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rnncc/compile/compiler.hpp"
#include "rnncc/model/input_sequence.hpp"
#include "rnncc/model/model.hpp"

namespace rnncc::test {

/// circuits/models/NAME.toml read with an optional format override (its
/// spelling, as --format takes it).
model::Model load_example_model(const std::string& name,
                                const std::optional<std::string>& format = std::nullopt);

/// Compile options with `schedule` (its spelling), `length` steps and the
/// exact lowering `lowering`, everything else at its default.
inline compile::CompileOptions options_for(std::string_view schedule, std::size_t length,
                                           arith::ExactLowering lowering) {
  compile::CompileOptions options;
  options.schedule = compile::parse_schedule(schedule);
  options.length = length;
  options.exact_lowering = lowering;
  return options;
}

/// `text` written to a fresh temporary directory as `file_name`, then read
/// by read_model_file (messages name that file).
model::Model read_model_text(const std::string& text, const std::string& file_name = "model.toml");

/// The reference interpreter's outputs for `inputs`, flattened in the
/// compiled circuit's output order (after step T, or after every step).
std::vector<mpq_class> expected_outputs(const model::Model& model,
                                        const model::InputSequence& inputs, bool all_outputs);

/// The compiled circuit's outputs for each of `sequences`: the AIG
/// simulated 64 patterns at a time by the simple simulator, outputs
/// decoded from their bit words.
std::vector<std::vector<mpq_class>> simulate_compiled(
    const model::Model& model, const compile::CompiledModel& compiled,
    const std::vector<model::InputSequence>& sequences);

/// The arithmetic circuit's outputs for `inputs` (exact evaluation).
std::vector<mpq_class> evaluate_arithmetic(const model::Model& model, const arith::Circuit& circuit,
                                           const model::InputSequence& inputs);

/// Compiles `model` under `options` and compares the AIG (and the
/// arithmetic circuit, when there is one) with the reference interpreter
/// on `random_count` random input sequences of the options' length.
/// Returns "" when all agree, else a description of the first mismatch.
std::string check_against_reference(const model::Model& model,
                                    const compile::CompileOptions& options,
                                    std::size_t random_count, std::uint64_t seed);

}  // namespace rnncc::test
