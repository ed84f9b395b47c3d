// SAT on output pairs of one AIG with CaDiCaL (internal to src/verify).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "rnncc/logic/aig.hpp"

namespace CaDiCaL {
class Solver;
}

namespace rnncc::verify {

/// Decides, one pair at a time, whether two literals of an AIG can take
/// different values. Only the cones of the literals asked about are
/// Tseitin-encoded (node v is variable v + 1), once each; a pair found equal
/// is kept as the clauses a <-> b, which helps later pairs.
class MiterSolver {
 public:
  explicit MiterSolver(const logic::Aig& aig);
  ~MiterSolver();
  MiterSolver(const MiterSolver&) = delete;
  MiterSolver& operator=(const MiterSolver&) = delete;

  /// Input values (in input order) under which `a` and `b` differ, or
  /// nothing when they are equal for every input.
  std::optional<std::vector<bool>> find_difference(logic::Literal a, logic::Literal b);

 private:
  int variable_of(logic::Literal literal) const;
  void encode_cone(logic::NodeIndex root);

  const logic::Aig& aig_;
  std::unique_ptr<CaDiCaL::Solver> solver_;
  std::vector<bool> encoded_;
  int next_free_variable_;
};

}  // namespace rnncc::verify
