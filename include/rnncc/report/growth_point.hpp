// One row of a growth table measured from compiled circuits.
#pragma once

#include <cstdint>

#include "rnncc/arith/circuit.hpp"
#include "rnncc/logic/aig.hpp"
#include "rnncc/report/growth_series.hpp"

namespace rnncc::report {

/// The measures of one compiled circuit at sequence length `length`: AND
/// count, depth, largest level width and Brent times T_16, T_256 from the
/// level profile of `aig` (every AND counts, as analysis::level_profile
/// says), arithmetic and multiplicative depth from `arithmetic` (absent
/// when it is null, as for the table schedule), and the given precision,
/// compile time and peak memory. The optimised depth is set to the depth
/// (the caller replaces it when it optimises).
GrowthPoint measure_growth_point(std::uint64_t length, const logic::Aig& aig,
                                 const arith::Circuit* arithmetic, std::uint64_t precision_bits,
                                 double compile_seconds, std::uint64_t peak_bytes);

}  // namespace rnncc::report
