// dwfa FILE: a deterministic weighted finite automaton as a one-layer
// permutation-diagonal linear RNN (the paper's Thm 8, App. E.2), or as a
// `wfa` model of the same automaton.
//
// The automaton (docs/constructions.md has the format) computes
// f(w) = λ · c(q_0, w_1) · c(q_1, w_2) ··· c(q_{T-1}, w_T) · ρ(q_T), where
// q_t = δ(q_{t-1}, w_t) and c is the transition's weight; a missing
// transition makes f(w) = 0. The model's state is the one-hot vector of the
// current state scaled by the weight so far, h_t = λ·Π c · e_{q_t}, and its
// readout ρᵀ h_t is f(w_1..w_t).
//
// In PD form, (A h)_j = a_j · h_{σ(j)}: the new entry j pulls from the one
// state that moves to j. That needs every symbol's map (restricted to its
// transitions of non-zero weight) to be injective; a transition merging
// two states is refused, since a permutation times a diagonal (the paper's
// Definition 6) cannot merge them — the proof of Thm 8 sets P_σ "at the
// unique q' to which q transitions", a permutation only for such maps.
// A partial injective map is completed to a permutation by moves of
// weight 0. `family = wfa` writes any deterministic automaton as matrices
// M_s[q][δ(q, s)] = c(q, s); rnncc compiles it as PD exactly when the maps
// are injective, densely otherwise.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <optional>
#include <sstream>

#include "construction_support.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/common/file_text.hpp"
#include "rnncc/model/families/permutation_diagonal.hpp"
#include "rnncc/model/families/wfa.hpp"
#include "rnncc/model/number_text.hpp"

namespace rnncc::experiment::constructions {

namespace {

constexpr std::string_view pd = model::PermutationDiagonal::descriptor.name;
constexpr std::string_view wfa = model::Wfa::descriptor.name;
constexpr std::size_t largest_automaton = 4096;  // states, and symbols

struct Move {
  std::size_t next = 0;
  mpq_class weight;
  std::size_t line = 0;
};

/// A deterministic weighted automaton as read from its text.
struct Automaton {
  std::vector<std::string> states;
  std::vector<std::string> alphabet;
  std::size_t start = 0;
  mpq_class start_weight;
  std::vector<mpq_class> final_weights;  ///< per state, 0 unless given
  /// moves[symbol][state]: the transition, if any.
  std::vector<std::vector<std::optional<Move>>> moves;
};

std::vector<std::string> words_of(std::string_view line) {
  std::vector<std::string> words;
  std::istringstream stream{std::string(line)};
  for (std::string word; stream >> word;)
    words.push_back(word);
  return words;
}

Automaton parse_automaton(std::string_view text, const std::string& source) {
  Automaton automaton;
  bool have_initial = false;
  std::vector<std::size_t> final_lines;
  std::size_t line_number = 0;
  std::size_t position = 0;
  while (position <= text.size()) {
    std::size_t end = text.find('\n', position);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(position, end - position);
    position = end + 1;
    ++line_number;
    if (const std::size_t hash = line.find('#'); hash != std::string_view::npos)
      line = line.substr(0, hash);
    const std::vector<std::string> words = words_of(line);
    if (words.empty()) continue;
    auto fail = [&](const std::string& message) {
      throw InputError(fmt::format("{}:{}: {}", source, line_number, message));
    };
    auto weight_of = [&](const std::string& word) {
      const std::optional<mpq_class> value = model::parse_rational(word);
      if (!value) {
        fail(fmt::format("expected a weight (an integer, decimal or fraction p/q), found '{}'",
                         word));
      }
      return *value;
    };
    const std::string& head = words.front();
    if (head == "states" || head == "alphabet") {
      std::vector<std::string>& names = head == "states" ? automaton.states : automaton.alphabet;
      if (!names.empty() || words.size() < 2)
        fail(fmt::format("expected '{} NAME...', once", head));
      names.assign(words.begin() + 1, words.end());
      std::vector<std::string> sorted = names;
      std::sort(sorted.begin(), sorted.end());
      if (const auto twice = std::adjacent_find(sorted.begin(), sorted.end());
          twice != sorted.end()) {
        fail(fmt::format("'{}' lists '{}' twice", head, *twice));
      }
      if (names.size() > largest_automaton) {
        throw LimitError(fmt::format("{}:{}: {} {} given, at most {} supported", source,
                                     line_number, names.size(), head, largest_automaton));
      }
      if (!automaton.states.empty() && !automaton.alphabet.empty()) {
        automaton.final_weights.assign(automaton.states.size(), mpq_class(0));
        final_lines.assign(automaton.states.size(), 0);
        automaton.moves.assign(automaton.alphabet.size(),
                               std::vector<std::optional<Move>>(automaton.states.size()));
      }
      continue;
    }
    if (automaton.states.empty() || automaton.alphabet.empty()) {
      fail("expected 'states NAME...' and 'alphabet SYMBOL...' before anything else");
    }
    auto state_of = [&](const std::string& name) {
      const auto found = std::find(automaton.states.begin(), automaton.states.end(), name);
      if (found == automaton.states.end()) {
        fail(fmt::format("unknown state '{}' (the states are: {})", name,
                         fmt::join(automaton.states, " ")));
      }
      return static_cast<std::size_t>(found - automaton.states.begin());
    };
    if (head == "initial") {
      if (have_initial || words.size() < 2 || words.size() > 3) {
        fail("expected 'initial STATE [WEIGHT]', once");
      }
      automaton.start = state_of(words[1]);
      automaton.start_weight = words.size() == 3 ? weight_of(words[2]) : mpq_class(1);
      have_initial = true;
      continue;
    }
    if (head == "final") {
      if (words.size() != 3) fail("expected 'final STATE WEIGHT'");
      const std::size_t state = state_of(words[1]);
      if (final_lines[state] != 0) {
        fail(fmt::format("the final weight of '{}' is already given on line {}", words[1],
                         final_lines[state]));
      }
      automaton.final_weights[state] = weight_of(words[2]);
      final_lines[state] = line_number;
      continue;
    }
    // STATE SYMBOL -> NEXT [WEIGHT]
    if (words.size() < 4 || words.size() > 5 || words[2] != "->") {
      fail(
          "expected 'states', 'alphabet', 'initial', 'final' or a transition "
          "'STATE SYMBOL -> NEXT [WEIGHT]'");
    }
    const std::size_t state = state_of(words[0]);
    const auto symbol_found =
        std::find(automaton.alphabet.begin(), automaton.alphabet.end(), words[1]);
    if (symbol_found == automaton.alphabet.end()) {
      fail(fmt::format("symbol '{}' is not in the alphabet", words[1]));
    }
    const auto symbol = static_cast<std::size_t>(symbol_found - automaton.alphabet.begin());
    std::optional<Move>& move = automaton.moves[symbol][state];
    if (move) {
      fail(
          fmt::format("a second move from '{}' on '{}' (the first is on line {}): the automaton "
                      "must be deterministic",
                      words[0], words[1], move->line));
    }
    move = Move{state_of(words[3]), words.size() == 5 ? weight_of(words[4]) : mpq_class(1),
                line_number};
  }
  if (!have_initial) {
    throw InputError(fmt::format(
        "{}: an automaton needs 'states', 'alphabet' and 'initial' (expected 'initial STATE')",
        source));
  }
  return automaton;
}

/// σ and a per symbol for the PD form; InputError when a symbol merges two
/// states.
void pd_tables(const Automaton& automaton, const std::string& source,
               std::vector<std::vector<std::size_t>>& permutations,
               std::vector<std::vector<mpq_class>>& diagonals) {
  const std::size_t d = automaton.states.size();
  for (std::size_t symbol = 0; symbol < automaton.alphabet.size(); ++symbol) {
    std::vector<std::optional<std::size_t>> source_of(d);  // target -> moving state
    std::vector<bool> used(d, false);
    std::vector<mpq_class> diagonal(d, mpq_class(0));
    for (std::size_t state = 0; state < d; ++state) {
      const std::optional<Move>& move = automaton.moves[symbol][state];
      if (!move || move->weight == 0) continue;
      if (const std::optional<std::size_t> other = source_of[move->next]) {
        throw InputError(
            fmt::format("{}:{}: on '{}', '{}' and '{}' both move to '{}' with a non-zero weight: a "
                        "permutation-diagonal step cannot merge two states (use --param family={})",
                        source, std::max(move->line, automaton.moves[symbol][*other]->line),
                        automaton.alphabet[symbol], automaton.states[*other],
                        automaton.states[state], automaton.states[move->next], wfa));
      }
      source_of[move->next] = state;
      used[state] = true;
      diagonal[move->next] = move->weight;
    }
    // Complete the partial injection to a permutation with weight-0 moves.
    std::vector<std::size_t> unused;
    for (std::size_t state = 0; state < d; ++state)
      if (!used[state]) unused.push_back(state);
    std::vector<std::size_t> permutation(d);
    std::size_t next_unused = 0;
    for (std::size_t target = 0; target < d; ++target)
      permutation[target] = source_of[target] ? *source_of[target] : unused[next_unused++];
    permutations.push_back(std::move(permutation));
    diagonals.push_back(std::move(diagonal));
  }
}

class DwfaConstruction final : public Construction {
 public:
  std::string name() const override { return "dwfa"; }
  std::string summary() const override {
    return "a deterministic weighted automaton (FILE) as a one-layer PD linear RNN (Thm 8)";
  }
  bool reads_file() const override { return true; }
  std::vector<ConstructionParameter> parameters() const override {
    return {
        {"family", std::string(pd),
         fmt::format("{} (refuses a symbol merging two states) or {} (any automaton)", pd, wfa)},
        {"readout", "accept", "accept (f(w) > 0) or value (f(w) itself)"},
        {"format", "exact", "the number format"}};
  }

  std::string build(const ConstructionRequest& request) const override {
    const std::string family = parameter_value(*this, request, "family");
    const std::string readout = parameter_value(*this, request, "readout");
    const std::string format = parameter_value(*this, request, "format");
    if (family != pd && family != wfa) {
      throw InputError(
          fmt::format("construction dwfa: family must be {} or {}, not '{}'", pd, wfa, family));
    }
    if (readout != "accept" && readout != "value") {
      throw InputError(
          fmt::format("construction dwfa: readout must be accept or value, not '{}'", readout));
    }
    if (!request.input_file) {
      throw InputError("construction dwfa reads an automaton: give its FILE");
    }
    const std::string source = request.input_file->string();
    const std::string text = read_file_text(*request.input_file, 1 << 24, "an automaton");
    const Automaton automaton = parse_automaton(text, source);
    const std::size_t d = automaton.states.size();
    const std::size_t symbols = automaton.alphabet.size();

    io::ModelFileWriter file;
    file.comment(fmt::format(
        "The deterministic weighted automaton {} ({} states, {} symbols) as a\n"
        "one-layer linear RNN (the paper's Thm 8: one-layer PD LRNNs are deterministic\n"
        "WFAs). It computes f(w) = lambda * c(q_0, w_1) ... c(q_(T-1), w_T) * rho(q_T)\n"
        "(0 when a transition is missing): the state is the one-hot vector of the\n"
        "current state scaled by the weight so far, and the readout rho^T h is f of\n"
        "the prefix read. State order: {}.",
        request.input_file->filename().string(), d, symbols, fmt::join(automaton.states, " ")));
    if (family == pd) {
      file.comment(
          "PD form (A h)_j = a_j h_sigma(j): entry j pulls from the state that moves to\n"
          "j, with that move's weight; targets no state moves to pull, with a = 0,\n"
          "from a state with no move of non-zero weight (completing the permutation).");
    } else {
      file.comment(
          "As matrices M_s[q][delta(q, s)] = c(q, s), h_t = M_s^T h_(t-1); rnncc compiles\n"
          "it as permutation-diagonal when no symbol merges two states.");
    }
    file.comment(readout == "accept" ? "Accept iff f(w) > 0." : "The output is f(w).");
    file.comment(fmt::format("Written by `rnncc construct dwfa {}{}{}`.",
                             request.input_file->filename().string(),
                             family == pd ? "" : " --param family=wfa",
                             readout == "accept" ? "" : " --param readout=value"));
    file.text("family", family);
    file.text("format", format);
    file.integer("state", static_cast<long>(d));
    file.table("input");
    file.texts("alphabet", automaton.alphabet);
    file.table("readout");
    file.text("kind", readout == "accept" ? "accept" : "linear");
    file.table("weights");
    if (family == pd) {
      std::vector<std::vector<std::size_t>> permutations;
      std::vector<std::vector<mpq_class>> diagonals;
      pd_tables(automaton, source, permutations, diagonals);
      io::TensorText permutation_table{{symbols, d}, {}};
      io::TensorText diagonal_table{{symbols, d}, {}};
      for (std::size_t symbol = 0; symbol < symbols; ++symbol) {
        for (std::size_t j = 0; j < d; ++j) {
          permutation_table.values.emplace_back(
              static_cast<unsigned long>(permutations[symbol][j]));
          diagonal_table.values.push_back(diagonals[symbol][j]);
        }
      }
      file.tensor("permutation", permutation_table);
      file.tensor("a", diagonal_table);
    } else {
      io::TensorText matrices = zeros({symbols, d, d});
      for (std::size_t symbol = 0; symbol < symbols; ++symbol)
        for (std::size_t state = 0; state < d; ++state)
          if (const std::optional<Move>& move = automaton.moves[symbol][state])
            matrices.values[(symbol * d + state) * d + move->next] = move->weight;
      file.tensor("M", matrices);
    }
    io::TensorText initial = zeros({d});
    initial.values[automaton.start] = automaton.start_weight;
    file.tensor("initial", initial);
    io::TensorText final_weights{{d}, automaton.final_weights};
    if (family == wfa) {
      file.tensor("final", final_weights);
    } else if (readout == "accept") {
      file.tensor("readout", final_weights);
    } else {
      file.tensor("readout", io::TensorText{{1, d}, automaton.final_weights});
    }
    return file.contents();
  }
};

}  // namespace

std::unique_ptr<Construction> make_dwfa_construction() {
  return std::make_unique<DwfaConstruction>();
}

}  // namespace rnncc::experiment::constructions
