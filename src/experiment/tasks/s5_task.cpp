// s5: the word problem of the symmetric group S5 (NC1-complete, Barrington
// 1989). Symbol pK is the K-th permutation of (0, 1, 2, 3, 4) in
// lexicographic order; reading p updates the running product by
// acc[i] <- p[acc[i]]; the label is 1 iff the final product is the
// identity.
#include <nlohmann/json.hpp>

#include <array>

#include "task_support.hpp"

namespace rnncc::experiment::tasks {

namespace {

using Permutation = std::array<int, 5>;

/// The 120 permutations in lexicographic order.
const std::vector<Permutation>& permutations() {
  static const std::vector<Permutation> all = [] {
    std::vector<Permutation> result;
    Permutation p{0, 1, 2, 3, 4};
    do {
      result.push_back(p);
    } while (std::next_permutation(p.begin(), p.end()));
    return result;
  }();
  return all;
}

std::size_t index_of(const Permutation& p) {
  const auto& all = permutations();
  return static_cast<std::size_t>(std::find(all.begin(), all.end(), p) - all.begin());
}

/// p after q: (p ∘ q)[i] = p[q[i]].
Permutation after(const Permutation& p, const Permutation& q) {
  Permutation result{};
  for (int i = 0; i < 5; ++i)
    result[static_cast<std::size_t>(i)] =
        p[static_cast<std::size_t>(q[static_cast<std::size_t>(i)])];
  return result;
}

Permutation inverse(const Permutation& p) {
  Permutation result{};
  for (int i = 0; i < 5; ++i)
    result[static_cast<std::size_t>(p[static_cast<std::size_t>(i)])] = i;
  return result;
}

constexpr Permutation identity{0, 1, 2, 3, 4};

/// The product after reading `word` (acc[i] <- p[acc[i]] per symbol).
Permutation product(const std::vector<std::size_t>& word) {
  Permutation acc = identity;
  for (std::size_t symbol : word)
    acc = after(permutations()[symbol], acc);
  return acc;
}

class S5Task final : public Task {
 public:
  std::string name() const override { return "s5"; }
  bool decision() const override { return true; }
  std::string_view size_meaning() const override { return "the word length"; }

  std::vector<io::Instance> generate(const TaskRequest& request) const override {
    check_size(*this, request, 1, std::size_t{1} << 20);
    SplitMix64 random(request.seed);
    const std::vector<bool> labels = planned_labels(request, random);
    std::vector<io::Instance> instances;
    for (std::size_t i = 0; i < request.count; ++i) {
      std::vector<std::size_t> word;
      if (!request.balanced) {
        word = random_word(request.size, random);
      } else if (labels[i]) {
        word = identity_word(request.size, random);
      } else if (request.size > 1 && random.below(2) == 0) {
        // A near miss: an identity word with one symbol changed.
        word = identity_word(request.size, random);
        const std::size_t position = random.below(word.size());
        word[position] = (word[position] + 1 + random.below(119)) % 120;
      } else {
        do {
          word = random_word(request.size, random);
        } while (product(word) == identity);
      }
      instances.push_back(make_instance(word));
    }
    return instances;
  }

 private:
  static std::vector<std::size_t> random_word(std::size_t length, SplitMix64& random) {
    std::vector<std::size_t> word(length);
    for (std::size_t& symbol : word)
      symbol = random.below(120);
    return word;
  }

  /// A uniformly random word whose product is the identity: every symbol
  /// uniform but one at a uniform position, which is then the only symbol
  /// that completes the identity.
  static std::vector<std::size_t> identity_word(std::size_t length, SplitMix64& random) {
    std::vector<std::size_t> word = random_word(length, random);
    const std::size_t position = random.below(length);
    // product = after · word[position] · before = identity.
    Permutation before = identity;
    for (std::size_t k = 0; k < position; ++k)
      before = after(permutations()[word[k]], before);
    Permutation later = identity;
    for (std::size_t k = position + 1; k < length; ++k)
      later = after(permutations()[word[k]], later);
    word[position] = index_of(after(inverse(later), inverse(before)));
    return word;
  }

  static io::Instance make_instance(const std::vector<std::size_t>& word) {
    io::Instance instance;
    for (std::size_t symbol : word)
      instance.tokens.push_back(fmt::format("p{}", symbol));
    const Permutation final_product = product(word);
    instance.label = {final_product == identity ? 1 : 0};
    nlohmann::ordered_json meta;
    meta["permutation_indices"] = word;
    meta["product"] = final_product;
    instance.meta = meta.dump();
    return instance;
  }
};

}  // namespace

std::unique_ptr<Task> make_s5_task() {
  return std::make_unique<S5Task>();
}

}  // namespace rnncc::experiment::tasks
