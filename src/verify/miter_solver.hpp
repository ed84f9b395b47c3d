// SAT on output pairs of one AIG with CaDiCaL (internal to src/verify).
#pragma once

#include <chrono>
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

  /// What one pair came to.
  struct PairVerdict {
    enum Kind { equal, different, unknown } kind = unknown;
    std::vector<bool> inputs;  ///< when different: input values (input order) telling them apart
  };

  /// Whether `a` and `b` can differ. With `conflict_limit` > 0 CaDiCaL stops
  /// after that many conflicts, and with a `deadline` once it has passed
  /// (checked between its steps): the verdict is then unknown, and nothing
  /// is learnt about the pair.
  PairVerdict decide(logic::Literal a, logic::Literal b, std::uint64_t conflict_limit,
                     std::optional<std::chrono::steady_clock::time_point> deadline);

  /// The size of what has been encoded so far: AND nodes of the cones
  /// asked about, and the solver's variables and irredundant clauses.
  struct EncodingSize {
    std::uint64_t and_nodes = 0;
    std::uint64_t variables = 0;
    std::uint64_t clauses = 0;
  };
  EncodingSize encoding_size() const;

 private:
  int variable_of(logic::Literal literal) const;
  void encode_cone(logic::NodeIndex root);

  const logic::Aig& aig_;
  std::unique_ptr<CaDiCaL::Solver> solver_;
  std::vector<bool> encoded_;
  int next_free_variable_;
};

}  // namespace rnncc::verify
