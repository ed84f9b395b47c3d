#include "support/simulate.hpp"

namespace rnncc::test {

std::vector<std::uint64_t> simulate_nodes(const logic::Aig& aig,
                                          const std::vector<std::uint64_t>& input_words) {
  std::vector<std::uint64_t> node_words(aig.node_count(), 0);
  for (logic::NodeIndex node = 1; node < aig.node_count(); ++node) {
    if (aig.is_input(node)) {
      node_words[node] = input_words.at(aig.input_position(node));
    } else {
      node_words[node] =
          literal_word(node_words, aig.fanin0(node)) & literal_word(node_words, aig.fanin1(node));
    }
  }
  return node_words;
}

std::vector<std::uint64_t> simulate_outputs(const logic::Aig& aig,
                                            const std::vector<std::uint64_t>& input_words) {
  std::vector<std::uint64_t> node_words = simulate_nodes(aig, input_words);
  std::vector<std::uint64_t> outputs;
  for (std::uint32_t i = 0; i < aig.output_count(); ++i) {
    outputs.push_back(literal_word(node_words, aig.output(i)));
  }
  return outputs;
}

}  // namespace rnncc::test
