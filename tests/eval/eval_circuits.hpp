// Circuits and helpers shared by the evaluator tests.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rnncc/eval/pattern_set.hpp"
#include "rnncc/logic/aig.hpp"
#include "rnncc/word/adder.hpp"
#include "rnncc/word/multiplier.hpp"
#include "support/simulate.hpp"

namespace rnncc::test {

/// A W-bit adder (or multiplier) of the given architecture, inputs a then b.
inline logic::Aig adder_circuit(std::size_t width, word::PrefixArchitecture architecture) {
  logic::Aig aig;
  word::BitVector a, b;
  for (std::size_t i = 0; i < width; ++i)
    a.push_back(aig.create_input(fmt::format("a{}", i)));
  for (std::size_t i = 0; i < width; ++i)
    b.push_back(aig.create_input(fmt::format("b{}", i)));
  word::BitVector sum = word::add_with_carry_out(aig, a, b, architecture);
  for (std::size_t i = 0; i < sum.size(); ++i)
    aig.create_output(sum[i], fmt::format("s{}", i));
  return aig;
}

inline logic::Aig multiplier_circuit(std::size_t width, word::MultiplierArchitecture multiplier,
                                     word::PrefixArchitecture adder) {
  logic::Aig aig;
  word::BitVector a, b;
  for (std::size_t i = 0; i < width; ++i)
    a.push_back(aig.create_input(fmt::format("a{}", i)));
  for (std::size_t i = 0; i < width; ++i)
    b.push_back(aig.create_input(fmt::format("b{}", i)));
  word::BitVector product = word::multiply(aig, a, b, word::Signedness::unsigned_, 2 * width,
                                           word::ArithmeticArchitecture{adder, multiplier});
  for (std::size_t i = 0; i < product.size(); ++i)
    aig.create_output(product[i], fmt::format("p{}", i));
  return aig;
}

/// The outputs of `aig` under `inputs` from the one-node-at-a-time
/// simulator of tests/support, 64 patterns at a time.
inline eval::PatternSet simple_outputs(const logic::Aig& aig, const eval::PatternSet& inputs) {
  eval::PatternSet outputs(aig.output_count(), inputs.pattern_count());
  for (std::uint64_t word = 0; word < inputs.word_count(); ++word) {
    std::vector<std::uint64_t> input_words;
    for (std::uint32_t i = 0; i < aig.input_count(); ++i)
      input_words.push_back(inputs.words(i)[word]);
    std::vector<std::uint64_t> output_words = simulate_outputs(aig, input_words);
    for (std::uint32_t o = 0; o < aig.output_count(); ++o)
      outputs.words(o)[word] = output_words[o];
  }
  outputs.clear_unused_bits();
  return outputs;
}

}  // namespace rnncc::test
