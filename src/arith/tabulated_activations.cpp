#include "tabulated_activations.hpp"

#include <utility>

#include "rnncc/logic/instantiate.hpp"
#include "rnncc/word/lookup.hpp"

namespace rnncc::arith::detail {

word::BitVector TabulatedActivations::lookup(
    logic::Aig& aig, Activation activation, const word::BitVector& operand,
    const std::function<std::vector<mpz_class>()>& build_table) {
  auto found = circuits_.find(activation);
  if (found == circuits_.end()) {
    auto circuit = std::make_unique<logic::Aig>();
    word::BitVector inputs;
    for (std::size_t bit = 0; bit < operand.size(); ++bit)
      inputs.push_back(circuit->create_input());
    const word::BitVector outputs = word::lookup(*circuit, inputs, build_table(), operand.size());
    for (logic::Literal output : outputs)
      circuit->create_output(output);
    found = circuits_.emplace(activation, std::move(circuit)).first;
  }
  return logic::instantiate(aig, *found->second, operand);
}

}  // namespace rnncc::arith::detail
