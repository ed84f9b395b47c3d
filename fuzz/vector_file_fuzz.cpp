// libFuzzer harness: input files (vectors, one step per line, or tokens)
// through parse_input_text, and token text through parse_tokens. The first
// byte chooses the model whose inputs the text describes (a format and a
// dimension, or an alphabet); the rest is the file. A refusal must be one
// InputError line naming the file (or "tokens:"); every accepted vector must
// have the model's dimension and hold members of its format (in exact: of
// the input range), every token a symbol of the alphabet.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "rnncc/arith/format.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/model/input_sequence.hpp"
#include "support/harness.hpp"

namespace {

using rnncc::model::InputSequence;
using rnncc::model::Model;

/// The models a harness input can choose from: vector inputs in every kind
/// of format, and token inputs with one-character, multi-character and
/// UTF-8 symbols.
std::vector<Model> candidate_models() {
  std::vector<Model> models;
  auto vectors = [&](const char* format, std::size_t dimension, long low, long high,
                     unsigned long denominator) {
    Model model;
    model.name = "fuzz";
    model.format = rnncc::arith::parse_format(format);
    model.input.dimension = dimension;
    model.input.exact_domain = {low, high, denominator};
    models.push_back(std::move(model));
  };
  auto tokens = [&](std::vector<std::string> alphabet) {
    Model model;
    model.name = "fuzz";
    model.input.alphabet = std::move(alphabet);
    models.push_back(std::move(model));
  };
  vectors("exact", 2, -4, 4, 2);
  vectors("exact", 1, -1000000000000L, 1000000000000L, 1);
  vectors("fixed:8.4", 3, -1, 1, 1);
  vectors("fixed:16.8:floor:wrap", 2, -1, 1, 1);
  vectors("fixed:70.3", 1, -1, 1, 1);
  vectors("mod:8", 1, -1, 1, 1);
  vectors("mod:64", 2, -1, 1, 1);
  vectors("modp:7", 2, -1, 1, 1);
  vectors("modp:340282366920938463463374607431768211507", 1, -1, 1, 1);
  tokens({"a", "b"});
  tokens({"left", "right", "<eos>"});
  tokens({"\xce\xb1", "\xce\xb2", "\xce\xb3"});
  tokens({"x"});
  return models;
}

void check_sequence(const Model& model, const InputSequence& sequence) {
  using rnncc::fuzz::report_finding;
  for (std::size_t token : sequence.tokens) {
    if (token >= model.input.alphabet.size()) report_finding("a token outside the alphabet");
  }
  for (const std::vector<mpq_class>& vector : sequence.vectors) {
    if (vector.size() != model.input.dimension) report_finding("a vector of the wrong dimension");
    for (const mpq_class& value : vector) {
      if (!rnncc::arith::is_member(model.format, value)) {
        report_finding("a value that is not a member of the format: " + value.get_str());
      }
      if (!rnncc::arith::is_finite(model.format)) {
        const auto& domain = model.input.exact_domain;
        mpq_class scaled = value * domain.denominator;
        if (scaled.get_den() != 1 || scaled.get_num() < domain.low ||
            scaled.get_num() > domain.high) {
          report_finding("an exact value outside the input range: " + value.get_str());
        }
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace rnncc;
  if (size == 0 || size > fuzz::max_input_bytes) return 0;
  static const std::vector<Model> models = candidate_models();
  const Model& model = models[data[0] % models.size()];
  const std::string_view text = fuzz::text_of(data + 1, size - 1);
  try {
    check_sequence(model, model::parse_input_text(model, text, "fuzz.txt"));
  } catch (const InputError& error) {
    fuzz::check_refusal_message(error.what(), "fuzz.txt");
  }
  if (model.input.is_tokens()) {
    try {
      check_sequence(model, model::parse_tokens(model, text));
    } catch (const InputError& error) {
      fuzz::check_refusal_message(error.what(), "tokens:");
    }
  }
  return 0;
}
