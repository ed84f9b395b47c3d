// libFuzzer harness: the description rnncc compile writes into an AIGER
// comment section (`rnncc-model`, `rnncc-alphabet`, `rnncc-input`,
// `rnncc-output` lines), read back by read_description. The input is an
// ASCII AIGER file; files the AIGER reader refuses are skipped (that reader
// has its own harness). A refusal must be one InputError line naming the
// file; an accepted description must assign every input and output bit of
// the circuit to exactly one word, in order, and its outputs must decode.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "rnncc/common/error.hpp"
#include "rnncc/compile/circuit_description.hpp"
#include "rnncc/eval/model_patterns.hpp"
#include "rnncc/eval/pattern_set.hpp"
#include "rnncc/io/aiger.hpp"
#include "support/harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace rnncc;
  if (size > fuzz::max_input_bytes) return 0;
  std::optional<logic::Aig> aig;
  try {
    aig.emplace(io::read_aiger(fuzz::text_of(data, size), "fuzz.aag"));
  } catch (const InputError&) {
    return 0;
  }
  std::optional<compile::CircuitDescription> description;
  try {
    description.emplace(compile::read_description(*aig, "fuzz.aag"));
  } catch (const InputError& error) {
    fuzz::check_refusal_message(error.what(), "fuzz.aag");
    return 0;
  }
  std::uint32_t input_bit = 0;
  for (const arith::LoweredWord& word : description->inputs) {
    for (logic::Literal bit : word.value.bits) {
      if (input_bit >= aig->input_count() ||
          bit != logic::Literal::of(aig->input_node(input_bit))) {
        fuzz::report_finding("an input word bit that is not the next input of the circuit");
      }
      ++input_bit;
    }
  }
  std::uint32_t output_bit = 0;
  for (const arith::LoweredWord& word : description->outputs) {
    for (logic::Literal bit : word.value.bits) {
      if (output_bit >= aig->output_count() || bit != aig->output(output_bit)) {
        fuzz::report_finding("an output word bit that is not the next output of the circuit");
      }
      ++output_bit;
    }
  }
  if (input_bit != aig->input_count() || output_bit != aig->output_count()) {
    fuzz::report_finding("a description that leaves circuit bits without a word");
  }
  (void)compile::input_model(*description);
  // Decoding outputs (what eval --tokens does) must not trap either: all
  // zeros, then all ones.
  for (bool value : {false, true}) {
    eval::PatternSet outputs(aig->output_count(), 1);
    for (std::uint32_t output = 0; output < aig->output_count(); ++output)
      outputs.set_bit(output, 0, value);
    try {
      (void)eval::decode_output_words(description->format, description->outputs, outputs, 0);
    } catch (const InputError&) {
    }
  }
  return 0;
}
