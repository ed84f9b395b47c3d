// The table of case kinds: one line per kind, each defined in its own file.
#include <array>

#include "case_kind.hpp"

namespace rnncc::experiment::claims {

extern const CaseKind accuracy_case_kind;
extern const CaseKind growth_case_kind;
extern const CaseKind equivalence_case_kind;
extern const CaseKind matrix_order_case_kind;
extern const CaseKind fraction_sum_case_kind;
extern const CaseKind induction_case_kind;

namespace {

const std::array<const CaseKind*, 6> kinds{
    &accuracy_case_kind,  &growth_case_kind,       &equivalence_case_kind,
    &induction_case_kind, &matrix_order_case_kind, &fraction_sum_case_kind,
};

}  // namespace

std::span<const CaseKind* const> case_kinds() {
  return kinds;
}

const CaseKind* find_case_kind(std::string_view name) {
  for (const CaseKind* kind : kinds)
    if (kind->name == name) return kind;
  return nullptr;
}

}  // namespace rnncc::experiment::claims
