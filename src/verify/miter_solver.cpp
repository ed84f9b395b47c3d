#include "miter_solver.hpp"

#include <cadical.hpp>

#include <stdexcept>

namespace rnncc::verify {

MiterSolver::MiterSolver(const logic::Aig& aig)
    : aig_(aig),
      solver_(std::make_unique<CaDiCaL::Solver>()),
      encoded_(aig.node_count(), false),
      next_free_variable_(static_cast<int>(aig.node_count()) + 1) {
  // Node 0, variable 1, is constant false.
  solver_->add(-1);
  solver_->add(0);
  encoded_[0] = true;
}

MiterSolver::~MiterSolver() = default;

int MiterSolver::variable_of(logic::Literal literal) const {
  const int variable = static_cast<int>(literal.node()) + 1;
  return literal.is_complemented() ? -variable : variable;
}

void MiterSolver::encode_cone(logic::NodeIndex root) {
  std::vector<logic::NodeIndex> pending{root};
  while (!pending.empty()) {
    const logic::NodeIndex node = pending.back();
    pending.pop_back();
    if (encoded_[node]) continue;
    encoded_[node] = true;
    if (!aig_.is_and(node)) continue;  // an input: a free variable
    const int output = static_cast<int>(node) + 1;
    const int a = variable_of(aig_.fanin0(node));
    const int b = variable_of(aig_.fanin1(node));
    for (int clause : {-output, a, 0, -output, b, 0, output, -a, -b, 0})
      solver_->add(clause);
    pending.push_back(aig_.fanin0(node).node());
    pending.push_back(aig_.fanin1(node).node());
  }
}

std::optional<std::vector<bool>> MiterSolver::find_difference(logic::Literal a, logic::Literal b) {
  encode_cone(a.node());
  encode_cone(b.node());
  const int x = variable_of(a);
  const int y = variable_of(b);
  // differ -> (x xor y); solved under the assumption differ.
  const int differ = next_free_variable_++;
  for (int clause : {-differ, x, y, 0, -differ, -x, -y, 0})
    solver_->add(clause);
  solver_->assume(differ);
  const int status = solver_->solve();
  if (status == 20) {
    for (int clause : {-differ, 0, -x, y, 0, x, -y, 0})
      solver_->add(clause);
    return std::nullopt;
  }
  if (status != 10) throw std::runtime_error("CaDiCaL stopped without an answer");
  std::vector<bool> inputs(aig_.input_count(), false);
  for (std::uint32_t i = 0; i < aig_.input_count(); ++i) {
    const logic::NodeIndex node = aig_.input_node(i);
    if (encoded_[node]) inputs[i] = solver_->val(static_cast<int>(node) + 1) > 0;
  }
  return inputs;
}

}  // namespace rnncc::verify
