#include "rnncc/eval/model_patterns.hpp"

#include "rnncc/arith/format_lowering.hpp"

namespace rnncc::eval {

std::vector<mpq_class> input_word_values(const model::Model& model,
                                         const model::InputSequence& inputs) {
  std::vector<mpq_class> values;
  for (std::size_t t = 0; t < inputs.length(); ++t) {
    if (model.input.is_tokens()) {
      for (std::size_t bit = 0; bit < model.input.token_bits(); ++bit) {
        values.emplace_back(static_cast<unsigned long>((inputs.tokens[t] >> bit) & 1U));
      }
    } else {
      values.insert(values.end(), inputs.vectors[t].begin(), inputs.vectors[t].end());
    }
  }
  return values;
}

eval::PatternSet encode_input_sequences(const model::Model& model,
                                        const std::vector<arith::LoweredWord>& input_words,
                                        const std::vector<model::InputSequence>& sequences) {
  std::uint32_t input_bits = 0;
  for (const arith::LoweredWord& word : input_words)
    input_bits += word.value.bits.size();
  logic::Aig scratch;
  arith::FormatLowering codec(scratch, model.format, word::ArithmeticArchitecture{});
  eval::PatternSet patterns(input_bits, sequences.size());
  for (std::uint64_t pattern = 0; pattern < sequences.size(); ++pattern) {
    const std::vector<mpq_class> values = input_word_values(model, sequences[pattern]);
    std::uint32_t signal = 0;
    for (std::size_t i = 0; i < input_words.size(); ++i) {
      const arith::LoweredWord& word = input_words[i];
      const mpz_class bits = word.is_boolean ? mpz_class(values.at(i).get_num())
                                             : codec.encode(word.value, values.at(i));
      for (std::size_t bit = 0; bit < word.value.bits.size(); ++bit, ++signal) {
        patterns.set_bit(signal, pattern, mpz_tstbit(bits.get_mpz_t(), bit) != 0);
      }
    }
  }
  return patterns;
}

std::vector<mpq_class> decode_output_words(const arith::Format& format,
                                           const std::vector<arith::LoweredWord>& output_words,
                                           const eval::PatternSet& outputs, std::uint64_t pattern) {
  logic::Aig scratch;
  arith::FormatLowering codec(scratch, format, word::ArithmeticArchitecture{});
  std::vector<mpq_class> values;
  std::uint32_t signal = 0;
  for (const arith::LoweredWord& word : output_words) {
    mpz_class bits = 0;
    for (std::size_t bit = 0; bit < word.value.bits.size(); ++bit, ++signal) {
      if (outputs.bit(signal, pattern)) mpz_setbit(bits.get_mpz_t(), bit);
    }
    values.push_back(word.is_boolean ? mpq_class(bits) : codec.decode(word.value, bits));
  }
  return values;
}

}  // namespace rnncc::eval
