// ASCII AIGER body: input, latch, output and AND lines. ANDs may come in any order,
// so they are first collected, then built in a topological order found by a
// depth-first search with an explicit stack (circuits may be millions of
// levels deep), which also finds cycles.
#include <algorithm>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "aiger_sections.hpp"

namespace rnncc::io {

namespace {

using logic::Aig;
using logic::Literal;

/// What defines each AIGER variable: 0 for the constant, 1..I for the
/// inputs, I+1..I+L for the latches, I+L+1..I+L+A for the ANDs in file
/// order, `undefined` otherwise. Dense
/// when M is not much larger than the number of variables the file can
/// define, hashed otherwise (a header may declare a huge M, or huge I and A
/// in a short file, and define few variables).
class VariableDefinitions {
 public:
  static constexpr std::uint32_t undefined = 0xffffffffU;

  VariableDefinitions(std::uint32_t max_variable, std::uint64_t defined_count)
      : dense_(std::uint64_t{max_variable} <= 2 * defined_count + (1U << 20)) {
    if (dense_) table_.assign(std::size_t{max_variable} + 1, undefined);
    if (dense_) table_[0] = 0;
  }
  std::uint32_t get(std::uint32_t variable) const {
    if (variable == 0) return 0;
    if (dense_) return table_[variable];
    auto found = map_.find(variable);
    return found == map_.end() ? undefined : found->second;
  }
  void set(std::uint32_t variable, std::uint32_t definition) {
    if (dense_) {
      table_[variable] = definition;
    } else {
      map_[variable] = definition;
    }
  }

 private:
  bool dense_;
  std::vector<std::uint32_t> table_;
  std::unordered_map<std::uint32_t, std::uint32_t> map_;
};

class AsciiBodyParser {
 public:
  // Input, latch and AND lines take at least 2 bytes each, so the file's
  // bytes bound how many variables it can define, whatever the header
  // declares.
  AsciiBodyParser(AigerCursor& cursor, const AigerHeader& header)
      : cursor_(cursor),
        header_(header),
        definitions_(header.max_variable,
                     std::min<std::uint64_t>(
                         std::uint64_t{header.input_count} + header.latch_count + header.and_count,
                         cursor.remaining() / 2)) {}

  logic::SequentialAig parse() {
    parse_inputs();
    parse_latches();
    parse_outputs();
    parse_ands();
    resolve_and_operands();
    build_ands();
    for (std::uint32_t i = 0; i < header_.output_count; ++i) {
      std::uint32_t definition = resolve(output_literals_[i], output_line(i), "output");
      aig_.create_output(literal_of(definition));
    }
    for (std::uint32_t k = 0; k < header_.latch_count; ++k) {
      std::uint32_t definition = resolve(latch_next_literals_[k], latch_line(k), "latch");
      aig_.create_output(literal_of(definition));
    }
    return {std::move(aig_), std::move(latch_initial_)};
  }

 private:
  std::uint32_t sources() const { return header_.input_count + header_.latch_count; }
  std::uint64_t input_line(std::uint32_t i) const { return 2 + std::uint64_t{i}; }
  std::uint64_t latch_line(std::uint32_t k) const {
    return 2 + std::uint64_t{header_.input_count} + k;
  }
  std::uint64_t output_line(std::uint32_t i) const { return 2 + std::uint64_t{sources()} + i; }
  std::uint64_t and_line(std::uint32_t k) const {
    return 2 + std::uint64_t{sources()} + header_.output_count + k;
  }
  std::uint64_t definition_line(std::uint32_t definition) const {
    if (definition <= header_.input_count) return input_line(definition - 1);
    if (definition <= sources()) return latch_line(definition - header_.input_count - 1);
    return and_line(definition - sources() - 1);
  }
  std::uint64_t max_literal() const { return 2 * std::uint64_t{header_.max_variable} + 1; }

  /// Parses a literal; `role` and `index` name it in errors ("the literal
  /// of input" 3).
  std::uint32_t parse_literal(std::string_view role, std::uint32_t index) {
    const std::size_t start = cursor_.offset();
    std::uint32_t literal =
        cursor_.parse_unsigned_described([&] { return fmt::format("{} {}", role, index); });
    if (literal > max_literal()) {
      cursor_.fail_at_token(start, fmt::format("{} {} at most 2M+1 = {}, found {}", role, index,
                                               max_literal(), literal));
    }
    return literal;
  }

  /// Records that `definition` defines the variable of the even `literal`.
  void define(std::uint32_t literal, std::uint32_t definition, std::size_t start,
              std::string_view role, std::uint32_t index) {
    if (literal < 2 || (literal & 1U) != 0) {
      cursor_.fail_at_token(
          start, fmt::format("{} {} to be even and not constant, found {}", role, index, literal));
    }
    std::uint32_t previous = definitions_.get(literal >> 1);
    if (previous != VariableDefinitions::undefined) {
      cursor_.fail_at_token(
          start, fmt::format("{} {} to define a new variable, found {} already defined on line {}",
                             role, index, literal, definition_line(previous)));
    }
    definitions_.set(literal >> 1, definition);
  }

  void parse_inputs() {
    // Input lines take at least 2 bytes, AND lines 6: reserve what can fit.
    aig_.reserve(std::min<std::size_t>(header_.input_count, cursor_.remaining() / 2 + 1) +
                 std::min<std::size_t>(header_.and_count, cursor_.remaining() / 6 + 1));
    for (std::uint32_t i = 0; i < header_.input_count; ++i) {
      const std::size_t start = cursor_.offset();
      std::uint32_t literal = parse_literal("the literal of input", i);
      define(literal, i + 1, start, "the literal of input", i);
      cursor_.expect_newline("the end of line after an input literal");
      aig_.create_input();
    }
  }

  /// Latch lines `LATCH NEXT [INIT]`; each latch becomes an input of the
  /// Aig after the primary inputs.
  void parse_latches() {
    latch_next_literals_.reserve(
        std::min<std::size_t>(header_.latch_count, cursor_.remaining() / 4 + 1));
    for (std::uint32_t k = 0; k < header_.latch_count; ++k) {
      const std::size_t start = cursor_.offset();
      std::uint32_t literal = parse_literal("the literal of latch", k);
      define(literal, header_.input_count + 1 + k, start, "the literal of latch", k);
      cursor_.expect(' ', "a space between the latch literal and its next-state literal");
      latch_next_literals_.push_back(parse_literal("the next-state literal of latch", k));
      latch_initial_.push_back(parse_latch_initial(cursor_, literal, k));
      cursor_.expect_newline("the end of line after a latch");
      aig_.create_input();
    }
  }

  void parse_outputs() {
    output_literals_.reserve(
        std::min<std::size_t>(header_.output_count, cursor_.remaining() / 2 + 1));
    for (std::uint32_t i = 0; i < header_.output_count; ++i) {
      output_literals_.push_back(parse_literal("the literal of output", i));
      cursor_.expect_newline("the end of line after an output literal");
    }
  }

  void parse_ands() {
    // Each AND line takes at least 6 bytes: do not reserve more than fit.
    const std::size_t and_count =
        std::min<std::size_t>(header_.and_count, cursor_.remaining() / 6 + 1);
    right0_.reserve(and_count);
    right1_.reserve(and_count);
    for (std::uint32_t k = 0; k < header_.and_count; ++k) {
      const std::size_t start = cursor_.offset();
      std::uint32_t left = parse_literal("the left-hand side of AND", k);
      define(left, sources() + 1 + k, start, "the left-hand side of AND", k);
      cursor_.expect(' ', "a space after the left-hand side");
      right0_.push_back(parse_literal("the first operand of AND", k));
      cursor_.expect(' ', "a space after the first operand");
      right1_.push_back(parse_literal("the second operand of AND", k));
      cursor_.expect_newline("the end of line after the second operand");
    }
  }

  /// The definition literal (2 * definition + complement) of a file literal.
  std::uint32_t resolve(std::uint32_t literal, std::uint64_t line, std::string_view where) {
    std::uint32_t definition = definitions_.get(literal >> 1);
    if (definition == VariableDefinitions::undefined) {
      cursor_.fail_at_line(line, fmt::format("a defined literal in the {}, found {} whose "
                                             "variable {} is not an input, latch or AND",
                                             where, literal, literal >> 1));
    }
    return (definition << 1) | (literal & 1U);
  }

  void resolve_and_operands() {
    for (std::uint32_t k = 0; k < header_.and_count; ++k) {
      right0_[k] = resolve(right0_[k], and_line(k), "AND");
      right1_[k] = resolve(right1_[k], and_line(k), "AND");
    }
  }

  /// The Aig literal of a definition literal whose definition is built.
  Literal literal_of(std::uint32_t definition_literal) const {
    std::uint32_t definition = definition_literal >> 1;
    Literal literal;
    if (definition == 0) {
      literal = logic::false_literal;
    } else if (definition <= sources()) {
      literal = Literal::of(aig_.input_node(definition - 1));
    } else {
      literal = and_literals_[definition - sources() - 1];
    }
    return literal ^ ((definition_literal & 1U) != 0);
  }

  /// The AND index of an operand, or `none` when it is not an AND.
  std::uint32_t and_of_operand(std::uint32_t definition_literal) const {
    std::uint32_t definition = definition_literal >> 1;
    return definition > sources() ? definition - sources() - 1 : none;
  }

  void build_ands() {
    enum : std::uint8_t { unvisited, on_path, built };
    std::vector<std::uint8_t> state(header_.and_count, unvisited);
    and_literals_.resize(header_.and_count);
    std::vector<std::uint32_t> path;
    for (std::uint32_t root = 0; root < header_.and_count; ++root) {
      if (state[root] == built) continue;
      path.push_back(root);
      state[root] = on_path;
      while (!path.empty()) {
        const std::uint32_t k = path.back();
        std::uint32_t pending = none;
        for (std::uint32_t operand : {right0_[k], right1_[k]}) {
          std::uint32_t fanin = and_of_operand(operand);
          if (fanin == none || state[fanin] == built) continue;
          if (state[fanin] == on_path) {
            cursor_.fail_at_line(
                and_line(k),
                fmt::format(
                    "an acyclic circuit, found a cycle: this AND depends on the AND "
                    "on line {}, which depends (directly or through other ANDs) on this one",
                    and_line(fanin)));
          }
          pending = fanin;
          break;
        }
        if (pending != none) {
          state[pending] = on_path;
          path.push_back(pending);
          continue;
        }
        and_literals_[k] = aig_.create_and(literal_of(right0_[k]), literal_of(right1_[k]));
        state[k] = built;
        path.pop_back();
      }
    }
  }

  static constexpr std::uint32_t none = 0xffffffffU;

  AigerCursor& cursor_;
  const AigerHeader& header_;
  VariableDefinitions definitions_;
  Aig aig_;
  std::vector<std::uint32_t> output_literals_;
  std::vector<std::uint32_t> latch_next_literals_;
  std::vector<logic::LatchInitial> latch_initial_;
  std::vector<std::uint32_t> right0_;  // operands, later as definition literals
  std::vector<std::uint32_t> right1_;
  std::vector<Literal> and_literals_;  // Aig literal of each AND, by file order
};

}  // namespace

logic::SequentialAig parse_ascii_body(AigerCursor& cursor, const AigerHeader& header) {
  return AsciiBodyParser(cursor, header).parse();
}

}  // namespace rnncc::io
