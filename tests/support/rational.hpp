// Writing exact rationals in tests.
#pragma once

#include <gmpxx.h>

namespace rnncc::test {

/// numerator / denominator in lowest terms.
inline mpq_class q(long numerator, long denominator = 1) {
  mpq_class value(numerator, denominator);
  value.canonicalize();
  return value;
}

}  // namespace rnncc::test
