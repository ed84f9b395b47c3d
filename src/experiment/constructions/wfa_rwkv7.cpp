// wfa FILE: a weighted finite automaton over Q as an RWKV-7 network (the
// paper's Thm 6 / App. C.2: a router of three layers and a multiplicative
// layer). The automaton (n states) is applied in blocks of n tokens with a
// delay of one block: during block ℓ the arithmetic head multiplies its
// row vector by the product P of block ℓ − 1's matrices, one row of P per
// step (n steps for n rows), moving the vector between the two halves of a
// 2n-dimensional state; the query completes the value with the tokens read
// since. docs/constructions.md gives the derivation.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <sstream>

#include "construction_support.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/common/file_text.hpp"
#include "rnncc/model/number_text.hpp"
#include "rwkv7_network.hpp"

namespace rnncc::experiment::constructions {

namespace {

using Matrix = std::vector<std::vector<mpq_class>>;

/// A weighted automaton: f(w) = initialᵀ M_{w_1} ··· M_{w_T} final.
struct WeightedAutomaton {
  std::size_t states = 0;
  std::vector<std::string> symbols;
  std::vector<Matrix> matrices;  // per symbol, states × states
  std::vector<mpq_class> initial;
  std::vector<mpq_class> final_weights;
};

constexpr std::size_t max_states = 12;  // the position head inverts a 2n × 2n matrix
constexpr std::size_t max_hidden_units = std::size_t{1} << 16;

std::vector<std::string> words_of(std::string_view line) {
  std::vector<std::string> words;
  std::istringstream stream{std::string(line)};
  for (std::string word; stream >> word;)
    words.push_back(word);
  return words;
}

WeightedAutomaton parse_automaton(std::string_view text, const std::string& source) {
  WeightedAutomaton automaton;
  bool have_states = false, have_alphabet = false;
  std::optional<std::vector<mpq_class>> initial, final_weights;
  std::vector<std::optional<Matrix>> matrices;
  constexpr std::size_t no_matrix = static_cast<std::size_t>(-1);
  std::size_t open_matrix = no_matrix;  // the symbol whose rows are being read
  std::size_t line_number = 0;
  std::size_t start = 0;
  auto numbers = [&](const std::vector<std::string>& words, std::size_t from,
                     const std::string& what) {
    auto fail = [&](const std::string& message) {
      throw InputError(fmt::format("{}:{}: {}", source, line_number, message));
    };
    if (!have_states) fail(fmt::format("expected 'states N' before {}", what));
    if (words.size() - from != automaton.states) {
      fail(fmt::format("expected {} numbers for {}, found {}", automaton.states, what,
                       words.size() - from));
    }
    std::vector<mpq_class> values;
    for (std::size_t i = from; i < words.size(); ++i) {
      const std::optional<mpq_class> value = model::parse_rational(words[i]);
      if (!value) {
        fail(
            fmt::format("'{}' is not a number (expected e.g. 3, -0.5, 1/3) in {}", words[i], what));
      }
      values.push_back(*value);
    }
    return values;
  };
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (const std::size_t hash = line.find('#'); hash != std::string_view::npos)
      line = line.substr(0, hash);
    const std::vector<std::string> words = words_of(line);
    if (words.empty()) continue;
    auto fail = [&](const std::string& message) {
      throw InputError(fmt::format("{}:{}: {}", source, line_number, message));
    };
    if (open_matrix != no_matrix) {
      Matrix& rows = *matrices[open_matrix];
      rows.push_back(numbers(
          words, 0,
          fmt::format("row {} of matrix {}", rows.size() + 1, automaton.symbols[open_matrix])));
      if (rows.size() == automaton.states) open_matrix = no_matrix;
      continue;
    }
    const std::string& head = words.front();
    if (head == "states") {
      if (have_states) fail("'states' given twice");
      const std::optional<mpq_class> count =
          words.size() == 2 ? model::parse_rational(words[1]) : std::nullopt;
      if (!count || count->get_den() != 1 || *count < 1 || *count > max_states) {
        fail(fmt::format("expected 'states N' with N an integer in [1, {}]", max_states));
      }
      automaton.states = count->get_num().get_ui();
      have_states = true;
    } else if (head == "alphabet") {
      if (have_alphabet) fail("'alphabet' given twice");
      automaton.symbols.assign(words.begin() + 1, words.end());
      if (automaton.symbols.empty()) fail("expected 'alphabet SYMBOL...' with at least one symbol");
      std::vector<std::string> sorted = automaton.symbols;
      std::sort(sorted.begin(), sorted.end());
      if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
        fail("'alphabet' lists a symbol twice");
      }
      matrices.assign(automaton.symbols.size(), std::nullopt);
      have_alphabet = true;
    } else if (head == "initial" || head == "final") {
      std::optional<std::vector<mpq_class>>& target = head == "initial" ? initial : final_weights;
      if (target) fail(fmt::format("'{}' given twice", head));
      target = numbers(words, 1, fmt::format("the {} vector", head));
    } else if (head == "matrix") {
      if (!have_alphabet) fail("expected 'alphabet SYMBOL...' before the matrices");
      if (!have_states) fail("expected 'states N' before the matrices");
      if (words.size() != 2) fail("expected 'matrix SYMBOL', then one line per row");
      const auto found = std::find(automaton.symbols.begin(), automaton.symbols.end(), words[1]);
      if (found == automaton.symbols.end()) {
        fail(fmt::format("'{}' is not in the alphabet ({})", words[1],
                         fmt::join(automaton.symbols, " ")));
      }
      const auto symbol = static_cast<std::size_t>(found - automaton.symbols.begin());
      if (matrices[symbol]) fail(fmt::format("matrix {} given twice", words[1]));
      matrices[symbol] = Matrix{};
      open_matrix = symbol;
    } else {
      fail(fmt::format("unknown line '{}' (expected states, alphabet, initial, final or matrix)",
                       head));
    }
  }
  auto fail_at_end = [&](const std::string& message) {
    throw InputError(fmt::format("{}:{}: {}", source, line_number, message));
  };
  if (open_matrix != no_matrix) {
    fail_at_end(fmt::format("the file ends inside matrix {}: expected {} rows",
                            automaton.symbols[open_matrix], automaton.states));
  }
  if (!have_states) fail_at_end("expected a line 'states N'");
  if (!have_alphabet) fail_at_end("expected a line 'alphabet SYMBOL...'");
  if (!initial) fail_at_end("expected a line 'initial' with the initial weights");
  if (!final_weights) fail_at_end("expected a line 'final' with the final weights");
  for (std::size_t s = 0; s < matrices.size(); ++s) {
    if (!matrices[s]) {
      fail_at_end(
          fmt::format("expected 'matrix {}' (every symbol needs a matrix)", automaton.symbols[s]));
    }
    automaton.matrices.push_back(*matrices[s]);
  }
  automaton.initial = *initial;
  automaton.final_weights = *final_weights;
  return automaton;
}

Matrix identity(std::size_t n) {
  Matrix m(n, std::vector<mpq_class>(n, mpq_class(0)));
  for (std::size_t i = 0; i < n; ++i)
    m[i][i] = 1;
  return m;
}

Matrix product(const Matrix& left, const Matrix& right) {
  const std::size_t n = left.size();
  Matrix result(n, std::vector<mpq_class>(n, mpq_class(0)));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < n; ++k)
      for (std::size_t j = 0; j < n; ++j)
        result[i][j] += left[i][k] * right[k][j];
  return result;
}

std::vector<mpq_class> matrix_times(const Matrix& m, const std::vector<mpq_class>& vector) {
  std::vector<mpq_class> result(m.size(), mpq_class(0));
  for (std::size_t i = 0; i < m.size(); ++i)
    for (std::size_t j = 0; j < vector.size(); ++j)
      result[i] += m[i][j] * vector[j];
  return result;
}

/// All words of `length` over `symbols` letters, in lexicographic order.
std::vector<std::vector<std::size_t>> all_words(std::size_t symbols, std::size_t length) {
  std::vector<std::vector<std::size_t>> words{{}};
  for (std::size_t position = 0; position < length; ++position) {
    std::vector<std::vector<std::size_t>> longer;
    for (const auto& word : words)
      for (std::size_t s = 0; s < symbols; ++s) {
        longer.push_back(word);
        longer.back().push_back(s);
      }
    words = std::move(longer);
  }
  return words;
}

/// Residual-stream layout of the network.
struct Layout {
  std::size_t states, symbols, period;
  std::size_t token(std::size_t s) const { return s; }
  std::size_t position(std::size_t p) const { return symbols + p; }
  // Buffered tokens (one-hot over the symbols and padding), previous and
  // current block, at block offset r.
  std::size_t previous(std::size_t r, std::size_t s) const {
    return symbols + period + r * (symbols + 1) + s;
  }
  std::size_t current(std::size_t r, std::size_t s) const {
    return previous(states, 0) + r * (symbols + 1) + s;
  }
  std::size_t scatter(std::size_t i) const { return current(states, 0) + i; }
  std::size_t completion(std::size_t i) const { return scatter(period) + i; }
  std::size_t output() const { return completion(period); }
  std::size_t width() const { return output() + 1; }
};

/// Where step t (with t mod period = p) stands: its buffer slot (t − 1) mod
/// period, the block's parity b (the half holding the vector entering the
/// block) and its offset τ in the block.
struct Phase {
  std::size_t slot, parity, offset;
};

Phase phase_of(std::size_t p, std::size_t states) {
  const std::size_t period = 2 * states;
  const std::size_t slot = (p + period - 1) % period;
  return {slot, slot / states, slot % states};
}

std::string automaton_model(const WeightedAutomaton& automaton, bool accept,
                            const std::string& source_name) {
  const std::size_t n = automaton.states;
  const std::size_t sigma = automaton.symbols.size();
  const Layout layout{n, sigma, 2 * n};
  const std::size_t width = layout.width();

  // Feed-forward units: one per (position, previous block, current prefix).
  std::size_t previous_blocks = 1;
  for (std::size_t r = 0; r < n && previous_blocks <= max_hidden_units; ++r)
    previous_blocks *= sigma;
  ++previous_blocks;  // the padding block before the input
  std::size_t hidden = 0;
  for (std::size_t p = 0; p < 2 * n; ++p) {
    std::size_t prefixes = 1;
    for (std::size_t r = 0; r <= phase_of(p, n).offset && prefixes <= max_hidden_units; ++r)
      prefixes *= sigma;
    hidden += previous_blocks * prefixes;
    if (hidden > max_hidden_units) {
      throw LimitError(fmt::format(
          "construction wfa: the router's lookup for {} states and {} symbols needs more than {} "
          "feed-forward units (it has one per block of {} symbols and prefix of the next)",
          n, sigma, max_hidden_units, n));
    }
  }

  io::ModelFileWriter file;
  file.comment(fmt::format(
      "The weighted automaton of {} ({} states, alphabet {}) as an RWKV-7\n"
      "network (the paper's Thm 6, App. C.2): a router of three layers and one\n"
      "multiplicative layer. Its output after the last token is\n"
      "f(w) = initial^T M_{{w_1}} ... M_{{w_T}} final{}.\n"
      "Written by `rnncc construct wfa`; docs/constructions.md derives it.\n"
      "Residual stream (width {}): token one-hot [0, {}), position one-hot\n"
      "[{}, {}), buffered previous block [{}, {}), buffered current block\n"
      "[{}, {}), scatter coefficients [{}, {}), completion query [{}, {}),\n"
      "output {}.",
      source_name, n, fmt::join(automaton.symbols, " "), accept ? " (accept iff > 0)" : "", width,
      sigma, layout.position(0), layout.position(2 * n), layout.previous(0, 0),
      layout.previous(n, 0), layout.current(0, 0), layout.current(n, 0), layout.scatter(0),
      layout.scatter(2 * n), layout.completion(0), layout.completion(2 * n), layout.output()));
  file.text("family", "network");
  file.text("format", "exact");
  file.integer("width", static_cast<long>(width));
  file.table("input");
  file.texts("alphabet", automaton.symbols);
  file.table("readout");
  file.text("kind", accept ? "accept" : "linear");
  file.table("weights");
  io::TensorText embedding = zeros({sigma, width});
  for (std::size_t s = 0; s < sigma; ++s)
    embedding.values[s * width + layout.token(s)] = 1;
  file.tensor("embedding", embedding);
  io::TensorText readout = accept ? zeros({width}) : zeros({1, width});
  readout.values[layout.output()] = 1;
  file.tensor("readout", readout);

  // Layer 0: the position one-hot of t mod 2n.
  HeadsSublayer positions;
  positions.comment = fmt::format(
      "Sublayer 0 (router): one-hot of t mod {} (a head whose transition has order {}).", 2 * n,
      2 * n);
  positions.heads.push_back(cyclic_position_head(2 * n, width, std::nullopt));
  positions.output.assign(width * 2 * n, mpq_class(0));
  for (std::size_t p = 0; p < 2 * n; ++p)
    positions.output[layout.position(p) * 2 * n + p] = 1;

  // Layer 1: the last 2n tokens, slot (t − 1) mod 2n overwritten at step t
  // (erase: w = 1, κ = a = e_slot, λ = 1; write: k = e_slot, v = the
  // token's one-hot). Each head reads one slot: offset r of the previous
  // block, or of the current one.
  HeadsSublayer buffers;
  buffers.comment = fmt::format(
      "Sublayer 1 (router): the last {} tokens in slots (t - 1) mod {}; {} heads read\n"
      "the previous block and {} the current one (column {} is the padding before\n"
      "the input).",
      2 * n, 2 * n, n, n, sigma);
  const std::size_t outputs = 2 * n * (sigma + 1);
  buffers.output.assign(width * outputs, mpq_class(0));
  for (std::size_t reader = 0; reader < 2 * n; ++reader) {
    const bool reads_previous = reader < n;
    const std::size_t r = reader % n;
    Rwkv7Head head(2 * n, sigma + 1, width);
    head.w.fill_bias(1);
    head.a.fill_bias(1);
    head.lambda.fill_bias(1);
    for (std::size_t p = 0; p < 2 * n; ++p) {
      const Phase phase = phase_of(p, n);
      head.kappa.add(phase.slot, layout.position(p), 1);
      head.k.add(phase.slot, layout.position(p), 1);
      const std::size_t block_parity = reads_previous ? 1 - phase.parity : phase.parity;
      head.query.add(block_parity * n + r, layout.position(p), 1);
    }
    for (std::size_t s = 0; s < sigma; ++s)
      head.v.add(s, layout.token(s), 1);
    for (std::size_t slot = 0; slot < 2 * n; ++slot)
      head.initial[slot * (sigma + 1) + sigma] = 1;
    for (std::size_t s = 0; s <= sigma; ++s) {
      const std::size_t target = reads_previous ? layout.previous(r, s) : layout.current(r, s);
      buffers.output[target * outputs + reader * (sigma + 1) + s] = 1;
    }
    buffers.heads.push_back(std::move(head));
  }

  // Layer 2: the lookup. The unit of (p, previous block B, current prefix C)
  // fires (value 1) exactly when all its one-hot inputs are 1, and writes
  // the scatter row τ of P(B) into the half 1 − b, and the completion query
  // [P(B) R ω at half b | R ω at half 1 − b], R = M_{C_0} ··· M_{C_τ}.
  FeedForwardSublayer lookup;
  lookup.comment =
      "Sublayer 2 (router): the lookup, one unit per position, previous block and\n"
      "prefix of the current block.";
  lookup.hidden = hidden;
  lookup.up_weight.assign(hidden * width, mpq_class(0));
  lookup.up_bias.assign(hidden, mpq_class(0));
  lookup.down_weight.assign(width * hidden, mpq_class(0));
  std::vector<std::vector<std::size_t>> blocks = all_words(sigma, n);
  blocks.push_back(std::vector<std::size_t>(n, sigma));  // padding
  std::size_t unit = 0;
  for (std::size_t p = 0; p < 2 * n; ++p) {
    const Phase phase = phase_of(p, n);
    for (const std::vector<std::size_t>& block : blocks) {
      Matrix block_product = identity(n);
      for (std::size_t s : block)
        if (s < sigma) block_product = product(block_product, automaton.matrices[s]);
      for (const std::vector<std::size_t>& prefix : all_words(sigma, phase.offset + 1)) {
        Matrix prefix_product = identity(n);
        for (std::size_t s : prefix)
          prefix_product = product(prefix_product, automaton.matrices[s]);
        const std::vector<mpq_class> rest = matrix_times(prefix_product, automaton.final_weights);
        const std::vector<mpq_class> completed = matrix_times(block_product, rest);
        mpq_class* up = &lookup.up_weight[unit * width];
        up[layout.position(p)] = 1;
        for (std::size_t r = 0; r < n; ++r)
          up[layout.previous(r, block[r])] = 1;
        for (std::size_t r = 0; r <= phase.offset; ++r)
          up[layout.current(r, prefix[r])] = 1;
        lookup.up_bias[unit] = -static_cast<long>(n + phase.offset + 1);
        const std::size_t source_half = phase.parity * n, target_half = (1 - phase.parity) * n;
        for (std::size_t j = 0; j < n; ++j) {
          lookup.down_weight[layout.scatter(target_half + j) * hidden + unit] =
              block_product[phase.offset][j];
          lookup.down_weight[layout.completion(target_half + j) * hidden + unit] = rest[j];
          lookup.down_weight[layout.completion(source_half + j) * hidden + unit] = completed[j];
        }
        ++unit;
      }
    }
  }

  // Layer 3: the arithmetic. Step t scatters coordinate o = b n + τ of the
  // column state into the other half with the coefficients u:
  // S ← (I + (u − e_o) e_oᵀ) S, as κ = e_o + u, a = −e_o, λ = 1,
  // w = 1 − 2 e_o; its output is the completion query times S_t.
  HeadsSublayer arithmetic;
  arithmetic.comment = "Sublayer 3: the multiplicative layer (a column state of two halves of n).";
  Rwkv7Head multiplier(2 * n, 1, width);
  multiplier.w.fill_bias(1);
  multiplier.lambda.fill_bias(1);
  for (std::size_t p = 0; p < 2 * n; ++p) {
    const Phase phase = phase_of(p, n);
    const std::size_t source = phase.parity * n + phase.offset;
    multiplier.kappa.add(source, layout.position(p), 1);
    multiplier.a.add(source, layout.position(p), -1);
    multiplier.w.add(source, layout.position(p), -2);
  }
  for (std::size_t i = 0; i < 2 * n; ++i) {
    multiplier.kappa.add(i, layout.scatter(i), 1);
    multiplier.query.add(i, layout.completion(i), 1);
  }
  for (std::size_t i = 0; i < n; ++i)
    multiplier.initial[i] = automaton.initial[i];
  arithmetic.heads.push_back(std::move(multiplier));
  arithmetic.output.assign(width, mpq_class(0));
  arithmetic.output[layout.output()] = 1;

  write_heads_sublayer(file, positions, width);
  write_heads_sublayer(file, buffers, width);
  write_feedforward_sublayer(file, lookup, width);
  write_heads_sublayer(file, arithmetic, width);
  return file.contents();
}

class WfaRwkv7Construction final : public Construction {
 public:
  std::string name() const override { return "wfa"; }
  std::string summary() const override {
    return "any weighted automaton FILE over Q as a 4-layer RWKV-7 network (Thm 6)";
  }
  bool reads_file() const override { return true; }
  std::vector<ConstructionParameter> parameters() const override {
    return {{"readout", "value", "value (the weight f(w)) or accept (accept iff f(w) > 0)"}};
  }
  std::string build(const ConstructionRequest& request) const override {
    const std::string readout = parameter_value(*this, request, "readout");
    if (readout != "value" && readout != "accept") {
      throw InputError(
          fmt::format("construction wfa: readout must be value or accept, not '{}'", readout));
    }
    if (!request.input_file) {
      throw InputError("construction wfa reads a weighted automaton: give its FILE");
    }
    const std::string text = read_file_text(*request.input_file, 1 << 24, "a weighted automaton");
    const WeightedAutomaton automaton = parse_automaton(text, request.input_file->string());
    return automaton_model(automaton, readout == "accept", request.input_file->filename().string());
  }
};

}  // namespace

std::unique_ptr<Construction> make_wfa_rwkv7_construction() {
  return std::make_unique<WfaRwkv7Construction>();
}

}  // namespace rnncc::experiment::constructions
