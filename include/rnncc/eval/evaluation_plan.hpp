// The evaluation of an AIG compiled once into a flat list of steps over a
// small set of reusable value slots.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "rnncc/logic/aig.hpp"

namespace rnncc::eval {

/// The order in which a plan computes the ANDs.
enum class EvaluationOrder {
  /// node index order, locally interleaved so that a step rarely reads a
  /// value made in the last few steps (each step is one of the first few
  /// computable ANDs in index order); an AND read by one AND only (and not
  /// an output) is, where its reader fuses no other, moved to just before
  /// its reader and not stored (see held_result); segments of about
  /// `index_segment_steps` steps, never between a fused pair
  index,
  /// layer by layer, one segment per layer (its steps are independent):
  /// D layers (D = the depth), each AND in the latest layer its fan-outs
  /// allow (D minus its longest path to an output), so that values are
  /// made shortly before they are used
  level,
};

/// A value slot read with an optional complement: slot * 2 + complement.
using SlotLiteral = std::uint32_t;

/// One AND: slot `result` = fanin0 ∧ fanin1. When `result` is
/// EvaluationPlan::held_result the value is not stored: the next step reads
/// it as its fanin0 (slot EvaluationPlan::held_slot, with its own
/// complement bit), and the two run as one.
struct AndStep {
  SlotLiteral fanin0;
  SlotLiteral fanin1;
  std::uint32_t result;
};

/// Copies a value slot (complemented if asked) to a primary output.
struct OutputCopy {
  std::uint32_t output;
  SlotLiteral source;
};

/// Steps [first_step, end_step) of the plan, preceded by the output copies
/// [first_copy, end_copy). A slot read or copied in a segment is never
/// written in the same segment, so the segment's copies and, in level
/// order, its steps may run in any order or at once.
struct PlanSegment {
  std::uint64_t first_step;
  std::uint64_t end_step;
  std::uint64_t first_copy;
  std::uint64_t end_copy;
};

/// The steps that compute the outputs of an AIG, with value slots assigned
/// so that a slot is reused once the value it held is dead: the slot count
/// is the largest number of values live at once (plus the constant slot),
/// not the node count. Only ANDs some output depends on get a step.
/// A plan holds no reference to the AIG.
class EvaluationPlan {
 public:
  /// Steps per segment in index order.
  static constexpr std::uint64_t index_segment_steps = 64;
  /// Slot 0 always holds constant false.
  static constexpr std::uint32_t constant_slot = 0;
  /// Marks an input no output depends on (it gets no slot).
  static constexpr std::uint32_t no_slot = 0xffffffffU;
  /// The result of a step whose value only the next step reads (index
  /// order: an AND with one fan-out, fused into its reader).
  static constexpr std::uint32_t held_result = 0xffffffffU;
  /// The slot a fused reader's fanin0 names: the value held from the step
  /// before.
  static constexpr std::uint32_t held_slot = 0x7fffffffU;

  EvaluationPlan(const logic::Aig& aig, EvaluationOrder order);

  EvaluationOrder order() const { return order_; }
  std::uint32_t input_count() const { return static_cast<std::uint32_t>(input_slots_.size()); }
  std::uint32_t output_count() const { return output_count_; }
  /// Slots a block of values needs, the constant slot included.
  std::uint32_t slot_count() const { return slot_count_; }
  /// Work: the number of steps (ANDs some output depends on).
  std::uint64_t work() const { return steps_.size(); }
  /// Steps whose value is held for the next step instead of stored.
  std::uint64_t held_steps() const { return held_steps_; }
  /// Span: the largest level of an output (the AIG's depth).
  std::uint32_t span() const { return span_; }

  /// Slot of input i, or no_slot when no output depends on it.
  const std::vector<std::uint32_t>& input_slots() const { return input_slots_; }
  const std::vector<AndStep>& steps() const { return steps_; }
  const std::vector<OutputCopy>& copies() const { return copies_; }
  /// Segments in execution order; the last one has copies only.
  const std::vector<PlanSegment>& segments() const { return segments_; }

  /// Bytes held by the plan's arrays.
  std::size_t memory_bytes() const;

 private:
  EvaluationOrder order_;
  std::uint32_t output_count_ = 0;
  std::uint32_t slot_count_ = 1;
  std::uint32_t span_ = 0;
  std::uint64_t held_steps_ = 0;
  std::vector<std::uint32_t> input_slots_;
  std::vector<AndStep> steps_;
  std::vector<OutputCopy> copies_;
  std::vector<PlanSegment> segments_;
};

}  // namespace rnncc::eval
