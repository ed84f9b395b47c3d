#include "rnncc/model/input_sequence.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "rnncc/arith/reference.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/common/printable.hpp"
#include "rnncc/common/random.hpp"
#include "rnncc/common/size_limits.hpp"
#include "rnncc/model/number_text.hpp"

namespace rnncc::model {

namespace {

bool single_character_symbols(const Model& model) {
  return std::all_of(model.input.alphabet.begin(), model.input.alphabet.end(),
                     [](const std::string& symbol) { return utf8_characters(symbol).size() == 1; });
}

std::size_t symbol_index(const Model& model, std::string_view symbol, std::string_view where) {
  auto found = std::find(model.input.alphabet.begin(), model.input.alphabet.end(), symbol);
  if (found == model.input.alphabet.end()) {
    std::string alphabet;
    for (const std::string& candidate : model.input.alphabet) {
      if (!alphabet.empty()) alphabet += ' ';
      alphabet += printable(candidate);
    }
    throw InputError(fmt::format("{}: '{}' is not in the alphabet of {} (symbols: {})", where,
                                 printable(symbol), printable(model.name), alphabet));
  }
  return static_cast<std::size_t>(found - model.input.alphabet.begin());
}

/// The members of a finite format in increasing pattern order, or the
/// admissible exact input values; std::nullopt beyond `limit` of them.
std::optional<std::vector<mpq_class>> input_values(const Model& model, std::size_t limit) {
  std::vector<mpq_class> values;
  if (!arith::is_finite(model.format)) {
    const arith::ExactDomain& domain = model.input.exact_domain;
    if (mpz_class(domain.high - domain.low + 1) > static_cast<unsigned long>(limit))
      return std::nullopt;
    for (mpz_class k = domain.low; k <= domain.high; ++k) {
      mpq_class value(k, domain.denominator);
      value.canonicalize();
      values.push_back(value);
    }
    return values;
  }
  const std::size_t width = *arith::width_in_bits(model.format);
  if (width >= 63 || (std::size_t{1} << width) > limit) return std::nullopt;
  for (std::size_t pattern = 0; pattern < (std::size_t{1} << width); ++pattern) {
    const mpz_class encoded(static_cast<unsigned long>(pattern));
    if (const auto* residue = std::get_if<arith::ResidueFormat>(&model.format)) {
      if (encoded >= residue->modulus) continue;
    }
    values.push_back(arith::decode(model.format, encoded));
  }
  return values;
}

}  // namespace

std::vector<std::string> utf8_characters(std::string_view text) {
  std::vector<std::string> characters;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead >= 0xF0) {
      length = 4;
    } else if (lead >= 0xE0) {
      length = 3;
    } else if (lead >= 0xC0) {
      length = 2;
    }
    length = std::min(length, text.size() - i);
    characters.emplace_back(text.substr(i, length));
    i += length;
  }
  return characters;
}

std::optional<mpq_class> fit_into_format(const arith::Format& format, const mpq_class& value) {
  if (arith::is_finite(format) && !std::holds_alternative<arith::ResidueFormat>(format)) {
    const arith::RepresentableRange range = arith::representable_range(format);
    const mpq_class half = arith::resolution(format) / 2;
    if (value < range.lowest - half || value > range.highest + half) return std::nullopt;
  } else if (const auto* residue = std::get_if<arith::ResidueFormat>(&format)) {
    if (value.get_den() == 1 && abs(value) >= residue->modulus) return std::nullopt;
  }
  try {
    mpq_class member = arith::reference::represent(format, value);
    // Rounding may carry a value half a step beyond the range, where a
    // wrapping format would turn it into the other extreme.
    if (arith::is_finite(format) && !std::holds_alternative<arith::ResidueFormat>(format) &&
        abs(member - value) > arith::resolution(format)) {
      return std::nullopt;
    }
    return member;
  } catch (const InputError&) {
    return std::nullopt;
  }
}

namespace {

/// The tokens of `text`; errors name the place as "PLACE character N" or
/// "PLACE symbol N" (PLACE is "tokens:" for the command line, "FILE:" for a
/// file).
InputSequence parse_tokens_at(const Model& model, std::string_view text, std::string_view place) {
  if (!model.input.is_tokens()) {
    throw InputError(fmt::format("{} reads vectors of dimension {}, not tokens (use --input FILE)",
                                 model.name, model.input.dimension));
  }
  InputSequence sequence;
  if (single_character_symbols(model)) {
    const std::vector<std::string> characters = utf8_characters(text);
    for (std::size_t i = 0; i < characters.size(); ++i) {
      const std::string& character = characters[i];
      if (character == " " || character == "\n" || character == "\t" || character == "\r") continue;
      sequence.tokens.push_back(
          symbol_index(model, character, fmt::format("{} character {}", place, i + 1)));
    }
    return sequence;
  }
  std::istringstream words{std::string(text)};
  std::string word;
  for (std::size_t position = 1; words >> word; ++position) {
    sequence.tokens.push_back(
        symbol_index(model, word, fmt::format("{} symbol {}", place, position)));
  }
  return sequence;
}

}  // namespace

InputSequence parse_tokens(const Model& model, std::string_view text) {
  return parse_tokens_at(model, text, "tokens:");
}

InputSequence parse_input_text(const Model& model, std::string_view text,
                               std::string_view source_name) {
  if (model.input.is_tokens()) {
    return parse_tokens_at(model, text, fmt::format("{}:", source_name));
  }
  InputSequence sequence;
  std::size_t line_number = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(start, end - start));
    start = end + 1;
    ++line_number;
    if (const std::size_t comment = line.find('#'); comment != std::string::npos)
      line.resize(comment);
    std::replace(line.begin(), line.end(), ',', ' ');
    std::istringstream words(line);
    std::vector<mpq_class> values;
    std::string word;
    while (words >> word) {
      const std::string where = fmt::format("{}:{}", source_name, line_number);
      std::optional<mpq_class> number = parse_rational(word);
      if (!number) throw InputError(fmt::format("{}: '{}' is not a number", where, word));
      std::optional<mpq_class> member = fit_into_format(model.format, *number);
      if (!arith::is_finite(model.format)) {
        const arith::ExactDomain& domain = model.input.exact_domain;
        mpq_class scaled = *number * domain.denominator;
        if (scaled.get_den() != 1 || scaled.get_num() < domain.low ||
            scaled.get_num() > domain.high) {
          member.reset();
        }
      }
      if (!member) {
        throw InputError(fmt::format("{}: {} does not fit the model's inputs in {}", where, word,
                                     arith::to_string(model.format)));
      }
      values.push_back(*member);
    }
    if (values.empty()) continue;
    if (values.size() != model.input.dimension) {
      throw InputError(fmt::format("{}:{}: expected {} values, found {}", source_name, line_number,
                                   model.input.dimension, values.size()));
    }
    sequence.vectors.push_back(std::move(values));
  }
  return sequence;
}

InputSequence read_input_file(const Model& model, const std::filesystem::path& path) {
  InputSequence sequence =
      parse_input_text(model, read_input_file_text(path, "an input file"), path.string());
  if (sequence.length() == 0) {
    throw InputError(
        fmt::format("{}: the input has no steps (expected {})", path.string(),
                    model.input.is_tokens() ? "tokens of the alphabet" : "one vector per line"));
  }
  return sequence;
}

InputSequence random_input_sequence(const Model& model, std::size_t length, std::uint64_t seed) {
  SplitMix64 generator(seed);
  InputSequence sequence;
  for (std::size_t t = 0; t < length; ++t) {
    if (model.input.is_tokens()) {
      sequence.tokens.push_back(generator.below(model.input.alphabet.size()));
      continue;
    }
    std::vector<mpq_class> values;
    for (std::size_t i = 0; i < model.input.dimension; ++i) {
      if (!arith::is_finite(model.format)) {
        const arith::ExactDomain& domain = model.input.exact_domain;
        const mpz_class span = domain.high - domain.low + 1;
        mpz_class offset;
        if (span <= mpz_class("18446744073709551615")) {
          offset = static_cast<unsigned long>(generator.below(span.get_ui()));
        } else {
          // Wider ranges: 64 more random bits than the span has, reduced.
          for (std::size_t bits = 0; bits < mpz_sizeinbase(span.get_mpz_t(), 2) + 64; bits += 64) {
            offset = (offset << 64) + mpz_class(static_cast<unsigned long>(generator.next()));
          }
          offset %= span;
        }
        mpq_class value(domain.low + offset, domain.denominator);
        value.canonicalize();
        values.push_back(value);
        continue;
      }
      const std::size_t width = *arith::width_in_bits(model.format);
      mpz_class pattern = 0;
      for (std::size_t chunk = 0; chunk < width; chunk += 64) {
        pattern <<= 64;
        const std::uint64_t draw = generator.next();
        pattern += mpz_class(static_cast<unsigned long>(draw));
      }
      mpz_class modulus;
      mpz_ui_pow_ui(modulus.get_mpz_t(), 2, width);
      if (const auto* residue = std::get_if<arith::ResidueFormat>(&model.format))
        modulus = residue->modulus;
      pattern %= modulus;
      values.push_back(arith::decode(model.format, pattern));
    }
    sequence.vectors.push_back(std::move(values));
  }
  return sequence;
}

std::optional<std::vector<InputSequence>> all_input_sequences(const Model& model,
                                                              std::size_t length,
                                                              std::size_t limit) {
  std::vector<mpq_class> values;
  std::size_t choices = 0;
  std::size_t positions = length;
  if (model.input.is_tokens()) {
    choices = model.input.alphabet.size();
  } else {
    std::optional<std::vector<mpq_class>> members = input_values(model, limit);
    if (!members) return std::nullopt;
    values = std::move(*members);
    choices = values.size();
    positions = length * model.input.dimension;
  }
  std::size_t total = 1;
  for (std::size_t i = 0; i < positions; ++i) {
    if (total > limit / std::max<std::size_t>(choices, 1)) return std::nullopt;
    total *= choices;
  }
  std::vector<InputSequence> sequences;
  sequences.reserve(total);
  for (std::size_t index = 0; index < total; ++index) {
    InputSequence sequence;
    std::size_t rest = index;
    std::vector<std::size_t> digits(positions);
    for (std::size_t i = positions; i-- > 0;) {
      digits[i] = rest % choices;
      rest /= choices;
    }
    if (model.input.is_tokens()) {
      sequence.tokens = digits;
    } else {
      for (std::size_t t = 0; t < length; ++t) {
        std::vector<mpq_class> vector;
        for (std::size_t i = 0; i < model.input.dimension; ++i)
          vector.push_back(values[digits[t * model.input.dimension + i]]);
        sequence.vectors.push_back(std::move(vector));
      }
    }
    sequences.push_back(std::move(sequence));
  }
  return sequences;
}

}  // namespace rnncc::model
