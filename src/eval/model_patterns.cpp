#include "rnncc/eval/model_patterns.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>

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
                                        const std::vector<model::InputSequence>& sequences,
                                        unsigned threads) {
  std::uint32_t input_bits = 0;
  for (const arith::LoweredWord& word : input_words)
    input_bits += word.value.bits.size();
  eval::PatternSet patterns(input_bits, sequences.size());
  // Token inputs are one 1-bit word per bit of each step's token code:
  // set those bits directly, without a rational per bit.
  const std::size_t token_bits = model.input.is_tokens() ? model.input.token_bits() : 0;
  const bool token_bits_only =
      token_bits > 0 && input_bits == input_words.size() &&
      std::all_of(input_words.begin(), input_words.end(),
                  [](const arith::LoweredWord& word) { return word.is_boolean; }) &&
      std::all_of(sequences.begin(), sequences.end(), [&](const model::InputSequence& sequence) {
        return sequence.tokens.size() * token_bits == input_words.size();
      });
  if (token_bits_only) {
    // Block by block of 64 patterns, gathered in a contiguous buffer (the
    // signals' own words are a whole row apart, which the cache maps onto
    // few sets), then stored once per signal.
    auto encode_blocks = [&](std::uint64_t first_block, std::uint64_t end_block) {
      std::vector<std::uint64_t> block_words(input_bits);
      for (std::uint64_t block = first_block; block < end_block; ++block) {
        std::fill(block_words.begin(), block_words.end(), 0);
        const std::uint64_t end = std::min<std::uint64_t>(sequences.size(), 64 * (block + 1));
        for (std::uint64_t pattern = 64 * block; pattern < end; ++pattern) {
          const std::uint64_t lane = pattern % 64;
          std::uint64_t* word = block_words.data();
          for (std::size_t token : sequences[pattern].tokens) {
            for (std::size_t bit = 0; bit < token_bits; ++bit, ++word)
              *word |= static_cast<std::uint64_t>((token >> bit) & 1U) << lane;
          }
        }
        for (std::uint32_t signal = 0; signal < input_bits; ++signal)
          patterns.words(signal)[block] = block_words[signal];
      }
    };
    if (threads <= 1 || patterns.word_count() < 2) {
      encode_blocks(0, patterns.word_count());
    } else {
      tbb::task_arena arena(static_cast<int>(threads));
      arena.execute([&] {
        tbb::parallel_for(tbb::blocked_range<std::uint64_t>(0, patterns.word_count()),
                          [&](const tbb::blocked_range<std::uint64_t>& range) {
                            encode_blocks(range.begin(), range.end());
                          });
      });
    }
    return patterns;
  }
  logic::Aig scratch;
  arith::FormatLowering codec(scratch, model.format, word::ArithmeticArchitecture{});
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
