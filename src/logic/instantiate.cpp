#include "rnncc/logic/instantiate.hpp"

#include <stdexcept>

#include "rnncc/logic/cleanup.hpp"

namespace rnncc::logic {

std::vector<Literal> instantiate(Aig& target, const Aig& source,
                                 const std::vector<Literal>& inputs) {
  if (inputs.size() != source.input_count()) {
    throw std::invalid_argument("instantiate: one literal per source input is needed");
  }
  const std::vector<bool> needed = output_cone(source);
  std::vector<Literal> image(source.node_count(), false_literal);
  for (std::uint32_t i = 0; i < source.input_count(); ++i)
    image[source.input_node(i)] = inputs[i];
  auto map = [&](Literal literal) { return image[literal.node()] ^ literal.is_complemented(); };
  for (NodeIndex node = 1; node < source.node_count(); ++node) {
    if (!needed[node] || !source.is_and(node)) continue;
    image[node] = target.create_and(map(source.fanin0(node)), map(source.fanin1(node)));
  }
  std::vector<Literal> outputs;
  outputs.reserve(source.output_count());
  for (std::uint32_t i = 0; i < source.output_count(); ++i)
    outputs.push_back(map(source.output(i)));
  return outputs;
}

}  // namespace rnncc::logic
