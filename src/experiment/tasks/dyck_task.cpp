// dyck:D: the bounded Dyck language over "()": label 1 iff the word is
// balanced and never nests deeper than D.
#include <nlohmann/json.hpp>

#include "task_support.hpp"

namespace rnncc::experiment::tasks {

namespace {

/// The label and the deepest nesting of `word` (depth goes negative at an
/// unmatched ')': the word is then unbalanced).
bool in_language(const std::string& word, std::size_t bound) {
  long depth = 0;
  for (char c : word) {
    depth += c == '(' ? 1 : -1;
    if (depth < 0 || depth > static_cast<long>(bound)) return false;
  }
  return depth == 0;
}

class DyckTask final : public Task {
 public:
  explicit DyckTask(std::size_t bound) : bound_(bound) {}
  std::string name() const override { return fmt::format("dyck:{}", bound_); }
  bool decision() const override { return true; }
  std::string_view size_meaning() const override { return "the word length (even)"; }

  std::vector<io::Instance> generate(const TaskRequest& request) const override {
    check_size(*this, request, 2, 1024);
    if (request.size % 2 != 0) {
      throw InputError(
          fmt::format("task {}: --size must be even (a balanced word has as many "
                      "'(' as ')'), not {}",
                      name(), request.size));
    }
    SplitMix64 random(request.seed);
    const std::vector<bool> labels = planned_labels(request, random);
    const std::vector<std::vector<mpz_class>> completions = count_completions(request.size);
    std::vector<io::Instance> instances;
    for (std::size_t i = 0; i < request.count; ++i) {
      std::string word;
      if (labels.empty()) {
        word = random_word(request.size, random);
      } else if (labels[i]) {
        word = balanced_word(request.size, completions, random);
      } else if (random.below(2) == 0) {
        // A near miss: a balanced word with one symbol flipped.
        word = balanced_word(request.size, completions, random);
        char& c = word[random.below(word.size())];
        c = c == '(' ? ')' : '(';
      } else {
        do {
          word = random_word(request.size, random);
        } while (in_language(word, bound_));
      }
      nlohmann::ordered_json meta;
      meta["depth_bound"] = bound_;
      instances.push_back(token_instance(word, {in_language(word, bound_) ? 1 : 0}, meta.dump()));
    }
    return instances;
  }

 private:
  static std::string random_word(std::size_t length, SplitMix64& random) {
    std::string word(length, '(');
    for (char& c : word)
      if (random.below(2) == 1) c = ')';
    return word;
  }

  /// ways[k][h]: the number of ways to finish a word with k symbols left at
  /// depth h, staying within [0, bound] and ending at depth 0.
  /// Depths beyond length / 2 cannot return to 0, so the table stops there.
  std::vector<std::vector<mpz_class>> count_completions(std::size_t length) const {
    const std::size_t deepest = std::min(bound_, length / 2);
    std::vector<std::vector<mpz_class>> ways(length + 1,
                                             std::vector<mpz_class>(deepest + 2, mpz_class(0)));
    ways[0][0] = 1;
    for (std::size_t k = 1; k <= length; ++k)
      for (std::size_t h = 0; h <= deepest; ++h) {
        if (h < bound_) ways[k][h] += ways[k - 1][h + 1];
        if (h > 0) ways[k][h] += ways[k - 1][h - 1];
      }
    return ways;
  }

  /// A uniformly random word of the language (each symbol drawn in
  /// proportion to the completions it leaves).
  std::string balanced_word(std::size_t length, const std::vector<std::vector<mpz_class>>& ways,
                            SplitMix64& random) const {
    if (ways[length][0] == 0) {
      throw InputError(fmt::format("task {}: no balanced word of length {}", name(), length));
    }
    std::string word;
    std::size_t depth = 0;
    for (std::size_t left = length; left > 0; --left) {
      const mpz_class open =
          depth < bound_ && depth + 1 < ways[left - 1].size() ? ways[left - 1][depth + 1] : 0;
      const mpz_class total = ways[left][depth];
      // Draw uniformly below total with 64-bit pieces (totals may exceed 2^64).
      mpz_class draw = 0;
      for (std::size_t bits = 0; bits < mpz_sizeinbase(total.get_mpz_t(), 2) + 64; bits += 64) {
        draw = draw * (mpz_class(1) << 64) + mpz_class(std::to_string(random.next()));
      }
      draw %= total;
      if (draw < open) {
        word += '(';
        ++depth;
      } else {
        word += ')';
        --depth;
      }
    }
    return word;
  }

  std::size_t bound_;
};

}  // namespace

std::unique_ptr<Task> make_dyck_task(std::string_view parameter) {
  return std::make_unique<DyckTask>(
      parse_task_parameter(parameter, "dyck:D (the depth bound D)", 1, 1 << 16));
}

}  // namespace rnncc::experiment::tasks
