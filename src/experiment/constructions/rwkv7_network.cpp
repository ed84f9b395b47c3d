#include "rwkv7_network.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "rnncc/model/families/rwkv7.hpp"

namespace rnncc::experiment::constructions {

AffineFeature::AffineFeature(std::size_t rows_, std::size_t width_)
    : rows(rows_),
      width(width_),
      weight(std::max<std::size_t>(rows_, 1) * width_, mpq_class(0)),
      bias(std::max<std::size_t>(rows_, 1), mpq_class(0)) {}

void AffineFeature::add(std::size_t row, std::size_t column, const mpq_class& value) {
  weight.at(row * width + column) += value;
}

void AffineFeature::add_bias(std::size_t row, const mpq_class& value) {
  bias.at(row) += value;
}

void AffineFeature::fill_bias(const mpq_class& value) {
  for (mpq_class& entry : bias)
    entry = value;
}

Rwkv7Head::Rwkv7Head(std::size_t key_, std::size_t value_, std::size_t width)
    : key(key_),
      value(value_),
      w(key_, width),
      kappa(key_, width),
      a(key_, width),
      k(key_, width),
      v(value_, width),
      lambda(0, width),
      query(key_, width),
      initial(key_ * value_, mpq_class(0)) {}

namespace {

void write_feature(io::ModelFileWriter& file, const std::string& name,
                   const AffineFeature& feature) {
  if (feature.rows == 0) {
    file.tensor(name + ".weight", io::TensorText{{feature.width}, feature.weight});
    file.tensor(name + ".bias", io::TensorText{{}, feature.bias});
    return;
  }
  file.tensor(name + ".weight", io::TensorText{{feature.rows, feature.width}, feature.weight});
  file.tensor(name + ".bias", io::TensorText{{feature.rows}, feature.bias});
}

}  // namespace

void write_heads_sublayer(io::ModelFileWriter& file, const HeadsSublayer& sublayer,
                          std::size_t width) {
  std::size_t outputs = 0;
  for (const Rwkv7Head& head : sublayer.heads)
    outputs += head.value;
  if (sublayer.output.size() != width * outputs) {
    throw std::logic_error("heads sublayer: O does not match the heads' outputs");
  }
  file.blank_line();
  if (!sublayer.comment.empty()) file.comment(sublayer.comment);
  file.array_table("sublayer");
  file.text("kind", "heads");
  file.table("sublayer.weights");
  file.tensor("output", io::TensorText{{width, outputs}, sublayer.output});
  for (const Rwkv7Head& head : sublayer.heads) {
    file.blank_line();
    if (!head.comment.empty()) file.comment(head.comment);
    file.array_table("sublayer.head");
    file.text("family", model::Rwkv7::descriptor.name);
    file.integer("key", static_cast<long>(head.key));
    file.integer("value", static_cast<long>(head.value));
    file.text("query", "current");
    file.table("sublayer.head.weights");
    write_feature(file, "w", head.w);
    write_feature(file, "kappa", head.kappa);
    write_feature(file, "a", head.a);
    write_feature(file, "k", head.k);
    write_feature(file, "v", head.v);
    write_feature(file, "lambda", head.lambda);
    write_feature(file, "query", head.query);
    file.tensor("initial", io::TensorText{{head.key, head.value}, head.initial});
  }
}

void write_feedforward_sublayer(io::ModelFileWriter& file, const FeedForwardSublayer& sublayer,
                                std::size_t width) {
  file.blank_line();
  if (!sublayer.comment.empty()) file.comment(sublayer.comment);
  file.array_table("sublayer");
  file.text("kind", "feedforward");
  file.integer("hidden", static_cast<long>(sublayer.hidden));
  file.table("sublayer.weights");
  file.tensor("up.weight", io::TensorText{{sublayer.hidden, width}, sublayer.up_weight});
  file.tensor("up.bias", io::TensorText{{sublayer.hidden}, sublayer.up_bias});
  file.tensor("down.weight", io::TensorText{{width, sublayer.hidden}, sublayer.down_weight});
}

namespace {

using Matrix = std::vector<std::vector<mpq_class>>;

/// The inverse of `m`, or nothing when it is singular (Gauss–Jordan, exact).
std::optional<Matrix> inverse(Matrix m) {
  const std::size_t n = m.size();
  Matrix result(n, std::vector<mpq_class>(n, mpq_class(0)));
  for (std::size_t i = 0; i < n; ++i)
    result[i][i] = 1;
  for (std::size_t column = 0; column < n; ++column) {
    std::size_t pivot = column;
    while (pivot < n && m[pivot][column] == 0)
      ++pivot;
    if (pivot == n) return std::nullopt;
    std::swap(m[pivot], m[column]);
    std::swap(result[pivot], result[column]);
    const mpq_class scale = m[column][column];
    for (std::size_t j = 0; j < n; ++j) {
      m[column][j] /= scale;
      result[column][j] /= scale;
    }
    for (std::size_t row = 0; row < n; ++row) {
      if (row == column || m[row][column] == 0) continue;
      const mpq_class factor = m[row][column];
      for (std::size_t j = 0; j < n; ++j) {
        m[row][j] -= factor * m[column][j];
        result[row][j] -= factor * result[column][j];
      }
    }
  }
  return result;
}

}  // namespace

Rwkv7Head cyclic_position_head(std::size_t period, std::size_t width,
                               std::optional<std::size_t> indicator) {
  // Distinct diagonal entries d_i, and c_i = (d_i^P − 1) / Π_{j≠i} (d_i − d_j):
  // then det(xI − diag(d) + 1 cᵀ) = Π (x − d_i) + Σ c_i Π_{j≠i} (x − d_j)
  // agrees with x^P − 1 at the P points d_i, and both are monic of degree P.
  std::vector<mpq_class> d, c;
  for (std::size_t i = 0; i < period; ++i)
    d.emplace_back(static_cast<long>(i) - static_cast<long>(period / 2));
  for (std::size_t i = 0; i < period; ++i) {
    mpq_class power = 1, denominator = 1;
    for (std::size_t e = 0; e < period; ++e)
      power *= d[i];
    for (std::size_t j = 0; j < period; ++j)
      if (j != i) denominator *= d[i] - d[j];
    c.push_back((power - 1) / denominator);
  }
  Matrix transition(period, std::vector<mpq_class>(period));
  for (std::size_t i = 0; i < period; ++i)
    for (std::size_t j = 0; j < period; ++j)
      transition[i][j] = (i == j ? d[i] : mpq_class(0)) - c[j];
  // A reading vector r with invertible Krylov rows rᵀ A^s: all ones, else
  // the first basis vector whose rows are independent.
  std::optional<Matrix> start;
  std::vector<mpq_class> reading;
  for (std::size_t attempt = 0; attempt <= period && !start; ++attempt) {
    reading.assign(period, mpq_class(attempt == 0 ? 1 : 0));
    if (attempt > 0) reading[attempt - 1] = 1;
    Matrix krylov;
    std::vector<mpq_class> row = reading;
    for (std::size_t s = 0; s < period; ++s) {
      krylov.push_back(row);
      std::vector<mpq_class> next(period, mpq_class(0));
      for (std::size_t l = 0; l < period; ++l)
        for (std::size_t j = 0; j < period; ++j)
          next[j] += row[l] * transition[l][j];
      row = next;
    }
    start = inverse(krylov);
  }
  if (!start) throw std::logic_error("cyclic position head: no reading vector");

  Rwkv7Head head(period, period, width);
  head.kappa.fill_bias(1);
  head.lambda.fill_bias(1);
  for (std::size_t i = 0; i < period; ++i) {
    head.query.add_bias(i, reading[i]);
    for (std::size_t j = 0; j < period; ++j)
      head.initial[i * period + j] = (*start)[i][j];
    if (indicator) {
      // w = 1 + s (d − 1), a = s c: the step is I + s (A − I).
      head.w.add_bias(i, 1);
      head.w.add(i, *indicator, d[i] - 1);
      head.a.add(i, *indicator, c[i]);
    } else {
      head.w.add_bias(i, d[i]);
      head.a.add_bias(i, c[i]);
    }
  }
  return head;
}

}  // namespace rnncc::experiment::constructions
