#include "identity_check.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <variant>

#include "miter_solver.hpp"
#include "rnncc/arith/circuit_evaluation.hpp"
#include "rnncc/arith/circuit_lowering.hpp"
#include "rnncc/arith/format.hpp"

namespace rnncc::verify {

namespace {

using logic::Literal;

/// x < bound for the unsigned number whose bits (least significant first)
/// are `bits`, built on `aig`.
Literal below_constant(logic::Aig& aig, const std::vector<Literal>& bits, const mpz_class& bound) {
  // Scanning upwards: below_i says bits 0..i are below bound's bits 0..i.
  Literal below = logic::false_literal;
  for (std::size_t i = 0; i < bits.size(); ++i) {
    const bool bound_bit = mpz_tstbit(bound.get_mpz_t(), static_cast<mp_bitcnt_t>(i)) != 0;
    below = bound_bit ? !aig.create_and(bits[i], !below) : aig.create_and(!bits[i], below);
  }
  if (mpz_sizeinbase(bound.get_mpz_t(), 2) > bits.size()) return logic::true_literal;
  return below;
}

/// The unsigned number stored by `bits` under the input values `inputs`.
mpz_class pattern_of(const logic::Aig& aig, const std::vector<Literal>& bits,
                     const std::vector<bool>& inputs) {
  mpz_class pattern = 0;
  for (std::size_t i = bits.size(); i-- > 0;) {
    const Literal bit = bits[i];
    bool value = bit.node() != 0 && inputs[aig.input_position(bit.node())];
    value ^= bit.is_complemented();
    pattern = pattern * 2 + (value ? 1 : 0);
  }
  return pattern;
}

/// Fills the counterexample of `outcome`: every input's value under the
/// AIG input values `inputs`, and the two values of the pair whose left word
/// is output `pair_output` (evaluated on the word-level circuit).
void describe_counterexample(const arith::Circuit& circuit, const arith::LoweredCircuit& lowered,
                             const std::vector<bool>& inputs, std::size_t pair_output,
                             const std::string& pair_name, IdentityOutcome& outcome) {
  std::vector<mpq_class> values;
  std::vector<std::string> assignments;
  for (const arith::LoweredWord& word : lowered.inputs) {
    const mpz_class pattern = pattern_of(lowered.aig, word.value.bits, inputs);
    const mpq_class value =
        word.is_boolean ? mpq_class(pattern) : arith::decode(circuit.format(), pattern);
    values.push_back(value);
    outcome.counterexample_inputs.emplace_back(word.name, value);
    assignments.push_back(fmt::format("{} = {}", word.name, value.get_str()));
  }
  const std::vector<mpq_class> outputs = arith::evaluate(circuit, values);
  outcome.differing_word = pair_name;
  outcome.left_value = outputs[pair_output];
  outcome.right_value = outputs[pair_output + 1];
  outcome.counterexample = fmt::format("{}: {} on one side, {} on the other, for {}", pair_name,
                                       outcome.left_value.get_str(), outcome.right_value.get_str(),
                                       fmt::join(assignments, ", "));
}

}  // namespace

IdentityOutcome decide_identities(arith::Circuit& circuit, arith::NodeId precondition,
                                  const std::vector<IdentityPair>& pairs,
                                  word::ArithmeticArchitecture architecture,
                                  std::uint64_t conflict_limit, double timeout_seconds) {
  circuit.create_output(precondition, "precondition");
  for (const IdentityPair& pair : pairs) {
    circuit.create_output(pair.left, pair.name + ".left");
    circuit.create_output(pair.right, pair.name + ".right");
  }
  arith::LoweredCircuit lowered = arith::lower(circuit, architecture);
  logic::Aig& aig = lowered.aig;
  Literal holds = lowered.outputs[0].value.bits.front();
  if (const auto* residue = std::get_if<arith::ResidueFormat>(&circuit.format())) {
    for (const arith::LoweredWord& word : lowered.inputs)
      if (!word.is_boolean)
        holds = aig.create_and(holds, below_constant(aig, word.value.bits, residue->modulus));
  }
  // Each bit pair gated by the precondition: it can differ only where it holds.
  struct BitPair {
    Literal left, right;
    std::size_t pair;
  };
  std::vector<BitPair> bit_pairs;
  for (std::size_t p = 0; p < pairs.size(); ++p) {
    const auto& left = lowered.outputs[1 + 2 * p].value.bits;
    const auto& right = lowered.outputs[2 + 2 * p].value.bits;
    if (left.size() != right.size())
      throw std::logic_error("identity pair of words of different widths");
    for (std::size_t b = 0; b < left.size(); ++b) {
      if (left[b] == right[b]) continue;
      bit_pairs.push_back({aig.create_and(holds, left[b]), aig.create_and(holds, right[b]), p});
    }
  }
  IdentityOutcome outcome;
  outcome.bit_pairs = bit_pairs.size();
  MiterSolver solver(aig);
  using Clock = std::chrono::steady_clock;
  std::optional<Clock::time_point> deadline;
  if (timeout_seconds > 0) {
    deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                  std::chrono::duration<double>(timeout_seconds));
  }
  for (const BitPair& bit_pair : bit_pairs) {
    if (bit_pair.left == bit_pair.right) continue;
    MiterSolver::PairVerdict verdict =
        solver.decide(bit_pair.left, bit_pair.right, conflict_limit, deadline);
    if (verdict.kind == MiterSolver::PairVerdict::unknown) {
      outcome.verdict = InductionVerdict::undecided;
      continue;
    }
    if (verdict.kind == MiterSolver::PairVerdict::different) {
      outcome.verdict = InductionVerdict::fails;
      describe_counterexample(circuit, lowered, verdict.inputs, 1 + 2 * bit_pair.pair,
                              pairs[bit_pair.pair].name, outcome);
      break;
    }
  }
  const MiterSolver::EncodingSize size = solver.encoding_size();
  outcome.and_nodes = size.and_nodes;
  outcome.variables = size.variables;
  outcome.clauses = size.clauses;
  return outcome;
}

}  // namespace rnncc::verify
