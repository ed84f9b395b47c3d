// Every task's labels recomputed from the instance's input alone by
// independent implementations written here (not the generators' code), and
// the generators' promises: determinism, balance, sizes, encodings.
#include <doctest/doctest.h>

#include <gmpxx.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "rnncc/common/error.hpp"
#include "rnncc/experiment/task.hpp"
#include "support/permutations.hpp"

using namespace rnncc;
using experiment::make_task;
using experiment::TaskRequest;
using rnncc::test::kth_permutation;

namespace {

std::vector<io::Instance> generate(const std::string& name, std::size_t size, std::size_t count,
                                   std::uint64_t seed, bool balanced = true) {
  return make_task(name)->generate(TaskRequest{size, count, seed, balanced});
}

std::size_t ones(const std::vector<io::Instance>& instances) {
  std::size_t count = 0;
  for (const io::Instance& instance : instances)
    count += instance.label.front() != 0 ? 1 : 0;
  return count;
}

}  // namespace

TEST_CASE("s5: the label is whether acc[i] <- p[acc[i]] ends at the identity") {
  CHECK(kth_permutation(0) == std::array<int, 5>{0, 1, 2, 3, 4});
  CHECK(kth_permutation(1) == std::array<int, 5>{0, 1, 2, 4, 3});
  CHECK(kth_permutation(119) == std::array<int, 5>{4, 3, 2, 1, 0});
  for (std::size_t length : {1, 2, 7, 64}) {
    const std::vector<io::Instance> instances = generate("s5", length, 200, length);
    CHECK(ones(instances) == 100);
    for (const io::Instance& instance : instances) {
      REQUIRE(instance.tokens.size() == length);
      std::array<int, 5> acc{0, 1, 2, 3, 4};
      for (const std::string& symbol : instance.tokens) {
        REQUIRE(symbol.size() >= 2);
        REQUIRE(symbol[0] == 'p');
        const int k = std::stoi(symbol.substr(1));
        REQUIRE((k >= 0 && k < 120));
        const std::array<int, 5> p = kth_permutation(k);
        for (int& value : acc)
          value = p[static_cast<std::size_t>(value)];
      }
      const bool identity = acc == std::array<int, 5>{0, 1, 2, 3, 4};
      CHECK(instance.label == std::vector<mpq_class>{identity ? 1 : 0});
    }
  }
}

TEST_CASE("s5: positives are not recognisable by their last symbol") {
  // Were the identity completed always at the end, the last symbol of a
  // positive would be a function of the others; with the completing symbol
  // at a uniform position every position takes many values.
  std::set<std::string> last_symbols;
  for (const io::Instance& instance : generate("s5", 16, 400, 9))
    if (instance.label.front() == 1) last_symbols.insert(instance.tokens.back());
  CHECK(last_symbols.size() > 60);
}

TEST_CASE("connectivity: a sorted deterministic graph, a sink target, reachability labels") {
  for (std::size_t nodes : {2, 5, 40}) {
    const std::vector<io::Instance> instances = generate("connectivity", nodes, 100, nodes);
    CHECK(ones(instances) == 50);
    for (const io::Instance& instance : instances) {
      // Parse the word: s^s (i^i > j^j ,)* t^t.
      std::string word;
      for (const std::string& symbol : instance.tokens)
        word += symbol;
      std::size_t at = 0;
      auto run_of = [&](char c) {
        std::size_t count = 0;
        while (at < word.size() && word[at] == c) {
          ++at;
          ++count;
        }
        return count;
      };
      const std::size_t source = run_of('s');
      std::map<std::size_t, std::size_t> successor;
      std::size_t previous = 0;
      while (at < word.size() && word[at] == 'i') {
        const std::size_t from = run_of('i');
        REQUIRE(word[at++] == '>');
        const std::size_t to = run_of('j');
        REQUIRE(word[at++] == ',');
        CHECK(from > previous);  // sorted, at most one out-edge each
        CHECK(to > from);        // to a larger node
        CHECK(to <= nodes);
        previous = from;
        successor[from] = to;
      }
      const std::size_t target = run_of('t');
      REQUIRE(at == word.size());
      REQUIRE((source >= 1 && source <= nodes && target >= 1 && target <= nodes));
      CHECK(successor.count(target) == 0);  // the target is a sink
      std::size_t node = source;
      bool reached = node == target;
      while (successor.count(node) != 0) {
        node = successor[node];
        reached = reached || node == target;
      }
      CHECK(instance.label == std::vector<mpq_class>{reached ? 1 : 0});
    }
  }
}

TEST_CASE("imm: P = M_1 M_2 ... M_n over {-1, 0, 1}; labels P[0][0], its sign, zero, mod M") {
  for (const std::string name : {"imm", "imm-sign", "imm-zero", "imm-mod:29"}) {
    INFO(name);
    const std::vector<io::Instance> instances = generate(name, 12, 60, 5);
    if (name == "imm-sign" || name == "imm-zero") CHECK(ones(instances) == 30);
    for (const io::Instance& instance : instances) {
      REQUIRE(instance.vectors.size() == 12);
      // Row 0 of the product, accumulated left to right: r <- r M_t.
      std::array<mpz_class, 3> row{1, 0, 0};
      for (const std::vector<mpq_class>& step : instance.vectors) {
        REQUIRE(step.size() == 9);
        std::array<mpz_class, 3> next{0, 0, 0};
        for (std::size_t k = 0; k < 3; ++k)
          for (std::size_t j = 0; j < 3; ++j) {
            const mpq_class& entry = step[3 * j + k];
            REQUIRE((entry == -1 || entry == 0 || entry == 1));
            next[k] += row[j] * entry.get_num();
          }
        row = next;
        if (name == "imm-mod:29") {
          // Each matrix is invertible modulo 29: its determinant is not 0 mod 29.
          const auto e = [&](std::size_t i) { return step[i].get_num(); };
          mpz_class det = e(0) * (e(4) * e(8) - e(5) * e(7)) - e(1) * (e(3) * e(8) - e(5) * e(6)) +
                          e(2) * (e(3) * e(7) - e(4) * e(6));
          CHECK(det % 29 != 0);
        }
      }
      const mpz_class corner = row[0];
      mpq_class expected;
      if (name == "imm") expected = corner;
      if (name == "imm-sign") expected = corner > 0 ? 1 : 0;
      if (name == "imm-zero") expected = corner == 0 ? 1 : 0;
      if (name == "imm-mod:29") expected = mpz_class(((corner % 29) + 29) % 29);
      CHECK(instance.label == std::vector<mpq_class>{expected});
    }
  }
}

TEST_CASE("parity, modcount, dyck: counted again") {
  for (const io::Instance& instance : generate("parity", 33, 100, 1)) {
    const long count = std::count(instance.tokens.begin(), instance.tokens.end(), "1");
    CHECK(instance.label.front() == count % 2);
  }
  for (const io::Instance& instance : generate("modcount:5", 40, 100, 1)) {
    const long count = std::count(instance.tokens.begin(), instance.tokens.end(), "a");
    CHECK(instance.label.front() == count % 5);
  }
  const std::vector<io::Instance> dyck = generate("dyck:2", 20, 200, 4);
  CHECK(ones(dyck) == 100);
  for (const io::Instance& instance : dyck) {
    int depth = 0, deepest = 0;
    bool dipped = false;
    for (const std::string& symbol : instance.tokens) {
      depth += symbol == "(" ? 1 : -1;
      deepest = std::max(deepest, depth);
      dipped = dipped || depth < 0;
    }
    CHECK(instance.label.front() == (!dipped && depth == 0 && deepest <= 2 ? 1 : 0));
  }
}

TEST_CASE("cvp: the encoding evaluates on two stacks in one pass, to the label") {
  const std::vector<io::Instance> instances = generate("cvp", 30, 100, 2);
  CHECK(ones(instances) == 50);
  for (const io::Instance& instance : instances) {
    // The machine: values on stack a (top = newest gate); `x` moves a value
    // from a to b, `|` reads a's top as the next operand, `.` moves one back,
    // `&`/`+` combine the two operands read, `0`/`1` push.
    std::vector<bool> a, b, operands;
    for (const std::string& symbol : instance.tokens) {
      const char c = symbol.at(0);
      if (c == '0' || c == '1') {
        a.push_back(c == '1');
      } else if (c == 'x') {
        REQUIRE_FALSE(a.empty());
        b.push_back(a.back());
        a.pop_back();
      } else if (c == '|') {
        REQUIRE_FALSE(a.empty());
        operands.push_back(a.back());
      } else if (c == '.') {
        REQUIRE_FALSE(b.empty());
        a.push_back(b.back());
        b.pop_back();
      } else {
        REQUIRE((c == '&' || c == '+'));
        REQUIRE(operands.size() == 2);
        a.push_back(c == '&' ? operands[0] && operands[1] : operands[0] || operands[1]);
        operands.clear();
      }
    }
    REQUIRE(b.empty());
    CHECK(instance.label.front() == (a.back() ? 1 : 0));
  }
}

TEST_CASE("the same request gives the same instances; another seed others") {
  for (const std::string name : {"s5", "connectivity", "imm-sign", "dyck:3", "cvp"}) {
    INFO(name);
    const std::string first = io::format_instances(generate(name, 10, 20, 7));
    CHECK(first == io::format_instances(generate(name, 10, 20, 7)));
    CHECK(first != io::format_instances(generate(name, 10, 20, 8)));
  }
}

TEST_CASE("unbalanced generation draws labels freely") {
  // Uniform S5 words are the identity with probability 1/120.
  CHECK(ones(generate("s5", 8, 600, 3, false)) < 30);
}

TEST_CASE("impossible sizes and unknown names are refused with the accepted range") {
  CHECK_THROWS_AS(generate("connectivity", 1, 1, 1), InputError);
  CHECK_THROWS_AS(generate("dyck:3", 7, 1, 1), InputError);
  CHECK_THROWS_AS(generate("cvp", 2, 1, 1), InputError);
  CHECK_THROWS_AS(make_task("modcount"), InputError);
  CHECK_THROWS_AS(make_task("modcount:1"), InputError);
  CHECK_THROWS_AS(make_task("s6"), InputError);
  try {
    make_task("s6");
  } catch (const InputError& error) {
    CHECK(std::string(error.what()).find("connectivity") != std::string::npos);
  }
}
