// parity and modcount:K: counting tasks in TC0 that a diagonal linear RNN
// with a negative or complex-root eigenvalue solves. parity: alphabet
// "01", label 1 iff the number of 1s is odd. modcount:K: alphabet "ab",
// label = the number of a's modulo K.
#include <nlohmann/json.hpp>

#include "task_support.hpp"

namespace rnncc::experiment::tasks {

namespace {

class ParityTask final : public Task {
 public:
  std::string name() const override { return "parity"; }
  bool decision() const override { return true; }
  std::string_view size_meaning() const override { return "the word length"; }

  std::vector<io::Instance> generate(const TaskRequest& request) const override {
    check_size(*this, request, 1, std::size_t{1} << 20);
    SplitMix64 random(request.seed);
    const std::vector<bool> labels = planned_labels(request, random);
    std::vector<io::Instance> instances;
    for (std::size_t i = 0; i < request.count; ++i) {
      std::string word(request.size, '0');
      std::size_t ones = 0;
      for (char& c : word) {
        if (random.below(2) == 1) {
          c = '1';
          ++ones;
        }
      }
      if (!labels.empty() && (ones % 2 == 1) != labels[i]) {
        // Flip one symbol at a uniform position to get the planned parity.
        char& c = word[random.below(word.size())];
        ones += c == '0' ? 1 : -1;
        c = c == '0' ? '1' : '0';
      }
      nlohmann::ordered_json meta;
      meta["ones"] = ones;
      instances.push_back(token_instance(word, {ones % 2}, meta.dump()));
    }
    return instances;
  }

  std::vector<Shortcut> shortcuts(const std::vector<io::Instance>& instances) const override {
    std::vector<Shortcut> result = Task::shortcuts(instances);
    result.push_back({"the last symbol is 1", accuracy_of(instances, [](const io::Instance& x) {
                        return x.tokens.back() == "1";
                      })});
    return result;
  }
};

class ModcountTask final : public Task {
 public:
  explicit ModcountTask(std::size_t modulus) : modulus_(modulus) {}
  std::string name() const override { return fmt::format("modcount:{}", modulus_); }
  bool decision() const override { return false; }
  std::string_view size_meaning() const override { return "the word length"; }

  std::vector<io::Instance> generate(const TaskRequest& request) const override {
    check_size(*this, request, 1, std::size_t{1} << 20);
    SplitMix64 random(request.seed);
    std::vector<io::Instance> instances;
    for (std::size_t i = 0; i < request.count; ++i) {
      std::string word(request.size, 'b');
      std::size_t count = 0;
      for (char& c : word) {
        if (random.below(2) == 1) {
          c = 'a';
          ++count;
        }
      }
      nlohmann::ordered_json meta;
      meta["a_count"] = count;
      instances.push_back(token_instance(word, {count % modulus_}, meta.dump()));
    }
    return instances;
  }

 private:
  std::size_t modulus_;
};

}  // namespace

std::unique_ptr<Task> make_parity_task() {
  return std::make_unique<ParityTask>();
}

std::unique_ptr<Task> make_modcount_task(std::string_view parameter) {
  return std::make_unique<ModcountTask>(
      parse_task_parameter(parameter, "modcount:K (the modulus K)", 2, 1 << 20));
}

}  // namespace rnncc::experiment::tasks
