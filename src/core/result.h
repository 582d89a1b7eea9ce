// result.h — the error value that user-caused failures travel in (bad files, bad command-line
// values). Errors never throw through layers: a function that can fail on user input returns
// Result<T>, whose message names the file or field and says what was expected.
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace hiplab {

struct Error {
  std::string message;  // one line, e.g. "model.glb: no mesh in file (expected at least one)"
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}                       // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}                   // NOLINT
  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const Error& error() const { return std::get<Error>(v_); }

 private:
  std::variant<T, Error> v_;
};

// For operations that produce nothing but can fail.
struct Ok {};
using Status = Result<Ok>;

inline Error make_error(std::string message) { return Error{std::move(message)}; }

}  // namespace hiplab
