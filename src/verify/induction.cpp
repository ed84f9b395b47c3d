#include "rnncc/verify/induction.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <stdexcept>
#include <variant>

#include "identity_check.hpp"
#include "rnncc/arith/format.hpp"
#include "rnncc/common/enum_names.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/model/registry.hpp"
#include "rnncc/model/step.hpp"

namespace rnncc::verify {

namespace {

using arith::NodeId;
using model::CircuitDomain;
using model::MapStructure;

constexpr EnumNames<InductionVerdict, 3> verdict_names{{
    {InductionVerdict::holds, "holds"},
    {InductionVerdict::fails, "fails"},
    {InductionVerdict::undecided, "undecided"},
}};
static_assert(names_are_distinct(verdict_names));

/// Boolean connectives on circuit nodes, from the domain's select.
struct Connectives {
  CircuitDomain& domain;
  NodeId truth() { return domain.boolean_constant(true); }
  NodeId falsity() { return domain.boolean_constant(false); }
  NodeId both(NodeId a, NodeId b) { return domain.select_boolean(a, b, falsity()); }
  NodeId either(NodeId a, NodeId b) { return domain.select_boolean(a, truth(), b); }
  NodeId negation(NodeId a) { return domain.select_boolean(a, falsity(), truth()); }
};

/// `count` fresh number inputs called NAME[i].
std::vector<NodeId> symbolic_numbers(arith::Circuit& circuit, std::size_t count,
                                     std::string_view name) {
  std::vector<NodeId> numbers;
  for (std::size_t i = 0; i < count; ++i)
    numbers.push_back(circuit.create_input(fmt::format("{}[{}]", name, i)));
  return numbers;
}

/// A map of `structure` whose every word is a fresh input named after `name`.
CircuitMap symbolic_map(arith::Circuit& circuit, MapStructure structure, std::size_t rows,
                        std::size_t columns, std::string_view name) {
  CircuitMap map;
  map.structure = structure;
  map.rows = rows;
  map.columns = columns;
  switch (structure) {
    case MapStructure::diagonal:
      map.diagonal = symbolic_numbers(circuit, rows, fmt::format("{}.diagonal", name));
      break;
    case MapStructure::permutation_diagonal:
      map.diagonal = symbolic_numbers(circuit, rows, fmt::format("{}.diagonal", name));
      for (std::size_t i = 0; i < rows * rows; ++i)
        map.one_hot.push_back(circuit.create_boolean_input(fmt::format("{}.one_hot[{}]", name, i)));
      break;
    case MapStructure::low_rank_update:
      map.diagonal = symbolic_numbers(circuit, rows, fmt::format("{}.diagonal", name));
      map.left = symbolic_numbers(circuit, rows, fmt::format("{}.left", name));
      map.right = symbolic_numbers(circuit, rows, fmt::format("{}.right", name));
      break;
    case MapStructure::dense:
      map.matrix = symbolic_numbers(circuit, rows * rows, fmt::format("{}.matrix", name));
      break;
  }
  map.offset = symbolic_numbers(circuit, rows * columns, fmt::format("{}.offset", name));
  return map;
}

/// True when `map` is well formed: a permutation-diagonal map has exactly
/// one flag set in each one-hot row (what apply and compose assume); every
/// other structure always is.
NodeId well_formed(CircuitDomain& domain, const CircuitMap& map) {
  Connectives gates{domain};
  NodeId all = gates.truth();
  if (map.structure != MapStructure::permutation_diagonal) return all;
  for (std::size_t i = 0; i < map.rows; ++i) {
    NodeId seen = gates.falsity();
    NodeId twice = gates.falsity();
    for (std::size_t k = 0; k < map.rows; ++k) {
      const NodeId flag = map.one_hot[i * map.rows + k];
      twice = gates.either(twice, gates.both(seen, flag));
      seen = gates.either(seen, flag);
    }
    all = gates.both(all, gates.both(seen, gates.negation(twice)));
  }
  return all;
}

/// A step's input with every bit or value a fresh input.
model::StepInput<CircuitDomain> symbolic_step_input(arith::Circuit& circuit,
                                                    const model::Model& model) {
  model::StepInput<CircuitDomain> input;
  if (model.input.is_tokens()) {
    for (std::size_t bit = 0; bit < model.input.token_bits(); ++bit)
      input.token_bits.push_back(circuit.create_boolean_input(fmt::format("token[{}]", bit)));
  } else {
    input.values = symbolic_numbers(circuit, model.input.dimension, "x");
  }
  return input;
}

/// The words of a map in a fixed order.
std::vector<NodeId> map_words(const CircuitMap& map) {
  std::vector<NodeId> words;
  for (const auto* part :
       {&map.diagonal, &map.one_hot, &map.left, &map.right, &map.matrix, &map.offset})
    words.insert(words.end(), part->begin(), part->end());
  return words;
}

/// Pairs words[i] of two lists, named NAME[i].
void add_pairs(std::vector<IdentityPair>& pairs, const std::vector<NodeId>& left,
               const std::vector<NodeId>& right, std::string_view name) {
  if (left.size() != right.size()) throw std::logic_error("identity sides of different sizes");
  for (std::size_t i = 0; i < left.size(); ++i)
    pairs.push_back({fmt::format("{}[{}]", name, i), left[i], right[i]});
}

std::string_view short_name(MapStructure structure) {
  switch (structure) {
    case MapStructure::diagonal:
      return "diagonal";
    case MapStructure::permutation_diagonal:
      return "PD";
    case MapStructure::low_rank_update:
      return "low-rank";
    case MapStructure::dense:
      return "dense";
  }
  return "?";
}

using Clock = std::chrono::steady_clock;

/// When a check started, on the wall clock and in processor time.
struct Start {
  Clock::time_point wall = Clock::now();
  std::clock_t processor = std::clock();
};

/// Everything one head's checks share.
struct HeadProof {
  const model::Model& model;
  const InductionOptions& options;
  const CompositionRule& compose;
  std::string head;
  std::size_t rows = 0;
  std::size_t columns = 1;

  /// Decides `pairs` of `circuit` under `precondition` into a check.
  InductionCheck decide(arith::Circuit& circuit, NodeId precondition,
                        const std::vector<IdentityPair>& pairs, std::string name,
                        std::string statement, const Start& start) const {
    InductionCheck check;
    check.head = head;
    check.name = std::move(name);
    check.statement = std::move(statement);
    check.word_pairs = pairs.size();
    const IdentityOutcome outcome =
        decide_identities(circuit, precondition, pairs, options.arithmetic, options.conflict_limit,
                          options.timeout_seconds);
    check.verdict = outcome.verdict;
    check.bit_pairs = outcome.bit_pairs;
    check.and_nodes = outcome.and_nodes;
    check.variables = outcome.variables;
    check.clauses = outcome.clauses;
    check.counterexample = outcome.counterexample;
    check.counterexample_inputs = outcome.counterexample_inputs;
    check.differing_word = outcome.differing_word;
    check.left_value = outcome.left_value;
    check.right_value = outcome.right_value;
    check.seconds = std::chrono::duration<double>(Clock::now() - start.wall).count();
    check.cpu_seconds = static_cast<double>(std::clock() - start.processor) / CLOCKS_PER_SEC;
    if (options.on_check) options.on_check(check);
    return check;
  }

  /// step: apply(transition(x), h) = step(h, x), and transition(x) well formed.
  /// Returns the check and the transition's structure and shape in `leaf`.
  InductionCheck step_check(MapStructure& leaf) {
    const Start start;
    arith::Circuit circuit(model.format);
    CircuitDomain domain(circuit);
    const model::StepInput<CircuitDomain> input = symbolic_step_input(circuit, model);
    const CircuitMap map = model::linear_transition(domain, model, input);
    leaf = map.structure;
    rows = map.rows;
    columns = map.columns;
    const std::vector<NodeId> state = symbolic_numbers(circuit, map.offset.size(), "h");
    std::vector<IdentityPair> pairs;
    add_pairs(pairs, model::step(domain, model, state, input), model::apply_map(domain, map, state),
              "state");
    pairs.push_back({"well-formed", well_formed(domain, map), domain.boolean_constant(true)});
    return decide(circuit, domain.boolean_constant(true), pairs, "step",
                  fmt::format("step(h, x) = apply(transition(x), h), transition(x) a well-formed "
                              "{} map, for every state h and input x",
                              short_name(leaf)),
                  start);
  }

  /// The structure compose gives for operands of these structures.
  MapStructure composed_structure(MapStructure later, MapStructure earlier) const {
    arith::Circuit circuit(model.format);
    CircuitDomain domain(circuit);
    return compose(domain, symbolic_map(circuit, later, rows, columns, "L"),
                   symbolic_map(circuit, earlier, rows, columns, "E"))
        .structure;
  }

  /// compose-apply for maps of structures (later, earlier).
  InductionCheck compose_apply_check(MapStructure later_structure,
                                     MapStructure earlier_structure) const {
    const Start start;
    arith::Circuit circuit(model.format);
    CircuitDomain domain(circuit);
    Connectives gates{domain};
    const CircuitMap later = symbolic_map(circuit, later_structure, rows, columns, "L");
    const CircuitMap earlier = symbolic_map(circuit, earlier_structure, rows, columns, "E");
    const std::vector<NodeId> state = symbolic_numbers(circuit, rows * columns, "h");
    const NodeId precondition =
        gates.both(well_formed(domain, later), well_formed(domain, earlier));
    const CircuitMap composed = compose(domain, later, earlier);
    std::vector<IdentityPair> pairs;
    add_pairs(pairs, model::apply_map(domain, composed, state),
              model::apply_map(domain, later, model::apply_map(domain, earlier, state)), "state");
    pairs.push_back({"well-formed", well_formed(domain, composed), domain.boolean_constant(true)});
    return decide(circuit, precondition, pairs,
                  fmt::format("compose-apply {}∘{}", short_name(later_structure),
                              short_name(earlier_structure)),
                  "apply(compose(L, E), h) = apply(L, apply(E, h)) and compose(L, E) well formed, "
                  "for every state h and well-formed maps L, E",
                  start);
  }

  /// associativity for maps of structures (third, second, first).
  InductionCheck associativity_check(MapStructure third_structure, MapStructure second_structure,
                                     MapStructure first_structure) const {
    const Start start;
    arith::Circuit circuit(model.format);
    CircuitDomain domain(circuit);
    Connectives gates{domain};
    const CircuitMap third = symbolic_map(circuit, third_structure, rows, columns, "C");
    const CircuitMap second = symbolic_map(circuit, second_structure, rows, columns, "B");
    const CircuitMap first = symbolic_map(circuit, first_structure, rows, columns, "A");
    const NodeId precondition =
        gates.both(well_formed(domain, third),
                   gates.both(well_formed(domain, second), well_formed(domain, first)));
    const CircuitMap right_first = compose(domain, third, compose(domain, second, first));
    const CircuitMap left_first = compose(domain, compose(domain, third, second), first);
    std::vector<IdentityPair> pairs;
    if (right_first.structure == left_first.structure) {
      add_pairs(pairs, map_words(right_first), map_words(left_first), "word");
    } else {
      // Different representations: compare the matrices entry by entry.
      std::vector<NodeId> right_entries = right_first.offset;
      std::vector<NodeId> left_entries = left_first.offset;
      for (std::size_t i = 0; i < rows; ++i) {
        for (std::size_t k = 0; k < rows; ++k) {
          right_entries.push_back(model::map_entry(domain, right_first, i, k));
          left_entries.push_back(model::map_entry(domain, left_first, i, k));
        }
      }
      add_pairs(pairs, right_entries, left_entries, "entry");
    }
    return decide(circuit, precondition, pairs,
                  fmt::format("associativity {}∘{}∘{}", short_name(third_structure),
                              short_name(second_structure), short_name(first_structure)),
                  "compose(C, compose(B, A)) = compose(compose(C, B), A), word for word, for "
                  "every well-formed maps A, B, C",
                  start);
  }

  /// Every check of this head, in order.
  void run(std::vector<InductionCheck>& checks) {
    MapStructure leaf = MapStructure::diagonal;
    checks.push_back(step_check(leaf));
    // The representations a scan reaches: the transitions' and every
    // composition of reached ones.
    std::vector<MapStructure> reached{leaf};
    for (bool grew = true; grew;) {
      grew = false;
      for (std::size_t a = 0; a < reached.size(); ++a) {
        for (std::size_t b = 0; b < reached.size(); ++b) {
          const MapStructure next = composed_structure(reached[a], reached[b]);
          if (std::find(reached.begin(), reached.end(), next) == reached.end()) {
            reached.push_back(next);
            grew = true;
          }
        }
      }
    }
    for (MapStructure later : reached)
      for (MapStructure earlier : reached)
        checks.push_back(compose_apply_check(later, earlier));
    for (MapStructure third : reached)
      for (MapStructure second : reached)
        for (MapStructure first : reached)
          checks.push_back(associativity_check(third, second, first));
  }
};

/// The models whose recurrences a scan of `model` composes: itself, or a
/// network's heads.
std::vector<const model::Model*> scanned_models(const model::Model& model) {
  if (!model::is_network(*model.family)) return {&model};
  std::vector<const model::Model*> heads;
  for (const model::Sublayer& sublayer :
       model.parameters_as<model::Network::Parameters>().sublayers)
    for (const model::Model& head : sublayer.heads)
      heads.push_back(&head);
  return heads;
}

}  // namespace

std::string_view name_of(InductionVerdict verdict) {
  return name_in(verdict_names, verdict);
}

bool InductionProof::holds() const {
  return std::all_of(checks.begin(), checks.end(),
                     [](const InductionCheck& check) {
                       return check.verdict == InductionVerdict::holds;
                     }) &&
         std::none_of(networks.begin(), networks.end(),
                      [](const PrefixNetworkCheck& network) { return network.defect.has_value(); });
}

std::optional<std::string> induction_exclusion(const model::Model& model) {
  if (!model::supports_scan(model)) {
    return fmt::format(
        "{}: family {} has no associative composition of steps (a nonlinear step), so there is "
        "no scan to prove",
        model.name, model.family->name);
  }
  const std::string format = arith::to_string(model.format);
  if (!arith::is_ring(model.format)) {
    return fmt::format(
        "{}: {} rounds, so its + and × are not associative and a scan computes a different "
        "function from the sequential recurrence; the induction applies to ring formats "
        "(mod:W, modp:P) only",
        model.name, format);
  }
  if (!arith::is_finite(model.format)) {
    return fmt::format(
        "{}: in {} the circuit's words are sized by bounds that grow with T, so no circuit of "
        "one step stands for every T; give a fixed-width ring format with --format (mod:W or "
        "modp:P)",
        model.name, format);
  }
  return std::nullopt;
}

InductionProof prove_scan_by_induction(const model::Model& model, const InductionOptions& options) {
  if (std::optional<std::string> reason = induction_exclusion(model)) throw InputError(*reason);
  const CompositionRule compose =
      options.composition ? options.composition
                          : CompositionRule([](CircuitDomain& domain, const CircuitMap& later,
                                               const CircuitMap& earlier) {
                              return model::compose(domain, later, earlier);
                            });
  InductionProof proof;
  proof.format = arith::to_string(model.format);
  const std::vector<const model::Model*> scanned = scanned_models(model);
  for (std::size_t index = 0; index < scanned.size(); ++index) {
    std::string label;
    if (scanned[index] != &model) {
      label = scanned[index]->name.empty()
                  ? fmt::format("head {}", index + 1)
                  : fmt::format("head {} ({})", index + 1, scanned[index]->name);
    }
    HeadProof head{*scanned[index], options, compose, label};
    head.run(proof.checks);
  }
  for (word::PrefixArchitecture architecture :
       {word::PrefixArchitecture::ripple, word::PrefixArchitecture::sklansky,
        word::PrefixArchitecture::brent_kung, word::PrefixArchitecture::kogge_stone,
        word::PrefixArchitecture::ladner_fischer})
    proof.networks.push_back(check_inclusive_prefix(architecture, options.largest_length));
  proof.networks.push_back(check_balanced_reduce(options.largest_length));
  return proof;
}

}  // namespace rnncc::verify
