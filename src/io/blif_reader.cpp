// BLIF reader: logical lines (continuations joined, comments removed), the
// model's declarations and covers, then each cover built once all nets it
// reads are built (covers may come in any order; cycles are refused).
#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "netlist_names.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/common/printable.hpp"
#include "rnncc/common/size_limits.hpp"
#include "rnncc/io/blif.hpp"

namespace rnncc::io {

namespace {

using logic::Aig;
using logic::Literal;

/// One logical line: its tokens and the physical line it starts on.
struct LogicalLine {
  std::size_t number = 0;
  std::vector<std::string_view> tokens;
};

/// A `.names` cover: the nets it reads, the net it drives, its cubes (one
/// character per read net) and their common output value.
struct Cover {
  std::size_t line = 0;
  std::vector<std::string_view> inputs;
  std::string_view output;
  std::vector<std::string_view> cubes;
  char value = '1';
};

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

class BlifParser {
 public:
  BlifParser(std::string_view contents, std::string_view source)
      : contents_(contents), source_(source) {}

  Aig parse() {
    bool in_model = false;
    bool ended = false;
    Cover* open_cover = nullptr;
    LogicalLine line;
    while (next_line(line, !in_model)) {
      const std::string_view first = line.tokens.front();
      if (first.front() != '.') {
        if (open_cover == nullptr) {
          fail(line.number, fmt::format("a dot command (.model, .inputs, .outputs, .names or "
                                        ".end), found '{}'",
                                        printable(first)));
        }
        add_cube(*open_cover, line);
        continue;
      }
      open_cover = nullptr;
      if (ended)
        fail(line.number,
             fmt::format("nothing after .end (one model), found {}", printable(first)));
      if (first == ".model") {
        if (in_model) fail(line.number, "one model per file, found a second .model");
        if (line.tokens.size() > 2) fail(line.number, "one name after .model");
        in_model = true;
        continue;
      }
      if (!in_model) fail(line.number, fmt::format(".model before {}", printable(first)));
      if (first == ".inputs" || first == ".outputs") {
        auto& list = first == ".inputs" ? input_names_ : output_names_;
        for (std::size_t i = 1; i < line.tokens.size(); ++i) {
          if (!is_blif_name(line.tokens[i])) {
            fail(line.number,
                 fmt::format("a port name of bytes above the space, without #, \\ or = and not "
                             "starting with ., found '{}'",
                             printable(line.tokens[i])));
          }
          list.push_back({line.number, line.tokens[i]});
        }
      } else if (first == ".names") {
        if (line.tokens.size() < 2) fail(line.number, "at least the driven net after .names");
        Cover& cover = covers_.emplace_back();
        cover.line = line.number;
        cover.inputs.assign(line.tokens.begin() + 1, line.tokens.end() - 1);
        cover.output = line.tokens.back();
        open_cover = &cover;
      } else if (first == ".end") {
        ended = true;
      } else if (first == ".latch" || first == ".mlatch") {
        fail(line.number,
             fmt::format("a combinational netlist, found {} (rnncc reads no latches from BLIF)",
                         first));
      } else {
        fail(line.number, fmt::format(".inputs, .outputs, .names or .end, found {} (rnncc reads "
                                      "combinational BLIF without subcircuits or library gates)",
                                      printable(first)));
      }
    }
    if (!in_model) fail(std::max<std::size_t>(line_count_, 1), "a .model");
    return build();
  }

 private:
  /// Reads the next non-empty logical line into `line`; false at the end.
  /// Full-line comments before the model become comment lines of the
  /// circuit when `keep_comments`.
  bool next_line(LogicalLine& line, bool keep_comments) {
    line.tokens.clear();
    while (position_ < contents_.size()) {
      std::size_t end = contents_.find('\n', position_);
      if (end == std::string_view::npos) end = contents_.size();
      std::string_view physical = contents_.substr(position_, end - position_);
      position_ = std::min(contents_.size(), end + 1);
      ++line_count_;
      if (!physical.empty() && physical.back() == '\r') physical.remove_suffix(1);
      if (keep_comments && line.tokens.empty() && !physical.empty() && physical.front() == '#') {
        std::string_view text = physical.substr(1);
        if (!text.empty() && text.front() == ' ') text.remove_prefix(1);
        // A carriage return inside the line (an old Mac line end) ends one
        // comment line and starts the next, as the writer would write them.
        for (std::size_t at = text.find('\r'); at != std::string_view::npos; at = text.find('\r')) {
          comments_.emplace_back(text.substr(0, at));
          text.remove_prefix(at + 1);
        }
        comments_.emplace_back(text);
        continue;
      }
      const std::size_t comment = physical.find('#');
      if (comment != std::string_view::npos) physical = physical.substr(0, comment);
      bool continued = false;
      std::size_t last = physical.find_last_not_of(" \t\r\f\v");
      if (last != std::string_view::npos && physical[last] == '\\') {
        continued = true;
        physical = physical.substr(0, last);
      }
      if (line.tokens.empty()) line.number = line_count_;
      std::size_t at = 0;
      while (at < physical.size()) {
        while (at < physical.size() && is_blank(physical[at]))
          ++at;
        std::size_t start = at;
        while (at < physical.size() && !is_blank(physical[at]))
          ++at;
        if (at > start) line.tokens.push_back(physical.substr(start, at - start));
      }
      if (!continued && !line.tokens.empty()) return true;
    }
    return !line.tokens.empty();
  }

  void add_cube(Cover& cover, const LogicalLine& line) {
    const std::size_t width = cover.inputs.size();
    std::string_view pattern;
    std::string_view value;
    if (width == 0 && line.tokens.size() == 1) {
      value = line.tokens[0];
    } else if (width > 0 && line.tokens.size() == 2) {
      pattern = line.tokens[0];
      value = line.tokens[1];
    } else {
      fail(line.number,
           width == 0
               ? "a cube of a constant cover: 0 or 1"
               : fmt::format("a cube: {} characters of 0, 1 or -, a space and 0 or 1", width));
    }
    if (pattern.size() != width || pattern.find_first_not_of("01-") != std::string_view::npos) {
      fail(line.number, fmt::format("{} characters of 0, 1 or - for the nets the cover reads, "
                                    "found '{}'",
                                    width, pattern));
    }
    if (value != "0" && value != "1") {
      fail(line.number, fmt::format("the cube's output value 0 or 1, found '{}'", value));
    }
    if (!cover.cubes.empty() && value.front() != cover.value) {
      fail(line.number, fmt::format("every cube of the cover of '{}' with output value {} (a "
                                    "cover is an on-set or an off-set)",
                                    cover.output, cover.value));
    }
    cover.value = value.front();
    cover.cubes.push_back(pattern);
  }

  /// What drives a net: an input (by position) or a cover (by index).
  struct Driver {
    bool is_input = false;
    std::size_t index = 0;
    enum class State { waiting, building, built } state = State::waiting;
    Literal value;
  };

  Aig build() {
    Aig aig;
    std::unordered_map<std::string_view, Driver> drivers;
    for (std::size_t i = 0; i < input_names_.size(); ++i) {
      const auto [name_line, name] = input_names_[i];
      const auto position = static_cast<std::uint32_t>(i);
      Driver driver{
          true, i, Driver::State::built,
          aig.create_input(is_unnamed_input_placeholder(name, position) ? std::string()
                                                                        : std::string(name))};
      if (!drivers.emplace(name, driver).second) {
        fail(name_line, fmt::format("each input once, found '{}' again", name));
      }
    }
    for (std::size_t c = 0; c < covers_.size(); ++c) {
      const Cover& cover = covers_[c];
      const auto [existing, inserted] =
          drivers.emplace(cover.output, Driver{false, c, Driver::State::waiting, Literal{}});
      if (!inserted) {
        fail(cover.line,
             fmt::format("one driver per net, found a second one of '{}' ({})", cover.output,
                         existing->second.is_input
                             ? "an input"
                             : fmt::format("first driven on line {}",
                                           covers_[existing->second.index].line)));
      }
    }
    auto find = [&](std::string_view net, std::size_t line) -> Driver& {
      const auto found = drivers.find(net);
      if (found == drivers.end()) {
        fail(line, fmt::format("nets driven by an input or a cover, found '{}' which nothing "
                               "drives",
                               net));
      }
      return found->second;
    };
    // Depth-first over covers, without recursion: a stack of (cover, next
    // net to look at).
    std::vector<std::pair<std::size_t, std::size_t>> stack;
    for (std::size_t start = 0; start < covers_.size(); ++start) {
      if (drivers.at(covers_[start].output).state != Driver::State::waiting) continue;
      drivers.at(covers_[start].output).state = Driver::State::building;
      stack.emplace_back(start, 0);
      while (!stack.empty()) {
        auto& [index, next] = stack.back();
        const Cover& cover = covers_[index];
        if (next < cover.inputs.size()) {
          Driver& fanin = find(cover.inputs[next], cover.line);
          ++next;
          if (fanin.state == Driver::State::built) continue;
          if (fanin.state == Driver::State::building) {
            fail(cover.line, fmt::format("an acyclic netlist, found a combinational cycle "
                                         "through '{}'",
                                         cover.inputs[next - 1]));
          }
          fanin.state = Driver::State::building;
          stack.emplace_back(fanin.index, 0);
          continue;
        }
        Driver& driver = drivers.at(cover.output);
        driver.value = build_cover(aig, cover, drivers);
        driver.state = Driver::State::built;
        stack.pop_back();
      }
    }
    std::unordered_set<std::string_view> output_names;
    for (std::size_t i = 0; i < output_names_.size(); ++i) {
      const auto [name_line, name] = output_names_[i];
      const auto position = static_cast<std::uint32_t>(i);
      // Every port is its own net in rnncc's circuits (and in what its
      // writers write), so an output may not reuse an input's or another
      // output's name even where BLIF would allow it.
      const bool is_input_name = drivers.count(name) != 0 && drivers.at(name).is_input;
      if (is_input_name || !output_names.insert(name).second) {
        fail(name_line, fmt::format("each port name once, found '{}' again as an output (every "
                                    "output of an rnncc circuit is its own net)",
                                    printable(name)));
      }
      aig.create_output(find(name, name_line).value, is_unnamed_output_placeholder(name, position)
                                                         ? std::string()
                                                         : std::string(name));
    }
    aig.comments() = std::move(comments_);
    return aig;
  }

  /// The cover's function: the OR of its cubes (each the AND of its
  /// literals), complemented for an off-set.
  static Literal build_cover(Aig& aig, const Cover& cover,
                             const std::unordered_map<std::string_view, Driver>& drivers) {
    Literal sum = logic::false_literal;
    for (std::string_view cube : cover.cubes) {
      Literal product = logic::true_literal;
      for (std::size_t k = 0; k < cube.size(); ++k) {
        if (cube[k] == '-') continue;
        const Literal net = drivers.at(cover.inputs[k]).value;
        product = aig.create_and(product, cube[k] == '1' ? net : !net);
      }
      sum = aig.create_or(sum, product);
    }
    return cover.value == '1' ? sum : !sum;
  }

  [[noreturn]] void fail(std::size_t line, const std::string& expected) const {
    throw InputError(fmt::format("{}:{}: expected {}", source_, line, expected));
  }

  std::string_view contents_;
  std::string_view source_;
  std::size_t position_ = 0;
  std::size_t line_count_ = 0;
  std::vector<std::string> comments_;
  std::vector<std::pair<std::size_t, std::string_view>> input_names_;
  std::vector<std::pair<std::size_t, std::string_view>> output_names_;
  std::vector<Cover> covers_;
};

}  // namespace

Aig read_blif(std::string_view contents, std::string_view source_name) {
  return BlifParser(contents, source_name).parse();
}

Aig read_blif_file(const std::filesystem::path& path) {
  const std::string contents = read_input_file_text(path, "a BLIF file");
  return read_blif(contents, path.string());
}

}  // namespace rnncc::io
