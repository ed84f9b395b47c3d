// The multi-stack machine as a one-layer MLP RNN (the paper's Thm 1), and
// the `stack-machine` construction that writes it.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <array>

#include "construction_support.hpp"
#include "finite_control.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/common/file_text.hpp"
#include "rnncc/experiment/stack_machine.hpp"
#include "rnncc/model/families/mlp_rnn.hpp"

namespace rnncc::experiment::constructions {

namespace {

/// How one encoding reads and updates a stack s, as linear forms over
/// layer 0's outputs for stack j: its copy of s and three ReLU ramps.
struct EncodingRules {
  mpq_class empty_value;  ///< the number of an empty stack
  /// The ramps relu(slope · s − offset_i), i = 0, 1, 2.
  mpq_class slope;
  std::array<mpq_class, 3> offsets;
  /// The literals "top is 0", "top is 1", "empty" as
  /// constant + Σ coefficient_i · ramp_i + copy_coefficient · s.
  struct Reading {
    mpq_class constant, copy;
    std::array<mpq_class, 3> ramp;
  };
  Reading zero, one, empty;
  /// push_v(s) = push_scale · s + push_constant[v]; pop with top v:
  /// pop_scale · s − pop_constant[v].
  mpq_class push_scale;
  std::array<mpq_class, 2> push_constant;
  mpq_class pop_scale;
  std::array<mpq_class, 2> pop_constant;
  /// Every candidate stack value is at most selector_scale, on every
  /// well-formed stack: a pop's candidate is evaluated on every stack, also
  /// one whose top is not the one the move tests.
  mpq_class selector_scale;
};

EncodingRules rules_of(StackEncoding encoding) {
  EncodingRules rules;
  if (encoding == StackEncoding::base4) {
    // s in [0, 1): empty 0, top-0 stacks in [1/4, 1/2), top-1 in [3/4, 1).
    // Ramps relu(4s − 1), relu(4s − 2), relu(4s − 3): min(1, 4s) = 4s −
    // ramp_0 is "not empty", ramp_1 − ramp_2 = min(1, relu(4s − 2)) is
    // "top is 1"; both exact because no stack lies in (0, 1/4) or
    // (1/2, 3/4).
    rules.empty_value = 0;
    rules.slope = 4;
    rules.offsets = {1, 2, 3};
    rules.empty = {1, -4, {1, 0, 0}};
    rules.zero = {0, 4, {-1, -1, 1}};
    rules.one = {0, 0, {0, 1, -1}};
    rules.push_scale = mpq_class(1, 4);
    rules.push_constant = {mpq_class(1, 4), mpq_class(3, 4)};
    rules.pop_scale = 4;
    rules.pop_constant = {1, 3};
    rules.selector_scale = 3;  // 4s − 1 < 3 for s < 1
  } else {
    // The paper's App. A.1: s in [0, 2], empty 1, push_v(s) = v + s/2,
    // pop(s) = 2(s − top), top = 1[s ≥ 1] read by a ramp of width 1/3.
    // Ramps relu(3s − 2), relu(3s − 3), relu(3s − 4): "empty" is the hat
    // ramp_0 − 2 ramp_1 + ramp_2 (1 at s = 1, 0 outside (2/3, 4/3)), "top
    // is 1" is ramp_1 − ramp_2 and "top is 0" is 1 − ramp_0 + ramp_1. They
    // are exact only outside (2/3, 1) and (1, 4/3) — where stacks such as
    // 0·1·1 (7/8) and 1·0·0 (9/8) lie.
    rules.empty_value = 1;
    rules.slope = 3;
    rules.offsets = {2, 3, 4};
    rules.empty = {0, 0, {1, -2, 1}};
    rules.zero = {1, 0, {-1, 1, 0}};
    rules.one = {0, 0, {0, 1, -1}};
    rules.push_scale = mpq_class(1, 2);
    rules.push_constant = {0, 1};
    rules.pop_scale = 2;
    rules.pop_constant = {0, 2};
    rules.selector_scale = 4;  // 2s ≤ 4 for s ≤ 2
  }
  return rules;
}

void put(io::TensorText& tensor, std::size_t row, std::size_t column, const mpq_class& value) {
  tensor.values[row * tensor.shape[1] + column] += value;
}

}  // namespace

std::string stack_machine_model(const StackMachine& machine, StackEncoding encoding,
                                std::string_view format, std::string_view comment) {
  const EncodingRules rules = rules_of(encoding);
  const std::size_t states = machine.states.size();
  const std::size_t symbols = machine.alphabet.size();
  const std::size_t k = machine.stacks.size();
  const std::size_t moves = machine.transitions.size();
  const std::size_t d = states + k;  // [one-hot control; one number per stack]
  const std::size_t first_width = states + symbols + 4 * k;
  const std::size_t second_width = moves + moves * k;
  const FiniteControlLayers control(states, symbols, d);
  // Layer 0's outputs for stack j: the copy of s, then the three ramps.
  auto copy_unit = [&](std::size_t j) { return control.copied_units() + 4 * j; };
  auto ramp_unit = [&](std::size_t j, std::size_t i) { return copy_unit(j) + 1 + i; };
  // Layer 1's output of move m's candidate for stack j.
  auto candidate_unit = [&](std::size_t m, std::size_t j) { return moves + m * k + j; };

  // Layer 0, reading [h; x]: the control state and the symbol, and per
  // stack s and its ramps.
  io::TensorText weight0 = zeros({first_width, d + symbols});
  io::TensorText bias0 = zeros({first_width});
  control.copy_control_and_symbol(weight0);
  for (std::size_t j = 0; j < k; ++j) {
    put(weight0, copy_unit(j), states + j, 1);
    for (std::size_t i = 0; i < 3; ++i) {
      put(weight0, ramp_unit(j, i), states + j, rules.slope);
      bias0.values[ramp_unit(j, i)] = -rules.offsets[i];
    }
  }
  auto literal = [&](std::size_t j, const EncodingRules::Reading& reading) {
    LinearForm form;
    form.constant = reading.constant;
    if (reading.copy != 0) form.terms.emplace_back(copy_unit(j), reading.copy);
    for (std::size_t i = 0; i < 3; ++i)
      if (reading.ramp[i] != 0) form.terms.emplace_back(ramp_unit(j, i), reading.ramp[i]);
    return form;
  };

  // Layer 1: one gate per move (1 iff its state, symbol and top tests
  // hold), and per move and stack the stack's value after the move, gated:
  // relu(candidate + scale · (condition − its count)) is the candidate when
  // the move applies (candidates are then in [0, scale]) and 0 otherwise
  // (every candidate is at most scale).
  io::TensorText weight1 = zeros({second_width, first_width});
  io::TensorText bias1 = zeros({second_width});
  for (std::size_t m = 0; m < moves; ++m) {
    const StackMachine::Transition& move = machine.transitions[m];
    MoveCondition condition{move.state, move.symbol, {}};
    for (std::size_t j = 0; j < k; ++j) {
      if (!move.test[j]) continue;
      condition.literals.push_back(literal(j, *move.test[j] == StackMachine::Top::zero ? rules.zero
                                              : *move.test[j] == StackMachine::Top::one
                                                  ? rules.one
                                                  : rules.empty));
    }
    control.write_gate(weight1, bias1, m, condition);
    for (std::size_t j = 0; j < k; ++j) {
      const std::size_t row = candidate_unit(m, j);
      control.add_condition(weight1, bias1, row, condition, rules.selector_scale);
      switch (move.operation[j]) {
        case StackMachine::Operation::keep:
          put(weight1, row, copy_unit(j), 1);
          break;
        case StackMachine::Operation::push_zero:
        case StackMachine::Operation::push_one: {
          const int bit = move.operation[j] == StackMachine::Operation::push_one ? 1 : 0;
          put(weight1, row, copy_unit(j), rules.push_scale);
          bias1.values[row] += rules.push_constant[bit];
          break;
        }
        case StackMachine::Operation::pop: {
          const int bit = *move.test[j] == StackMachine::Top::one ? 1 : 0;
          put(weight1, row, copy_unit(j), rules.pop_scale);
          bias1.values[row] -= rules.pop_constant[bit];
          break;
        }
      }
    }
  }
  // Layer 2: the next control state, and each stack the sum of its gated
  // candidates (at most one is not 0).
  io::TensorText weight2 = zeros({d, second_width});
  io::TensorText bias2 = zeros({d});
  for (std::size_t m = 0; m < moves; ++m) {
    control.route_gate(weight2, m, machine.transitions[m].next);
    for (std::size_t j = 0; j < k; ++j)
      put(weight2, states + j, candidate_unit(m, j), 1);
  }
  io::TensorText initial = zeros({d});
  initial.values[machine.start] = 1;
  for (std::size_t j = 0; j < k; ++j)
    initial.values[states + j] = rules.empty_value;
  io::TensorText readout = zeros({d});
  for (std::size_t q : machine.accepting_states)
    readout.values[q] = 1;

  io::ModelFileWriter file;
  file.comment(comment);
  const std::string stacks_as_numbers =
      encoding == StackEncoding::base4
          ? "Each stack is one number in base 4: E(empty) = 0,\n"
            "E(b.w) = (2b + 1 + E(w))/4, so top-0 stacks lie in [1/4, 1/2) and top-1\n"
            "stacks in [3/4, 1): ReLU ramps of fixed width read the top and the\n"
            "emptiness exactly. Push v: (2v + 1 + s)/4; pop of top v: 4s - 2v - 1."
          : "Each stack is one number as in the paper's App. A.1: empty = 1,\n"
            "push_v(s) = v + s/2, pop(s) = 2(s - top), top = 1[s >= 1] read by a\n"
            "ReLU ramp of width 1/3. Deep stacks come within 1/3 of 1 (0.1.1 is\n"
            "7/8, 1.0.0 is 9/8) and are misread: this encoding does NOT simulate\n"
            "the machine in general (docs/constructions.md has a failing input).";
  file.comment(fmt::format(
      "\nThe paper's Thm 1: a one-layer MLP RNN simulating the machine. State\n"
      "(d = {}): the one-hot control state ({}), then one number per stack ({}).\n"
      "{}\n"
      "Layer 0 copies the control state and the symbol and computes three ramps\n"
      "per stack; layer 1 one gate per move ({} moves), 1 iff its state, symbol\n"
      "and top tests hold, and per move and stack the stack after the move,\n"
      "kept only when the move applies; layer 2 the next control state and\n"
      "stacks. A missing move leaves the control state all zero: a dead state\n"
      "that rejects. Accept iff o.h > 0: an accepting state. Each push adds two\n"
      "bits to a stack's number: polynomial precision.\n"
      "Written by `rnncc construct`.",
      d, fmt::join(machine.states, " "), fmt::join(machine.stacks, " "), stacks_as_numbers, moves));
  file.text("family", model::MlpRnn::descriptor.name);
  file.text("format", format);
  file.integer("state", static_cast<long>(d));
  file.integers("hidden", {static_cast<long>(first_width), static_cast<long>(second_width)});
  file.table("input");
  file.texts("alphabet", machine.alphabet);
  file.table("readout");
  file.text("kind", "accept");
  file.table("weights");
  file.tensor("mlp.0.weight", weight0);
  file.tensor("mlp.0.bias", bias0);
  file.tensor("mlp.1.weight", weight1);
  file.tensor("mlp.1.bias", bias1);
  file.tensor("mlp.2.weight", weight2);
  file.tensor("mlp.2.bias", bias2);
  file.tensor("initial", initial);
  file.tensor("readout", readout);
  return file.contents();
}

namespace {

class StackMachineConstruction final : public Construction {
 public:
  std::string name() const override { return "stack-machine"; }
  std::string summary() const override {
    return "any multi-stack machine FILE as a one-layer MLP RNN (Thm 1)";
  }
  bool reads_file() const override { return true; }
  std::vector<ConstructionParameter> parameters() const override {
    return {{"encoding", "base4",
             "how a stack is a number: base4 (exact), or base2, the paper's App. A.1, which "
             "misreads deep stacks"},
            {"format", "exact", "the number format (each push adds two bits)"}};
  }
  std::string build(const ConstructionRequest& request) const override {
    const std::string encoding_name = parameter_value(*this, request, "encoding");
    const std::string format = parameter_value(*this, request, "format");
    if (encoding_name != "base4" && encoding_name != "base2") {
      throw InputError(fmt::format(
          "construction stack-machine: encoding '{}' (expected base4 or base2)", encoding_name));
    }
    if (!request.input_file) {
      throw InputError("construction stack-machine reads a machine: give its FILE");
    }
    const std::string text = read_file_text(*request.input_file, 1 << 24, "a stack machine");
    const StackMachine machine = parse_stack_machine(text, request.input_file->string());
    const StackEncoding encoding =
        encoding_name == "base4" ? StackEncoding::base4 : StackEncoding::base2;
    return stack_machine_model(machine, encoding, format,
                               fmt::format("A multi-stack machine ({}) as an MLP RNN.",
                                           request.input_file->filename().string()));
  }
};

}  // namespace

std::unique_ptr<Construction> make_stack_machine_construction() {
  return std::make_unique<StackMachineConstruction>();
}

}  // namespace rnncc::experiment::constructions
