// cvp: the monotone circuit value problem (P-complete, Ladner 1975), in an
// encoding a two-stack machine evaluates in one pass (docs/tasks.md): gates
// in topological order; an input gate is `0` or `1`; an AND (OR) gate is
// its two operands then `&` (`+`); an operand naming the gate d places
// below the newest one is `x` repeated d times, `|`, then `.` repeated d
// times (time for the machine to move the d values back). Label: the value
// of the last gate.
#include <nlohmann/json.hpp>

#include "task_support.hpp"

namespace rnncc::experiment::tasks {

namespace {

struct Gate {
  char kind = '0';  ///< '0', '1' (inputs), '&' or '+'
  std::size_t first = 0, second = 0;
};

/// The value of every gate.
std::vector<bool> evaluate(const std::vector<Gate>& gates) {
  std::vector<bool> values;
  for (const Gate& gate : gates) {
    if (gate.kind == '0' || gate.kind == '1') {
      values.push_back(gate.kind == '1');
    } else if (gate.kind == '&') {
      values.push_back(values[gate.first] && values[gate.second]);
    } else {
      values.push_back(values[gate.first] || values[gate.second]);
    }
  }
  return values;
}

class CvpTask final : public Task {
 public:
  std::string name() const override { return "cvp"; }
  bool decision() const override { return true; }
  std::string_view size_meaning() const override { return "the number of gates"; }

  std::vector<io::Instance> generate(const TaskRequest& request) const override {
    check_size(*this, request, 3, 4096);
    SplitMix64 random(request.seed);
    const std::vector<bool> labels = planned_labels(request, random);
    std::vector<io::Instance> instances;
    for (std::size_t i = 0; i < request.count; ++i) {
      std::vector<Gate> gates;
      for (int attempt = 0;; ++attempt) {
        gates = random_circuit(request.size, random);
        if (labels.empty() || evaluate(gates).back() == labels[i]) break;
        if (attempt == 100000) {
          throw InputError(
              fmt::format("task cvp: no circuit of {} gates with value {} in 100000 "
                          "draws",
                          request.size, labels[i] ? 1 : 0));
        }
      }
      instances.push_back(make_instance(gates));
    }
    return instances;
  }

 private:
  /// A quarter of the gates (at least two) are inputs, the rest AND and OR
  /// gates; each operand is with equal chance any earlier gate or one of
  /// the four newest.
  static std::vector<Gate> random_circuit(std::size_t size, SplitMix64& random) {
    std::vector<Gate> gates;
    const std::size_t inputs = std::max<std::size_t>(2, size / 4);
    for (std::size_t g = 0; g < size; ++g) {
      Gate gate;
      if (g < inputs) {
        gate.kind = random.below(2) == 0 ? '0' : '1';
      } else {
        gate.kind = random.below(2) == 0 ? '&' : '+';
        auto operand = [&] {
          const std::size_t window = random.below(2) == 0 ? g : std::min<std::size_t>(g, 4);
          return g - 1 - random.below(window);
        };
        gate.first = operand();
        gate.second = operand();
      }
      gates.push_back(gate);
    }
    return gates;
  }

  static io::Instance make_instance(const std::vector<Gate>& gates) {
    std::string word;
    nlohmann::ordered_json listed = nlohmann::ordered_json::array();
    for (std::size_t g = 0; g < gates.size(); ++g) {
      const Gate& gate = gates[g];
      if (gate.kind == '0' || gate.kind == '1') {
        word += gate.kind;
        listed.push_back({"input", gate.kind == '1' ? 1 : 0});
        continue;
      }
      for (std::size_t operand : {gate.first, gate.second}) {
        const std::size_t distance = g - 1 - operand;
        word += std::string(distance, 'x') + '|' + std::string(distance, '.');
      }
      word += gate.kind;
      listed.push_back({gate.kind == '&' ? "and" : "or", gate.first, gate.second});
    }
    nlohmann::ordered_json meta;
    meta["gates"] = listed;
    return token_instance(word, {evaluate(gates).back() ? 1 : 0}, meta.dump());
  }
};

}  // namespace

std::unique_ptr<Task> make_cvp_task() {
  return std::make_unique<CvpTask>();
}

}  // namespace rnncc::experiment::tasks
