#include "rnncc/compile/circuit_description.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <optional>
#include <set>
#include <sstream>

#include "rnncc/common/error.hpp"
#include "rnncc/common/printable.hpp"

namespace rnncc::compile {

std::string escape_description_field(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (char character : text) {
    const auto byte = static_cast<unsigned char>(character);
    if (byte <= 0x20 || byte == 0x7f || byte == '%') {
      escaped += fmt::format("%{:02X}", byte);
    } else {
      escaped += character;
    }
  }
  return escaped;
}

std::optional<std::string> unescape_description_field(std::string_view text) {
  auto hex_value = [](char digit) -> int {
    if (digit >= '0' && digit <= '9') return digit - '0';
    if (digit >= 'A' && digit <= 'F') return digit - 'A' + 10;
    if (digit >= 'a' && digit <= 'f') return digit - 'a' + 10;
    return -1;
  };
  std::string text_out;
  text_out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      text_out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    const int high = hex_value(text[i + 1]);
    const int low = hex_value(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    text_out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return text_out;
}

void describe_in_comments(const model::Model& model, const CompileOptions& options,
                          arith::LoweredCircuit& lowered) {
  std::vector<std::string>& comments = lowered.aig.comments();
  comments.push_back(fmt::format(
      "rnncc-model {} {} {} {} {} {}", escape_description_field(model.name),
      escape_description_field(model.family->name), arith::to_string(model.format),
      to_string(options.schedule), options.length, options.all_outputs ? "all" : "last"));
  if (model.input.is_tokens()) {
    std::string line = "rnncc-alphabet";
    for (const std::string& symbol : model.input.alphabet) {
      line += ' ';
      line += escape_description_field(symbol);
    }
    comments.push_back(std::move(line));
  }
  auto describe = [&](const char* kind, const arith::LoweredWord& word) {
    comments.push_back(fmt::format(
        "{} {} {} {} {} {} {}", kind, escape_description_field(word.name),
        word.is_boolean ? "bool" : "number", word.value.bits.size(), word.value.low.get_str(),
        word.value.high.get_str(), word.value.denominator.get_str()));
  };
  for (const arith::LoweredWord& word : lowered.inputs)
    describe("rnncc-input", word);
  for (const arith::LoweredWord& word : lowered.outputs)
    describe("rnncc-output", word);
}

namespace {

/// Longest T a description may state (a circuit of more steps would not
/// fit an AIG anyway).
constexpr unsigned long max_description_length = 1UL << 31;

/// The integer spelled by `text` (an optional '-', then decimal digits).
std::optional<mpz_class> integer_of(const std::string& text) {
  const std::size_t digits = !text.empty() && text.front() == '-' ? 1 : 0;
  if (digits == text.size()) return std::nullopt;
  for (std::size_t i = digits; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  return mpz_class(text, 10);
}

}  // namespace

CircuitDescription read_description(const logic::Aig& aig, const std::string& source) {
  CircuitDescription description;
  bool has_model = false;
  std::uint32_t input_bit = 0;
  std::uint32_t output_bit = 0;
  std::size_t comment_line = 0;
  // Errors about one comment line name it (counted from 1 in the comment
  // section).
  auto fail_at_line = [&](const std::string& what) {
    throw InputError(fmt::format("{}: comment line {}: {}", source, comment_line, what));
  };
  auto fail = [&](const std::string& what) {
    throw InputError(fmt::format("{}: {}", source, what));
  };
  auto unescaped = [&](const std::string& field) {
    std::optional<std::string> text = unescape_description_field(field);
    if (!text) {
      fail_at_line(fmt::format("expected '%' to be followed by two hexadecimal digits in '{}'",
                               printable(field)));
    }
    return std::move(*text);
  };
  for (const std::string& line : aig.comments()) {
    ++comment_line;
    std::istringstream words(line);
    std::string kind;
    words >> kind;
    if (kind == "rnncc-model") {
      std::string format;
      std::string outputs;
      std::string name, family, length;
      words >> name >> family >> format >> description.schedule >> length >> outputs;
      if (!words) fail_at_line("malformed 'rnncc-model' comment line");
      description.model_name = unescaped(name);
      description.family = unescaped(family);
      const std::optional<mpz_class> length_value = integer_of(length);
      if (!length_value || *length_value < 1 || *length_value > max_description_length) {
        fail_at_line(
            fmt::format("expected a length T from 1 to {} in the 'rnncc-model' line, "
                        "not '{}'",
                        max_description_length, printable(length)));
      }
      description.length = length_value->get_ui();
      if (outputs != "all" && outputs != "last") {
        fail_at_line(
            fmt::format("expected 'all' or 'last' at the end of the 'rnncc-model' line, "
                        "not '{}'",
                        printable(outputs)));
      }
      try {
        description.format = arith::parse_format(format);
      } catch (const InputError& error) {
        fail_at_line(
            fmt::format("expected a number format in the 'rnncc-model' line: {}", error.what()));
      }
      description.all_outputs = outputs == "all";
      has_model = true;
    } else if (kind == "rnncc-alphabet") {
      std::string symbol;
      while (words >> symbol)
        description.alphabet.push_back(unescaped(symbol));
      const std::set<std::string> distinct(description.alphabet.begin(),
                                           description.alphabet.end());
      if (description.alphabet.empty() || distinct.size() != description.alphabet.size()) {
        fail_at_line("expected distinct symbols in the 'rnncc-alphabet' line");
      }
    } else if (kind == "rnncc-input" || kind == "rnncc-output") {
      arith::LoweredWord word;
      std::string type;
      std::size_t bits = 0;
      std::string low, high, denominator;
      std::string name;
      words >> name >> type >> bits >> low >> high >> denominator;
      if (!words) fail_at_line(fmt::format("malformed '{}' comment line", kind));
      word.name = unescaped(name);
      if (type != "bool" && type != "number") {
        fail_at_line(fmt::format("expected 'bool' or 'number' in the '{}' line, not '{}'", kind,
                                 printable(type)));
      }
      word.is_boolean = type == "bool";
      const std::optional<mpz_class> low_value = integer_of(low);
      const std::optional<mpz_class> high_value = integer_of(high);
      const std::optional<mpz_class> denominator_value = integer_of(denominator);
      if (!low_value || !high_value || !denominator_value) {
        fail_at_line(
            fmt::format("expected integers LOW HIGH DENOMINATOR in the '{}' line, found "
                        "'{}' '{}' '{}'",
                        kind, low, high, denominator));
      }
      if (*denominator_value < 1 || *low_value > *high_value) {
        fail_at_line(
            fmt::format("expected LOW <= HIGH and a DENOMINATOR of at least 1 in the "
                        "'{}' line, found {} {} {}",
                        kind, low, high, denominator));
      }
      if (bits == 0 || (word.is_boolean && (bits != 1 || *low_value != 0 || *high_value != 1 ||
                                            *denominator_value != 1))) {
        fail_at_line(
            fmt::format("expected a Boolean of 1 bit from 0 to 1, or a number of at "
                        "least 1 bit, in the '{}' line",
                        kind));
      }
      word.value.low = *low_value;
      word.value.high = *high_value;
      word.value.denominator = *denominator_value;
      const bool is_input = kind == "rnncc-input";
      for (std::size_t bit = 0; bit < bits; ++bit) {
        if (is_input) {
          if (input_bit >= aig.input_count())
            fail_at_line("the comments describe more inputs than the AIG has");
          word.value.bits.push_back(logic::Literal::of(aig.input_node(input_bit++)));
        } else {
          if (output_bit >= aig.output_count())
            fail_at_line("the comments describe more outputs than the AIG has");
          word.value.bits.push_back(aig.output(output_bit++));
        }
      }
      (is_input ? description.inputs : description.outputs).push_back(std::move(word));
    }
  }
  if (!has_model) {
    fail("the file carries no rnncc model description (compile it with rnncc compile)");
  }
  // A word of a format of fixed width is encoded and decoded at that width.
  if (const std::optional<std::size_t> width = arith::width_in_bits(description.format)) {
    for (const auto* words : {&description.inputs, &description.outputs}) {
      for (const arith::LoweredWord& word : *words) {
        if (word.is_boolean || word.value.bits.size() == *width) continue;
        fail(fmt::format("the comments give the number word '{}' {} bits; its format {} has {}",
                         printable(word.name), word.value.bits.size(),
                         arith::to_string(description.format), *width));
      }
    }
  }
  if (input_bit != aig.input_count() || output_bit != aig.output_count()) {
    fail(fmt::format("the comments describe {} input and {} output bits; the AIG has {} and {}",
                     input_bit, output_bit, aig.input_count(), aig.output_count()));
  }
  return description;
}

model::Model input_model(const CircuitDescription& description) {
  model::Model model;
  model.name = description.model_name;
  model.format = description.format;
  model.input.alphabet = description.alphabet;
  if (description.alphabet.empty()) {
    for (const arith::LoweredWord& word : description.inputs) {
      if (word.name.rfind("x@1[", 0) != 0) continue;
      if (model.input.dimension == 0) {
        model.input.exact_domain = {word.value.low, word.value.high, word.value.denominator};
      }
      ++model.input.dimension;
    }
  }
  return model;
}

}  // namespace rnncc::compile
