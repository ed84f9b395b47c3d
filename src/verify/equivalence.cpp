#include "rnncc/verify/equivalence.hpp"

#include <algorithm>
#include <bit>
#include <chrono>
#include <optional>
#include <stdexcept>

#include "miter_solver.hpp"
#include "rnncc/common/enum_names.hpp"
#include "rnncc/eval/evaluator.hpp"
#include "rnncc/eval/random_patterns.hpp"
#include "rnncc/verify/port_matching.hpp"

namespace rnncc::verify {

namespace {

constexpr EnumNames<EquivalenceMethod, 3> method_names{{
    {EquivalenceMethod::structure, "structure"},
    {EquivalenceMethod::simulation, "simulation"},
    {EquivalenceMethod::sat, "sat"},
}};
static_assert(names_are_distinct(method_names));

/// The second circuit's input patterns: its input matched[i] gets row i.
eval::PatternSet permuted_inputs(const eval::PatternSet& first_inputs,
                                 const PortMatching& matching) {
  eval::PatternSet second_inputs(first_inputs.signal_count(), first_inputs.pattern_count());
  for (std::uint32_t i = 0; i < first_inputs.signal_count(); ++i) {
    auto source = first_inputs.words(i);
    auto target = second_inputs.words(matching.second_input[i]);
    std::copy(source.begin(), source.end(), target.begin());
  }
  return second_inputs;
}

/// The first pattern under which a matched output pair differs, with that
/// pair (the lowest output index at that pattern) filled into `result`.
bool find_first_difference(const logic::Aig& first, const logic::Aig& second,
                           const eval::PatternSet& inputs, const PortMatching& matching,
                           unsigned threads, EquivalenceResult& result) {
  const eval::EvaluationOptions options{threads, 0};
  const eval::PatternSet first_outputs =
      eval::evaluate(first, inputs, eval::ParallelMode::patterns, options);
  const eval::PatternSet second_outputs = eval::evaluate(second, permuted_inputs(inputs, matching),
                                                         eval::ParallelMode::patterns, options);
  for (std::uint64_t word = 0; word < inputs.word_count(); ++word) {
    std::uint64_t differences = 0;
    for (std::uint32_t o = 0; o < first.output_count(); ++o)
      differences |=
          first_outputs.words(o)[word] ^ second_outputs.words(matching.second_output[o])[word];
    if (differences == 0) continue;
    const std::uint64_t pattern = word * 64 + static_cast<unsigned>(std::countr_zero(differences));
    result.counterexample.assign(first.input_count(), false);
    for (std::uint32_t i = 0; i < first.input_count(); ++i)
      result.counterexample[i] = inputs.bit(i, pattern);
    for (std::uint32_t o = 0; o < first.output_count(); ++o) {
      const std::uint32_t matched = matching.second_output[o];
      if (first_outputs.bit(o, pattern) == second_outputs.bit(matched, pattern)) continue;
      result.differing_output = o;
      result.second_differing_output = matched;
      result.first_value = first_outputs.bit(o, pattern);
      result.second_value = second_outputs.bit(matched, pattern);
      return true;
    }
  }
  return false;
}

/// Both circuits hashed into one AIG over the first circuit's inputs; the
/// literals of each matched output pair.
struct CombinedCircuit {
  logic::Aig aig;
  std::vector<logic::Literal> first_outputs;
  std::vector<logic::Literal> second_outputs;
};

std::vector<logic::Literal> copy_into(logic::Aig& target, const logic::Aig& source,
                                      const std::vector<logic::Literal>& input_literals) {
  std::vector<logic::Literal> literal_of(source.node_count(), logic::false_literal);
  for (std::uint32_t i = 0; i < source.input_count(); ++i)
    literal_of[source.input_node(i)] = input_literals[i];
  auto mapped = [&](logic::Literal literal) {
    return literal_of[literal.node()] ^ literal.is_complemented();
  };
  for (logic::NodeIndex node = 1; node < source.node_count(); ++node)
    if (source.is_and(node))
      literal_of[node] =
          target.create_and(mapped(source.fanin0(node)), mapped(source.fanin1(node)));
  std::vector<logic::Literal> outputs;
  for (std::uint32_t o = 0; o < source.output_count(); ++o)
    outputs.push_back(mapped(source.output(o)));
  return outputs;
}

CombinedCircuit combine(const logic::Aig& first, const logic::Aig& second,
                        const PortMatching& matching) {
  CombinedCircuit combined;
  std::vector<logic::Literal> first_inputs;
  for (std::uint32_t i = 0; i < first.input_count(); ++i)
    first_inputs.push_back(combined.aig.create_input());
  std::vector<logic::Literal> second_inputs(second.input_count());
  for (std::uint32_t i = 0; i < first.input_count(); ++i)
    second_inputs[matching.second_input[i]] = first_inputs[i];
  combined.first_outputs = copy_into(combined.aig, first, first_inputs);
  const std::vector<logic::Literal> second_outputs = copy_into(combined.aig, second, second_inputs);
  for (std::uint32_t o = 0; o < first.output_count(); ++o)
    combined.second_outputs.push_back(second_outputs[matching.second_output[o]]);
  return combined;
}

}  // namespace

std::string_view name_of(EquivalenceMethod method) {
  return name_in(method_names, method);
}

EquivalenceResult check_equivalence(const logic::Aig& first, const logic::Aig& second,
                                    const EquivalenceOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const PortMatching matching = match_ports(first, second, options.first_name, options.second_name);
  EquivalenceResult result;
  if (options.random_patterns > 0) {
    const eval::PatternSet inputs =
        eval::random_patterns(first.input_count(), options.random_patterns, options.seed);
    if (find_first_difference(first, second, inputs, matching, options.threads, result)) {
      result.method = EquivalenceMethod::simulation;
      return result;
    }
  }
  const CombinedCircuit combined = combine(first, second, matching);
  result.method = EquivalenceMethod::structure;
  using Clock = std::chrono::steady_clock;
  std::optional<Clock::time_point> deadline;
  if (options.timeout_seconds > 0) {
    deadline = start + std::chrono::duration_cast<Clock::duration>(
                           std::chrono::duration<double>(options.timeout_seconds));
  }
  std::optional<MiterSolver> solver;
  for (std::uint32_t o = 0; o < first.output_count(); ++o) {
    const logic::Literal a = combined.first_outputs[o];
    const logic::Literal b = combined.second_outputs[o];
    if (a == b) continue;
    result.method = EquivalenceMethod::sat;
    OutputPairProgress progress{o, first.output_count(), OutputPairProgress::undecided, 0};
    if (deadline && Clock::now() >= *deadline) {
      result.undecided_outputs.push_back(o);
      if (options.progress) options.progress(progress);
      continue;
    }
    if (!solver) solver.emplace(combined.aig);
    const Clock::time_point pair_start = Clock::now();
    MiterSolver::PairVerdict verdict = solver->decide(a, b, options.conflict_limit, deadline);
    progress.seconds = std::chrono::duration<double>(Clock::now() - pair_start).count();
    if (verdict.kind == MiterSolver::PairVerdict::unknown) {
      result.undecided_outputs.push_back(o);
      if (options.progress) options.progress(progress);
      continue;
    }
    progress.verdict = verdict.kind == MiterSolver::PairVerdict::equal
                           ? OutputPairProgress::equal
                           : OutputPairProgress::different;
    if (options.progress) options.progress(progress);
    if (verdict.kind == MiterSolver::PairVerdict::equal) continue;
    // Re-simulate the counterexample on the original circuits.
    eval::PatternSet inputs(first.input_count(), 1);
    for (std::uint32_t i = 0; i < first.input_count(); ++i)
      inputs.set_bit(i, 0, verdict.inputs[i]);
    if (!find_first_difference(first, second, inputs, matching, 1, result))
      throw std::logic_error("the SAT counterexample does not distinguish the circuits");
    result.undecided_outputs.clear();
    return result;
  }
  result.decided = result.undecided_outputs.empty();
  result.equivalent = result.decided;
  return result;
}

std::optional<EquivalenceResult> simulation_difference(const logic::Aig& first,
                                                       const logic::Aig& second,
                                                       const EquivalenceOptions& options) {
  const PortMatching matching = match_ports(first, second, options.first_name, options.second_name);
  EquivalenceResult result;
  result.method = EquivalenceMethod::simulation;
  const eval::PatternSet inputs =
      eval::random_patterns(first.input_count(), options.random_patterns, options.seed);
  if (find_first_difference(first, second, inputs, matching, options.threads, result)) {
    return result;
  }
  return std::nullopt;
}

}  // namespace rnncc::verify
