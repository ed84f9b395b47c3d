// Deliberately simple reference evaluators for tests: one node at a time,
// no blocking, no threads. Independent of rnncc's evaluator.
#pragma once

#include <cstdint>
#include <vector>

#include "rnncc/logic/aig.hpp"
#include "rnncc/word/bit_vector.hpp"

namespace rnncc::test {

/// Values of every node for 64 input patterns at once: bit p of
/// input_words[i] is input i in pattern p. Returns one word per node.
std::vector<std::uint64_t> simulate_nodes(const logic::Aig& aig,
                                          const std::vector<std::uint64_t>& input_words);

/// The word of `literal` given the node words from simulate_nodes.
inline std::uint64_t literal_word(const std::vector<std::uint64_t>& node_words,
                                  logic::Literal literal) {
  std::uint64_t word = node_words[literal.node()];
  return literal.is_complemented() ? ~word : word;
}

/// Outputs for 64 patterns: one word per output.
std::vector<std::uint64_t> simulate_outputs(const logic::Aig& aig,
                                            const std::vector<std::uint64_t>& input_words);

}  // namespace rnncc::test
