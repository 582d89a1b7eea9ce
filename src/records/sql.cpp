#include "records/sql.h"

#include <charconv>
#include <stdexcept>

namespace hiplab::records {

const std::string& SqlRow::text(std::size_t i) const {
  static const std::string kEmpty;
  const auto& c = cols.at(i);
  return c ? *c : kEmpty;
}

// A column the schema declares as an integer or a number; anything else is a bug in a query, not
// something a user did, so it throws.
std::int64_t SqlRow::integer(std::size_t i) const {
  const std::string& t = text(i);
  std::int64_t v = 0;
  const auto r = std::from_chars(t.data(), t.data() + t.size(), v);
  if (r.ec != std::errc() || r.ptr != t.data() + t.size()) throw std::logic_error("records: column " + std::to_string(i) + " is not an integer: '" + t + "'");
  return v;
}

double SqlRow::real(std::size_t i) const {
  const std::string& t = text(i);
  double v = 0;
  const auto r = std::from_chars(t.data(), t.data() + t.size(), v);
  if (r.ec != std::errc() || r.ptr != t.data() + t.size()) throw std::logic_error("records: column " + std::to_string(i) + " is not a number: '" + t + "'");
  return v;
}

}  // namespace hiplab::records
