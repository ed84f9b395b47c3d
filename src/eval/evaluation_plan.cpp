#include "rnncc/eval/evaluation_plan.hpp"

#include <algorithm>
#include <bit>

#include "rnncc/analysis/fanout_view.hpp"

namespace rnncc::eval {

namespace {

constexpr std::uint32_t freed = 0xffffffffU;

/// needed[v]: some output depends on node v.
std::vector<bool> output_cone(const logic::Aig& aig) {
  std::vector<bool> needed(aig.node_count(), false);
  for (std::uint32_t i = 0; i < aig.output_count(); ++i)
    needed[aig.output(i).node()] = true;
  for (logic::NodeIndex node = aig.node_count(); node-- > 1;) {
    if (!needed[node] || !aig.is_and(node)) continue;
    needed[aig.fanin0(node).node()] = true;
    needed[aig.fanin1(node).node()] = true;
  }
  return needed;
}

/// A step is best placed at least this many steps after the steps whose
/// values it reads (a value just stored reaches the next load late).
constexpr std::uint32_t interleave_distance = 4;
/// Computable ANDs looked at for each step, the first in index order.
constexpr unsigned interleave_candidates = 4;
/// Words (of 64 ANDs in index order) searched for those candidates.
constexpr std::uint64_t interleave_search_words = 64;

/// The needed ANDs, close to node index order but interleaved: each next
/// step is chosen among the first `interleave_candidates` computable ANDs
/// (fan-ins computed) in index order: the first one whose fan-ins are at
/// least `interleave_distance` steps old, else the one with the oldest
/// fan-ins. The first computable AND is always the first not yet placed,
/// so the order stays near index order (and keeps its locality and live
/// set), while consecutive steps are mostly independent and the processor
/// overlaps them; where index order follows one carry chain, the steps of
/// the next rows of work are woven in.
std::vector<logic::NodeIndex> interleaved_index_order(const logic::Aig& aig,
                                                      const std::vector<bool>& needed) {
  const logic::NodeIndex node_count = aig.node_count();
  auto is_step = [&](logic::NodeIndex node) { return needed[node] && aig.is_and(node); };
  if (node_count > 0x7fffffffU) {
    // Fan-out offsets below are 32-bit (two per AND): plain index order.
    std::vector<logic::NodeIndex> order;
    for (logic::NodeIndex node = 1; node < node_count; ++node)
      if (is_step(node)) order.push_back(node);
    return order;
  }
  // computed_at[v]: 1 + the position of AND v in the order, not_yet before
  // it is placed; 0 for inputs and the constant (older than any step).
  constexpr std::uint32_t not_yet = 0xffffffffU;
  std::vector<std::uint32_t> computed_at(node_count, 0);
  // The needed ANDs reading each node.
  const analysis::FanoutView fanouts(aig, needed);
  // waiting[v]: fan-ins of AND v not yet computed.
  std::vector<std::uint8_t> waiting(node_count, 0);
  // computable: bit v % 64 of word v / 64 is set when AND v is not placed
  // and its fan-ins are computed.
  std::vector<std::uint64_t> computable((std::size_t{node_count} + 63) / 64, 0);
  std::uint64_t step_count = 0;
  for (logic::NodeIndex node = 1; node < node_count; ++node) {
    if (!is_step(node)) continue;
    ++step_count;
    computed_at[node] = not_yet;
    for (logic::Literal fanin : {aig.fanin0(node), aig.fanin1(node)})
      if (aig.is_and(fanin.node())) ++waiting[node];
    if (waiting[node] == 0) computable[node / 64] |= std::uint64_t{1} << (node % 64);
  }
  std::vector<logic::NodeIndex> order;
  order.reserve(step_count);
  std::uint64_t first_word = 0;  // no computable AND before this word
  logic::NodeIndex candidates[interleave_candidates];
  while (order.size() < step_count) {
    while (computable[first_word] == 0)
      ++first_word;
    const std::uint32_t now = static_cast<std::uint32_t>(order.size() + 1);
    unsigned found = 0;
    const std::uint64_t end_word =
        std::min<std::uint64_t>(computable.size(), first_word + interleave_search_words);
    for (std::uint64_t word = first_word; word < end_word && found < interleave_candidates;
         ++word) {
      for (std::uint64_t bits = computable[word]; bits != 0 && found < interleave_candidates;
           bits &= bits - 1)
        candidates[found++] = static_cast<logic::NodeIndex>(word * 64 + std::countr_zero(bits));
    }
    logic::NodeIndex chosen = candidates[0];
    std::uint32_t chosen_age = 0;
    for (unsigned c = 0; c < found; ++c) {
      const logic::NodeIndex node = candidates[c];
      const std::uint32_t age = now - std::max(computed_at[aig.fanin0(node).node()],
                                               computed_at[aig.fanin1(node).node()]);
      if (age > chosen_age) {
        chosen = node;
        chosen_age = age;
      }
      if (age >= interleave_distance) break;
    }
    order.push_back(chosen);
    computed_at[chosen] = now;
    computable[chosen / 64] &= ~(std::uint64_t{1} << (chosen % 64));
    for (const logic::NodeIndex reader : fanouts.readers(chosen)) {
      if (--waiting[reader] == 0) computable[reader / 64] |= std::uint64_t{1} << (reader % 64);
    }
  }
  return order;
}

/// The needed ANDs in execution order and, for each segment g, the
/// position of its first AND (segment_first[g], with a final entry);
/// held[v]: AND v is fused into the step after it (never in level order).
struct ExecutionOrder {
  std::vector<logic::NodeIndex> nodes;
  std::vector<std::uint64_t> segment_first;
  std::vector<bool> held;
};

/// Fuses pairs in `order`: an AND read by exactly one needed AND (and by no
/// output) is moved to just before its reader and marked held, when the
/// reader fuses no other AND and is not itself held (pairs, not chains).
/// Moving an AND later keeps the order topological: its fan-ins come
/// earlier still. Each fused pair saves the store and the load of the
/// held value.
void fuse_single_readers(const logic::Aig& aig, const std::vector<bool>& needed,
                         std::vector<logic::NodeIndex>& order, std::vector<bool>& held) {
  // readers[v]: needed ANDs reading v plus outputs of v, saturated at 2.
  std::vector<std::uint8_t> readers(aig.node_count(), 0);
  auto add_reader = [&](logic::NodeIndex node) {
    if (readers[node] < 2) ++readers[node];
  };
  for (logic::NodeIndex node : order) {
    add_reader(aig.fanin0(node).node());
    add_reader(aig.fanin1(node).node());
  }
  for (std::uint32_t i = 0; i < aig.output_count(); ++i)
    add_reader(aig.output(i).node());
  held.assign(aig.node_count(), false);
  // fuses[v]: AND v is the reader of a held AND.
  std::vector<bool> fuses(aig.node_count(), false);
  for (logic::NodeIndex reader : order) {
    for (logic::Literal fanin : {aig.fanin0(reader), aig.fanin1(reader)}) {
      const logic::NodeIndex node = fanin.node();
      if (!aig.is_and(node) || !needed[node] || readers[node] != 1 || fuses[node]) continue;
      held[node] = true;
      fuses[reader] = true;
      break;
    }
  }
  // In place: every held AND is skipped before its reader writes it back,
  // so the write position never passes the read position.
  std::size_t write = 0;
  for (std::size_t read = 0; read < order.size(); ++read) {
    const logic::NodeIndex node = order[read];
    if (held[node]) continue;
    if (fuses[node]) {
      const logic::NodeIndex fanin0 = aig.fanin0(node).node();
      order[write++] = held[fanin0] ? fanin0 : aig.fanin1(node).node();
    }
    order[write++] = node;
  }
}

ExecutionOrder execution_order(const logic::Aig& aig, const std::vector<bool>& needed,
                               EvaluationOrder order, std::uint32_t span) {
  ExecutionOrder result;
  if (order == EvaluationOrder::index) {
    result.nodes = interleaved_index_order(aig, needed);
    fuse_single_readers(aig, needed, result.nodes, result.held);
    for (std::uint64_t first = 0; first < result.nodes.size();
         first += EvaluationPlan::index_segment_steps) {
      if (first > 0 && result.held[result.nodes[first - 1]]) ++first;  // not inside a pair
      result.segment_first.push_back(first);
    }
    result.segment_first.push_back(result.nodes.size());
    return result;
  }
  // Level order, each AND as late as its fan-outs allow (layer D - r, with
  // r the longest path in ANDs from the node to an output): as valid a
  // layering as the levels themselves, with the same D layers, but a
  // value is made just before it is needed, so fewer are live at once
  // (the partial products of an array multiplier, all on level 1, are
  // spread over the layers that consume them). Then a counting sort by
  // layer, stable in node index.
  std::vector<std::uint32_t> layer(aig.node_count(), 0);  // first r, then the layer
  for (logic::NodeIndex node = aig.node_count(); node-- > 1;) {
    if (!needed[node] || !aig.is_and(node)) continue;
    for (logic::Literal fanin : {aig.fanin0(node), aig.fanin1(node)})
      layer[fanin.node()] = std::max(layer[fanin.node()], layer[node] + 1);
    layer[node] = span - layer[node];
  }
  result.held.assign(aig.node_count(), false);
  std::vector<std::uint64_t> layer_count(span + 2, 0);
  for (logic::NodeIndex node = 1; node < aig.node_count(); ++node)
    if (needed[node] && aig.is_and(node)) ++layer_count[layer[node]];
  result.segment_first.assign(span + 1, 0);
  std::uint64_t position = 0;
  for (std::uint32_t l = 1; l <= span; ++l) {
    result.segment_first[l - 1] = position;
    position += layer_count[l];
  }
  result.segment_first[span] = position;
  result.nodes.resize(position);
  std::vector<std::uint64_t> next(result.segment_first.begin(), result.segment_first.end());
  for (logic::NodeIndex node = 1; node < aig.node_count(); ++node)
    if (needed[node] && aig.is_and(node)) result.nodes[next[layer[node] - 1]++] = node;
  return result;
}

}  // namespace

EvaluationPlan::EvaluationPlan(const logic::Aig& aig, EvaluationOrder order)
    : order_(order), output_count_(aig.output_count()), span_(aig.depth()) {
  std::vector<bool> needed = output_cone(aig);
  ExecutionOrder execution = execution_order(aig, needed, order, span_);
  const std::uint32_t computing_segments =
      static_cast<std::uint32_t>(execution.segment_first.size() - 1);

  // Times order the plan's events: level order counts in segments (a
  // level's copies and steps happen at once, slots are released at its
  // end); index order counts single events (inputs at 0, the copies of
  // segment s at 2 first_step(s) + 1, the step at position p at 2p + 2) and
  // releases a slot right after its last use (a step may write the slot
  // its fan-in just released: the kernel reads both fan-ins first).
  const bool by_level = order == EvaluationOrder::level;
  auto step_time = [&](std::uint32_t segment, std::uint64_t position) {
    return static_cast<std::uint32_t>(by_level ? segment : 2 * position + 2);
  };
  auto copy_time = [&](std::uint32_t segment) {
    return static_cast<std::uint32_t>(by_level ? segment
                                               : 2 * execution.segment_first[segment] + 1);
  };

  // segment_or_slot[v]: first the segment computing AND v, later v's slot.
  std::vector<std::uint32_t> segment_or_slot(aig.node_count(), 0);
  // last_use[v]: the time of the last step reading or copy copying v
  // (then `freed`).
  std::vector<std::uint32_t> last_use(aig.node_count(), 0);
  for (std::uint32_t segment = 0; segment < computing_segments; ++segment) {
    for (std::uint64_t position = execution.segment_first[segment];
         position < execution.segment_first[segment + 1]; ++position) {
      const logic::NodeIndex node = execution.nodes[position];
      segment_or_slot[node] = segment;
      last_use[aig.fanin0(node).node()] = step_time(segment, position);
      last_use[aig.fanin1(node).node()] = step_time(segment, position);
    }
  }
  auto is_held = [&](logic::NodeIndex node) { return execution.held[node]; };
  // A held value has no slot to release.
  for (logic::NodeIndex node : execution.nodes)
    if (is_held(node)) last_use[node] = freed;
  // An output is copied in the segment after the one computing it (inputs
  // and the constant: segment 0), and its value lives until then.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> copy_order;  // (segment, output)
  for (std::uint32_t output = 0; output < output_count_; ++output) {
    const logic::NodeIndex node = aig.output(output).node();
    const std::uint32_t segment = aig.is_and(node) ? segment_or_slot[node] + 1 : 0;
    copy_order.emplace_back(segment, output);
    if (node != 0) last_use[node] = std::max(last_use[node], copy_time(segment));
  }
  std::sort(copy_order.begin(), copy_order.end());

  std::vector<std::uint32_t> free_slots;
  std::vector<std::uint32_t> released_at_segment_end;
  auto allocate = [&] {
    if (free_slots.empty()) return slot_count_++;
    const std::uint32_t slot = free_slots.back();
    free_slots.pop_back();
    return slot;
  };
  // Releases the slot of `node` when `time` is its last use.
  auto use = [&](logic::NodeIndex node, std::uint32_t time) {
    if (node == 0 || last_use[node] != time) return;
    last_use[node] = freed;
    (by_level ? released_at_segment_end : free_slots).push_back(segment_or_slot[node]);
  };
  auto slot_literal = [&](logic::Literal literal) -> SlotLiteral {
    const std::uint32_t slot =
        literal.node() == 0 ? constant_slot : segment_or_slot[literal.node()];
    return slot * 2 + static_cast<std::uint32_t>(literal.is_complemented());
  };

  input_slots_.assign(aig.input_count(), no_slot);
  for (std::uint32_t input = 0; input < aig.input_count(); ++input) {
    const logic::NodeIndex node = aig.input_node(input);
    if (!needed[node]) continue;
    input_slots_[input] = allocate();
    segment_or_slot[node] = input_slots_[input];
  }
  steps_.reserve(execution.nodes.size());
  copies_.reserve(output_count_);
  std::size_t next_copy = 0;
  for (std::uint32_t segment = 0; segment <= computing_segments; ++segment) {
    PlanSegment plan_segment{};
    plan_segment.first_copy = copies_.size();
    for (; next_copy < copy_order.size() && copy_order[next_copy].first == segment; ++next_copy) {
      const std::uint32_t output = copy_order[next_copy].second;
      copies_.push_back(OutputCopy{output, slot_literal(aig.output(output))});
      use(aig.output(output).node(), copy_time(segment));
    }
    plan_segment.end_copy = copies_.size();
    plan_segment.first_step = steps_.size();
    if (segment < computing_segments) {
      for (std::uint64_t position = execution.segment_first[segment];
           position < execution.segment_first[segment + 1]; ++position) {
        const logic::NodeIndex node = execution.nodes[position];
        logic::Literal fanin0 = aig.fanin0(node);
        logic::Literal fanin1 = aig.fanin1(node);
        // A fused reader reads the held value as its fanin0.
        if (is_held(fanin1.node())) std::swap(fanin0, fanin1);
        AndStep step{is_held(fanin0.node())
                         ? held_slot * 2 + static_cast<std::uint32_t>(fanin0.is_complemented())
                         : slot_literal(fanin0),
                     slot_literal(fanin1), 0};
        use(fanin0.node(), step_time(segment, position));
        use(fanin1.node(), step_time(segment, position));
        if (is_held(node)) {
          step.result = held_result;
          ++held_steps_;
        } else {
          step.result = allocate();
          segment_or_slot[node] = step.result;
        }
        steps_.push_back(step);
      }
    }
    plan_segment.end_step = steps_.size();
    segments_.push_back(plan_segment);
    free_slots.insert(free_slots.end(), released_at_segment_end.rbegin(),
                      released_at_segment_end.rend());
    released_at_segment_end.clear();
  }
}

std::size_t EvaluationPlan::memory_bytes() const {
  return input_slots_.capacity() * sizeof(std::uint32_t) + steps_.capacity() * sizeof(AndStep) +
         copies_.capacity() * sizeof(OutputCopy) + segments_.capacity() * sizeof(PlanSegment);
}

}  // namespace rnncc::eval
