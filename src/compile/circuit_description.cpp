#include "rnncc/compile/circuit_description.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <optional>
#include <sstream>

#include "rnncc/common/error.hpp"

namespace rnncc::compile {

void describe_in_comments(const model::Model& model, const CompileOptions& options,
                          arith::LoweredCircuit& lowered) {
  std::vector<std::string>& comments = lowered.aig.comments();
  comments.push_back(fmt::format("rnncc-model {} {} {} {} {} {}", model.name, model.family->name,
                                 arith::to_string(model.format), to_string(options.schedule),
                                 options.length, options.all_outputs ? "all" : "last"));
  if (model.input.is_tokens()) {
    comments.push_back(fmt::format("rnncc-alphabet {}", fmt::join(model.input.alphabet, " ")));
  }
  auto describe = [&](const char* kind, const arith::LoweredWord& word) {
    comments.push_back(fmt::format("{} {} {} {} {} {} {}", kind, word.name,
                                   word.is_boolean ? "bool" : "number", word.value.bits.size(),
                                   word.value.low.get_str(), word.value.high.get_str(),
                                   word.value.denominator.get_str()));
  };
  for (const arith::LoweredWord& word : lowered.inputs)
    describe("rnncc-input", word);
  for (const arith::LoweredWord& word : lowered.outputs)
    describe("rnncc-output", word);
}

namespace {

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
  for (const std::string& line : aig.comments()) {
    ++comment_line;
    std::istringstream words(line);
    std::string kind;
    words >> kind;
    if (kind == "rnncc-model") {
      std::string format;
      std::string outputs;
      words >> description.model_name >> description.family >> format >> description.schedule >>
          description.length >> outputs;
      if (!words) fail_at_line("malformed 'rnncc-model' comment line");
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
        description.alphabet.push_back(symbol);
    } else if (kind == "rnncc-input" || kind == "rnncc-output") {
      arith::LoweredWord word;
      std::string type;
      std::size_t bits = 0;
      std::string low, high, denominator;
      words >> word.name >> type >> bits >> low >> high >> denominator;
      if (!words) fail_at_line(fmt::format("malformed '{}' comment line", kind));
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
