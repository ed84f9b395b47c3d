#include "model_check.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <fstream>

#include "rnncc/arith/circuit_evaluation.hpp"
#include "rnncc/arith/format_lowering.hpp"
#include "rnncc/eval/model_patterns.hpp"
#include "rnncc/io/model_file.hpp"
#include "rnncc/model/interpreter.hpp"
#include "support/abc.hpp"
#include "support/simulate.hpp"

namespace rnncc::test {

model::Model read_model_text(const std::string& text, const std::string& file_name) {
  TemporaryDirectory directory;
  const std::filesystem::path path = directory / file_name;
  std::ofstream(path) << text;
  return io::read_model_file(path);
}

model::Model load_example_model(const std::string& name, const std::optional<std::string>& format) {
  std::optional<arith::Format> parsed;
  if (format) parsed = arith::parse_format(*format);
  return io::read_model_file(std::string(RNNCC_SOURCE_DIR) + "/circuits/models/" + name + ".toml",
                             parsed);
}

std::vector<mpq_class> expected_outputs(const model::Model& model,
                                        const model::InputSequence& inputs, bool all_outputs) {
  return model::reference_output_words(model, inputs, all_outputs);
}

std::vector<mpq_class> evaluate_arithmetic(const model::Model& model, const arith::Circuit& circuit,
                                           const model::InputSequence& inputs) {
  return arith::evaluate(circuit, eval::input_word_values(model, inputs));
}

std::vector<std::vector<mpq_class>> simulate_compiled(
    const model::Model& model, const compile::CompiledModel& compiled,
    const std::vector<model::InputSequence>& sequences) {
  const arith::LoweredCircuit& lowered = compiled.lowered;
  logic::Aig scratch;
  arith::FormatLowering codec(scratch, model.format, word::ArithmeticArchitecture{});
  std::vector<std::vector<mpq_class>> results;
  for (std::size_t first = 0; first < sequences.size(); first += 64) {
    const std::size_t count = std::min<std::size_t>(64, sequences.size() - first);
    std::vector<std::uint64_t> input_words(lowered.aig.input_count(), 0);
    for (std::size_t pattern = 0; pattern < count; ++pattern) {
      const std::vector<mpq_class> values =
          eval::input_word_values(model, sequences[first + pattern]);
      std::size_t position = 0;
      for (std::size_t i = 0; i < lowered.inputs.size(); ++i) {
        const arith::LoweredWord& word = lowered.inputs[i];
        const mpz_class bits =
            word.is_boolean ? mpz_class(values[i].get_num()) : codec.encode(word.value, values[i]);
        for (std::size_t b = 0; b < word.value.bits.size(); ++b, ++position) {
          if (mpz_tstbit(bits.get_mpz_t(), b) != 0)
            input_words[position] |= std::uint64_t{1} << pattern;
        }
      }
    }
    const std::vector<std::uint64_t> output_words = simulate_outputs(lowered.aig, input_words);
    for (std::size_t pattern = 0; pattern < count; ++pattern) {
      std::vector<mpq_class> values;
      std::size_t position = 0;
      for (const arith::LoweredWord& word : lowered.outputs) {
        mpz_class bits = 0;
        for (std::size_t b = 0; b < word.value.bits.size(); ++b, ++position) {
          if (((output_words[position] >> pattern) & 1U) != 0) mpz_setbit(bits.get_mpz_t(), b);
        }
        values.push_back(word.is_boolean ? mpq_class(bits) : codec.decode(word.value, bits));
      }
      results.push_back(std::move(values));
    }
  }
  return results;
}

std::string check_against_reference(const model::Model& model,
                                    const compile::CompileOptions& options,
                                    std::size_t random_count, std::uint64_t seed) {
  const compile::CompiledModel compiled = compile::compile(model, options);
  std::vector<model::InputSequence> sequences;
  for (std::size_t i = 0; i < random_count; ++i) {
    sequences.push_back(model::random_input_sequence(model, options.length, seed + i));
  }
  const std::vector<std::vector<mpq_class>> simulated =
      simulate_compiled(model, compiled, sequences);
  for (std::size_t i = 0; i < sequences.size(); ++i) {
    const std::vector<mpq_class> expected =
        expected_outputs(model, sequences[i], options.all_outputs);
    auto show = [](const std::vector<mpq_class>& values) {
      std::vector<std::string> text;
      for (const mpq_class& value : values)
        text.push_back(value.get_str());
      return fmt::format("{}", fmt::join(text, " "));
    };
    if (simulated[i] != expected) {
      return fmt::format("{} {} T={} {}: AIG gives [{}], reference [{}] (sequence {})", model.name,
                         compile::to_string(options.schedule), options.length,
                         arith::to_string(model.format), show(simulated[i]), show(expected), i);
    }
    if (compiled.arithmetic) {
      const std::vector<mpq_class> arithmetic =
          evaluate_arithmetic(model, *compiled.arithmetic, sequences[i]);
      if (arithmetic != expected) {
        return fmt::format("{} {} T={}: arithmetic circuit gives [{}], reference [{}]", model.name,
                           compile::to_string(options.schedule), options.length, show(arithmetic),
                           show(expected));
      }
    }
  }
  return "";
}

}  // namespace rnncc::test
