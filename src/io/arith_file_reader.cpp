#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "rnncc/common/error.hpp"
#include "rnncc/common/size_limits.hpp"
#include "rnncc/io/arith_file.hpp"

namespace rnncc::io {

namespace {

using arith::Circuit;
using arith::NodeId;
using arith::OperationKind;

/// A malformed line: the one-line message is complete.
class ParseFailure : public InputError {
 public:
  using InputError::InputError;
};

constexpr std::string_view header_usage = "header 'rnncc-arith 1 FORMAT'";

bool is_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char character) {
    return std::isdigit(static_cast<unsigned char>(character)) != 0;
  });
}

/// An integer: optional '-', then decimal digits.
std::optional<mpz_class> parse_integer(std::string_view text) {
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '-') digits.remove_prefix(1);
  if (!is_digits(digits)) return std::nullopt;
  return mpz_class(std::string(text), 10);
}

/// An integer `-12`, a fraction `3/4` (positive denominator) or a decimal
/// `-0.75`, as an exact rational.
std::optional<mpq_class> parse_number(std::string_view text) {
  if (std::size_t slash = text.find('/'); slash != std::string_view::npos) {
    std::optional<mpz_class> numerator = parse_integer(text.substr(0, slash));
    std::string_view denominator_text = text.substr(slash + 1);
    if (!numerator || !is_digits(denominator_text)) return std::nullopt;
    mpz_class denominator(std::string(denominator_text), 10);
    if (denominator == 0) return std::nullopt;
    mpq_class value(*numerator, denominator);
    value.canonicalize();
    return value;
  }
  if (std::size_t point = text.find('.'); point != std::string_view::npos) {
    std::string_view whole = text.substr(0, point);
    std::string_view fraction = text.substr(point + 1);
    bool negative = !whole.empty() && whole.front() == '-';
    if (negative) whole.remove_prefix(1);
    if (!is_digits(whole) || !is_digits(fraction)) return std::nullopt;
    mpz_class scale;
    mpz_ui_pow_ui(scale.get_mpz_t(), 10, fraction.size());
    mpz_class numerator(std::string(whole) + std::string(fraction), 10);
    mpq_class value(negative ? mpz_class(-numerator) : numerator, scale);
    value.canonicalize();
    return value;
  }
  std::optional<mpz_class> integer = parse_integer(text);
  if (!integer) return std::nullopt;
  return mpq_class(*integer);
}

bool is_node_name(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front())) != 0) return false;
  return std::all_of(name.begin(), name.end(), [](char character) {
    return std::isalnum(static_cast<unsigned char>(character)) != 0 || character == '_';
  });
}

std::string operation_list() {
  std::string list;
  for (std::size_t i = 0; i < arith::operation_kind_count; ++i) {
    if (i > 0) list += ", ";
    list += arith::name_of(static_cast<OperationKind>(i));
  }
  return list;
}

/// How each operation is written after `NODE =`.
std::string_view usage_of(OperationKind kind) {
  switch (kind) {
    case OperationKind::input:
      return "input NAME [DOMAIN]";
    case OperationKind::constant:
      return "const VALUE";
    case OperationKind::add:
      return "add A B";
    case OperationKind::subtract:
      return "sub A B";
    case OperationKind::negate:
      return "neg A";
    case OperationKind::multiply:
      return "mul A B";
    case OperationKind::rescale:
      return "rescale A SHIFT";
    case OperationKind::less_than:
      return "lt A B";
    case OperationKind::equal:
      return "eq A B";
    case OperationKind::select:
      return "select CONDITION A B";
    case OperationKind::relu:
      return "relu A";
    case OperationKind::clip:
      return "clip A LOW HIGH";
    case OperationKind::lookup:
      return "lookup TABLE A";
  }
  return "";
}

/// Number of words after the operation name.
std::size_t argument_count(OperationKind kind) {
  switch (kind) {
    case OperationKind::rescale:
    case OperationKind::lookup:
      return 2;
    case OperationKind::clip:
      return 3;
    case OperationKind::constant:
      return 1;
    default:
      return arith::operand_count(kind);
  }
}

/// The words of a line without its comment.
std::vector<std::string_view> split_words(std::string_view line) {
  if (std::size_t comment = line.find('#'); comment != std::string_view::npos) {
    line = line.substr(0, comment);
  }
  std::vector<std::string_view> words;
  std::size_t position = 0;
  auto is_space = [](char character) {
    return character == ' ' || character == '\t' || character == '\r' || character == '\v' ||
           character == '\f';
  };
  while (position < line.size()) {
    while (position < line.size() && is_space(line[position]))
      ++position;
    std::size_t start = position;
    while (position < line.size() && !is_space(line[position]))
      ++position;
    if (position > start) words.push_back(line.substr(start, position - start));
  }
  return words;
}

/// Node names and the line defining each. Names `n<k>` (as rnncc writes
/// them) live in a vector indexed by k while k stays near the number of
/// such names defined; every other name lives in a hash map.
class NodeNameTable {
 public:
  struct Definition {
    NodeId node = 0;
    std::size_t line = 0;  // 0: not defined
  };

  const Definition* find(std::string_view name) const {
    if (std::optional<std::size_t> index = numbered_index(name)) {
      if (*index < numbered_.size() && numbered_[*index].line != 0) return &numbered_[*index];
    }
    auto found = named_.find(name);
    return found == named_.end() ? nullptr : &found->second;
  }

  /// Records a name that find() does not know.
  void define(std::string_view name, Definition definition) {
    std::optional<std::size_t> index = numbered_index(name);
    if (index && *index < 2 * numbered_count_ + 1024) {
      if (*index >= numbered_.size()) numbered_.resize(*index + 1);
      numbered_[*index] = definition;
      ++numbered_count_;
    } else {
      named_.emplace(std::string(name), definition);
    }
  }

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };

  /// k for a name `n<k>` with k in canonical decimal below 10^9.
  static std::optional<std::size_t> numbered_index(std::string_view name) {
    if (name.size() < 2 || name.size() > 10 || name[0] != 'n') return std::nullopt;
    if (name[1] == '0' && name.size() > 2) return std::nullopt;
    std::size_t index = 0;
    for (char character : name.substr(1)) {
      if (character < '0' || character > '9') return std::nullopt;
      index = index * 10 + static_cast<std::size_t>(character - '0');
    }
    return index;
  }

  std::vector<Definition> numbered_;
  std::size_t numbered_count_ = 0;
  std::unordered_map<std::string, Definition, StringHash, std::equal_to<>> named_;
};

class ArithParser {
 public:
  explicit ArithParser(std::string_view source_name) : source_name_(source_name) {}

  Circuit parse(std::string_view text) {
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      ++line_number_;
      parse_line(split_words(text.substr(start, end - start)));
      start = end + 1;
    }
    if (!circuit_) {
      line_number_ = std::max<std::size_t>(line_number_, 1);
      fail(fmt::format("expected {}, found the end of the file", header_usage));
    }
    return std::move(*circuit_);
  }

 private:
  [[noreturn]] void fail(std::string_view message) const {
    throw ParseFailure(fmt::format("{}:{}: {}", source_name_, line_number_, message));
  }

  void parse_line(const std::vector<std::string_view>& words) {
    if (words.empty()) return;
    if (!circuit_) {
      parse_header(words);
    } else if (words.size() >= 2 && words[1] == "=") {
      parse_node(words);
    } else if (words[0] == "output") {
      parse_output(words);
    } else if (words[0] == "table") {
      parse_table(words);
    } else if (words[0] == "rnncc-arith") {
      fail("expected one header line, found a second one");
    } else {
      fail(fmt::format(
          "expected 'NODE = OPERATION ...', 'output NAME NODE' or 'table NAME ...', found '{}'",
          words[0]));
    }
  }

  void parse_header(const std::vector<std::string_view>& words) {
    if (words[0] != "rnncc-arith") {
      fail(fmt::format("expected {}, found '{}'", header_usage, words[0]));
    }
    if (words.size() != 3) {
      fail(fmt::format("expected {} (3 words), found {} words", header_usage, words.size()));
    }
    if (words[1] != "1") fail(fmt::format("expected format version 1, found '{}'", words[1]));
    try {
      circuit_.emplace(arith::parse_format(words[2]));
    } catch (const InputError& error) {
      fail(fmt::format("expected a number format: {}", error.what()));
    }
  }

  NodeId operand_node(std::string_view name) {
    const NodeNameTable::Definition* found = nodes_.find(name);
    if (found == nullptr) {
      fail(fmt::format("expected a node defined on an earlier line, found '{}'", name));
    }
    return found->node;
  }

  NodeId number_operand(std::string_view name) {
    NodeId node = operand_node(name);
    if (circuit_->is_boolean(node)) {
      fail(fmt::format("expected a number operand, found the Boolean node '{}'", name));
    }
    return node;
  }

  NodeId boolean_operand(std::string_view name) {
    NodeId node = operand_node(name);
    if (!circuit_->is_boolean(node)) {
      fail(fmt::format("expected a Boolean operand, found the number node '{}'", name));
    }
    return node;
  }

  mpq_class number(std::string_view text, std::string_view what) {
    std::optional<mpq_class> value = parse_number(text);
    if (!value) {
      fail(fmt::format("expected {} (an integer, P/Q or a decimal), found '{}'", what, text));
    }
    return *value;
  }

  mpq_class member(std::string_view text, std::string_view what) {
    mpq_class value = number(text, what);
    if (!arith::is_member(circuit_->format(), value)) {
      fail(fmt::format("expected {} that is a member of format {}, found {}", what,
                       arith::to_string(circuit_->format()), text));
    }
    return value;
  }

  /// `[LOW, HIGH]` or `[LOW, HIGH] / D`, given as words (spaces anywhere).
  arith::ExactDomain domain(const std::vector<std::string_view>& words, std::size_t first) {
    std::string text;
    for (std::size_t i = first; i < words.size(); ++i)
      text += words[i];
    auto malformed = [&]() {
      fail(fmt::format(
          "expected a domain '[LOW, HIGH]' or '[LOW, HIGH] / D' with integers LOW <= HIGH and "
          "D > 0, found '{}'",
          text));
    };
    std::string_view rest = text;
    std::size_t close = rest.find(']');
    std::size_t comma = rest.find(',');
    if (rest.empty() || rest.front() != '[' || close == std::string_view::npos ||
        comma == std::string_view::npos || comma > close) {
      malformed();
    }
    std::optional<mpz_class> low = parse_integer(rest.substr(1, comma - 1));
    std::optional<mpz_class> high = parse_integer(rest.substr(comma + 1, close - comma - 1));
    mpz_class denominator = 1;
    std::string_view tail = rest.substr(close + 1);
    if (!tail.empty()) {
      if (tail.front() != '/' || !is_digits(tail.substr(1))) malformed();
      denominator = mpz_class(std::string(tail.substr(1)), 10);
    }
    if (!low || !high || *low > *high || denominator == 0) malformed();
    return arith::ExactDomain{*low, *high, denominator};
  }

  void parse_node(const std::vector<std::string_view>& words) {
    const std::string_view name = words[0];
    if (!is_node_name(name)) {
      fail(fmt::format(
          "expected a node name of letters, digits and '_' not starting with a digit, found '{}'",
          name));
    }
    if (const NodeNameTable::Definition* previous = nodes_.find(name)) {
      fail(fmt::format("expected a new node name, found '{}' already defined on line {}", name,
                       previous->line));
    }
    if (words.size() < 3) fail(fmt::format("expected an operation after '{} ='", name));
    std::optional<OperationKind> kind = arith::parse_operation_kind(words[2]);
    if (!kind) {
      fail(fmt::format("expected an operation ({}), found '{}'", operation_list(), words[2]));
    }
    const std::size_t given = words.size() - 3;
    if (*kind != OperationKind::input && given != argument_count(*kind)) {
      fail(fmt::format("expected '{}' ({} operand{}), found {} operand{}", usage_of(*kind),
                       argument_count(*kind), argument_count(*kind) == 1 ? "" : "s", given,
                       given == 1 ? "" : "s"));
    }
    NodeId node = create(*kind, words);
    nodes_.define(name, NodeNameTable::Definition{node, line_number_});
  }

  NodeId create(OperationKind kind, const std::vector<std::string_view>& words) {
    Circuit& circuit = *circuit_;
    auto word = [&words](std::size_t i) { return words[3 + i]; };
    try {
      switch (kind) {
        case OperationKind::input:
          return create_input(words);
        case OperationKind::constant:
          if (word(0) == "true" || word(0) == "false") {
            return circuit.create_boolean_constant(word(0) == "true");
          }
          return circuit.create_constant(member(word(0), "a constant"));
        case OperationKind::add:
          return circuit.create_add(number_operand(word(0)), number_operand(word(1)));
        case OperationKind::subtract:
          return circuit.create_subtract(number_operand(word(0)), number_operand(word(1)));
        case OperationKind::negate:
          return circuit.create_negate(number_operand(word(0)));
        case OperationKind::multiply:
          return circuit.create_multiply(number_operand(word(0)), number_operand(word(1)));
        case OperationKind::rescale: {
          NodeId operand = number_operand(word(0));
          std::optional<mpz_class> shift = parse_integer(word(1));
          if (!shift || !shift->fits_slong_p()) {
            fail(fmt::format("expected an integer shift, found '{}'", word(1)));
          }
          return circuit.create_rescale(operand, shift->get_si());
        }
        case OperationKind::less_than:
          return circuit.create_less_than(number_operand(word(0)), number_operand(word(1)));
        case OperationKind::equal:
          return circuit.create_equal(number_operand(word(0)), number_operand(word(1)));
        case OperationKind::select: {
          NodeId condition = boolean_operand(word(0));
          NodeId if_true = operand_node(word(1));
          NodeId if_false = operand_node(word(2));
          if (circuit.is_boolean(if_true) != circuit.is_boolean(if_false)) {
            fail(fmt::format("expected select operands of one type, found '{}' and '{}'", word(1),
                             word(2)));
          }
          return circuit.create_select(condition, if_true, if_false);
        }
        case OperationKind::relu:
          return circuit.create_relu(number_operand(word(0)));
        case OperationKind::clip: {
          NodeId operand = number_operand(word(0));
          mpq_class low = member(word(1), "a clip bound");
          mpq_class high = member(word(2), "a clip bound");
          return circuit.create_clip(operand, low, high);
        }
        case OperationKind::lookup: {
          std::optional<arith::TableId> table = circuit.find_table(word(0));
          if (!table) {
            fail(fmt::format(
                "expected a table (an activation or a table defined earlier), found '{}'",
                word(0)));
          }
          return circuit.create_lookup(*table, number_operand(word(1)));
        }
      }
    } catch (const ParseFailure&) {
      throw;
    } catch (const InputError& error) {
      fail(fmt::format("expected an operation the format allows: {}", error.what()));
    } catch (const std::invalid_argument& error) {
      fail(fmt::format("expected a valid operation: {}", error.what()));
    }
    throw std::logic_error("unknown operation kind");
  }

  NodeId create_input(const std::vector<std::string_view>& words) {
    if (words.size() < 4) fail("expected 'input NAME' with a name");
    const std::string name(words[3]);
    if (!input_names_.insert(name).second) {
      fail(fmt::format("expected a new input name, found '{}' already used", name));
    }
    if (words.size() == 5 && words[4] == "bool") return circuit_->create_boolean_input(name);
    const bool finite = arith::is_finite(circuit_->format());
    if (finite && words.size() > 4) {
      fail(
          fmt::format("expected the end of the line after 'input {}': format {} has no input "
                      "domains",
                      name, arith::to_string(circuit_->format())));
    }
    if (!finite && words.size() == 4) {
      fail(fmt::format("expected a domain '[LOW, HIGH]' after 'input {}' in an exact circuit",
                       name));
    }
    std::optional<arith::ExactDomain> input_domain;
    if (!finite) input_domain = domain(words, 4);
    return circuit_->create_input(name, std::move(input_domain));
  }

  void parse_output(const std::vector<std::string_view>& words) {
    if (words.size() != 3) {
      fail(fmt::format("expected 'output NAME NODE' (3 words), found {} words", words.size()));
    }
    const std::string name(words[1]);
    if (!output_names_.insert(name).second) {
      fail(fmt::format("expected a new output name, found '{}' already used", name));
    }
    circuit_->create_output(operand_node(words[2]), name);
  }

  void parse_table(const std::vector<std::string_view>& words) {
    if (words.size() < 4 || words[2] != "default") {
      fail("expected 'table NAME default VALUE ARGUMENT:RESULT ...'");
    }
    arith::ExplicitTable table;
    table.name = std::string(words[1]);
    if (!is_node_name(table.name)) {
      fail(fmt::format(
          "expected a table name of letters, digits and '_' not starting with a digit, found '{}'",
          table.name));
    }
    if (circuit_->find_table(table.name)) {
      fail(fmt::format("expected a new table name, found '{}' (already a table or an activation)",
                       table.name));
    }
    table.default_result = member(words[3], "a default value");
    for (std::size_t i = 4; i < words.size(); ++i) {
      std::size_t colon = words[i].find(':');
      if (colon == std::string_view::npos) {
        fail(fmt::format("expected a table entry ARGUMENT:RESULT, found '{}'", words[i]));
      }
      mpq_class argument = member(words[i].substr(0, colon), "a table argument");
      mpq_class result = member(words[i].substr(colon + 1), "a table result");
      if (!table.entries.emplace(argument, result).second) {
        fail(fmt::format("expected distinct table arguments, found {} twice", argument.get_str()));
      }
    }
    try {
      circuit_->add_table(std::move(table));
    } catch (const std::exception& error) {
      fail(fmt::format("expected a valid table: {}", error.what()));
    }
  }

  std::string_view source_name_;
  std::size_t line_number_ = 0;
  std::optional<Circuit> circuit_;
  NodeNameTable nodes_;
  std::unordered_set<std::string> input_names_;
  std::unordered_set<std::string> output_names_;
};

}  // namespace

Circuit parse_arith(std::string_view text, std::string_view source_name) {
  return ArithParser(source_name).parse(text);
}

Circuit read_arith_file(const std::filesystem::path& path) {
  return parse_arith(read_input_file_text(path, "an arithmetic circuit file"), path.string());
}

}  // namespace rnncc::io
