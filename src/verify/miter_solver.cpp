#include "miter_solver.hpp"

#include <cadical.hpp>

#include <algorithm>
#include <limits>

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

MiterSolver::EncodingSize MiterSolver::encoding_size() const {
  EncodingSize size;
  for (logic::NodeIndex node = 0; node < aig_.node_count(); ++node)
    if (encoded_[node] && aig_.is_and(node)) ++size.and_nodes;
  size.variables = static_cast<std::uint64_t>(solver_->vars());
  size.clauses = static_cast<std::uint64_t>(solver_->irredundant());
  return size;
}

namespace {

/// Stops CaDiCaL once a deadline has passed.
class DeadlineTerminator : public CaDiCaL::Terminator {
 public:
  explicit DeadlineTerminator(std::chrono::steady_clock::time_point deadline)
      : deadline_(deadline) {}
  bool terminate() override { return std::chrono::steady_clock::now() >= deadline_; }

 private:
  std::chrono::steady_clock::time_point deadline_;
};

}  // namespace

MiterSolver::PairVerdict MiterSolver::decide(
    logic::Literal a, logic::Literal b, std::uint64_t conflict_limit,
    std::optional<std::chrono::steady_clock::time_point> deadline) {
  encode_cone(a.node());
  encode_cone(b.node());
  const int x = variable_of(a);
  const int y = variable_of(b);
  // differ -> (x xor y); solved under the assumption differ.
  const int differ = next_free_variable_++;
  for (int clause : {-differ, x, y, 0, -differ, -x, -y, 0})
    solver_->add(clause);
  solver_->assume(differ);
  if (conflict_limit > 0) {
    // CaDiCaL counts the limit in an int; more is as good as none.
    const std::uint64_t largest = static_cast<std::uint64_t>(std::numeric_limits<int>::max());
    solver_->limit("conflicts", static_cast<int>(std::min(conflict_limit, largest)));
  }
  std::optional<DeadlineTerminator> terminator;
  if (deadline) {
    terminator.emplace(*deadline);
    solver_->connect_terminator(&*terminator);
  }
  const int status = solver_->solve();
  if (terminator) solver_->disconnect_terminator();
  PairVerdict verdict;
  if (status == 20) {
    for (int clause : {-differ, 0, -x, y, 0, x, -y, 0})
      solver_->add(clause);
    verdict.kind = PairVerdict::equal;
    return verdict;
  }
  if (status != 10) {
    // Stopped by a limit: the pair stays open; `differ` is left free (the
    // clauses above only constrain it), so later pairs are unaffected.
    verdict.kind = PairVerdict::unknown;
    return verdict;
  }
  verdict.kind = PairVerdict::different;
  verdict.inputs.assign(aig_.input_count(), false);
  for (std::uint32_t i = 0; i < aig_.input_count(); ++i) {
    const logic::NodeIndex node = aig_.input_node(i);
    if (encoded_[node]) verdict.inputs[i] = solver_->val(static_cast<int>(node) + 1) > 0;
  }
  return verdict;
}

}  // namespace rnncc::verify
