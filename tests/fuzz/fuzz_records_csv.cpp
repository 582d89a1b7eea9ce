// fuzz_records_csv.cpp — libFuzzer target (and corpus replay test) for the patients' records CSV
// import (records/csv.h): any bytes as a CSV file. It reads all of it or nothing; what it reads
// writes back and reads again to the same bytes (export -> import -> export is exact); an error
// is one line that names the file.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "records/csv.h"

using namespace hiplab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto read = records::from_csv(text, "fuzz.csv");
  if (!read) {
    const std::string& m = read.error().message;
    if (m.rfind("fuzz.csv", 0) != 0 || m.find('\n') != std::string::npos) std::abort();
    return 0;
  }
  const std::string once = records::to_csv(read.value());
  auto again = records::from_csv(once, "again.csv");
  if (!again) std::abort();
  if (records::to_csv(again.value()) != once) std::abort();
  return 0;
}
