#include "app/records_bench.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include "app/cmd_patients.h"
#include "records/csv.h"

namespace hiplab::app {

namespace {

namespace fs = std::filesystem;
using namespace records;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0.0 : v[v.size() / 2];
}

// A visit as a therapist records one: internal and external rotation, both sides, seated and supine
// (8 measurements), and two drills given.
Visit monthly_visit(int year, int month, int i) {
  Visit v;
  char date[32];  // room for any two ints (GCC checks the worst case)
  std::snprintf(date, sizeof date, "%04d-%02d-15", year, month);
  v.date = date;
  v.note = "monthly review";
  for (Side side : {Side::kLeft, Side::kRight})
    for (Position pos : {Position::kSeated, Position::kSupine})
      for (Movement mv : {Movement::kInternalRotation, Movement::kExternalRotation}) {
        Measurement m;
        m.side = side;
        m.position = pos;
        m.movement = mv;
        m.degrees = 25.0 + (i * 7 + static_cast<int>(mv) * 3 + static_cast<int>(pos)) % 20 + 0.5;
        m.method = Method::kGoniometer;
        m.pain = i % 4;
        v.measurements.push_back(m);
      }
  v.programme.push_back({0, "clamshell", Side::kRight, "3 x 12, daily"});
  v.programme.push_back({0, "90_90_switch", Side::kLeft, "2 x 8"});
  return v;
}

PatientRecord ten_years() {
  PatientRecord r;
  r.patient.name = "Bench patient (10 years monthly)";
  r.patient.birth_year = 1970;
  for (int i = 0; i < 120; ++i) r.visits.push_back(monthly_visit(2015 + i / 12, 1 + i % 12, i));
  return r;
}

// 10,000 measurements: 100 patients x 25 visits x 4 measurements.
std::vector<PatientRecord> import_set() {
  std::vector<PatientRecord> out(100);
  for (int p = 0; p < 100; ++p) {
    out[static_cast<std::size_t>(p)].patient.name = "Imported " + std::to_string(p + 1);
    for (int v = 0; v < 25; ++v) {
      Visit visit = monthly_visit(2020 + v / 12, 1 + v % 12, p + v);
      visit.measurements.resize(4);
      visit.programme.resize(1);
      out[static_cast<std::size_t>(p)].visits.push_back(visit);
    }
  }
  return out;
}

}  // namespace

int run_records_bench(const RecordsLocation& given, int runs, bool json) {
  RecordsLocation where = given;
  fs::path tmp_dir;
  if (where.kind == RecordsLocation::Kind::kSqlite) {
    char tmpl[] = "/tmp/hiplab-bench-XXXXXX";
    if (!::mkdtemp(tmpl)) {
      std::fprintf(stderr, "error: cannot make a temporary folder for the bench\n");
      return 1;
    }
    tmp_dir = tmpl;
    where.target = (tmp_dir / "records.sqlite").string();
  }
  auto cleanup = [&] {
    std::error_code ec;
    if (!tmp_dir.empty()) fs::remove_all(tmp_dir, ec);
  };
  auto fail = [&](const std::string& m) {
    std::fprintf(stderr, "error: %s\n", m.c_str());
    cleanup();
    return 1;
  };
  std::string described;
  std::int64_t patient = 0;
  {
    auto store = open_store(where, "");
    if (!store) return fail(store.error().message);
    described = (*store)->describe();
    auto existing = (*store)->list_patients();
    if (!existing) return fail(existing.error().message);
    if (!existing->empty()) return fail(described + ": holds " + std::to_string(existing->size()) + " patients; the bench needs a database with none");
    auto ids = (*store)->import_records({ten_years()});
    if (!ids) return fail(ids.error().message);
    patient = ids->front();
  }
  // Open (a new connection: checks, migration check, settings) and show, as `patients show` does.
  std::vector<double> open_show, open_only;
  std::size_t shown_bytes = 0;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = Clock::now();
    auto store = open_store(where, "");
    if (!store) return fail(store.error().message);
    open_only.push_back(ms_since(t0));
    auto rec = (*store)->load(patient);
    if (!rec) return fail(rec.error().message);
    shown_bytes = format_record(*rec).size();
    open_show.push_back(ms_since(t0));
  }
  // CSV import: parse and one transaction; between runs the database goes back to the one patient.
  const std::vector<PatientRecord> set = import_set();
  const std::string csv = to_csv(set);
  std::vector<double> import_ms, parse_ms;
  ImportCounts counts;
  {
    auto store = open_store(where, "");
    if (!store) return fail(store.error().message);
    auto base = (*store)->load_all();
    if (!base) return fail(base.error().message);
    for (int i = 0; i < 5; ++i) {
      const auto t0 = Clock::now();
      auto parsed = from_csv(csv, "bench.csv");
      if (!parsed) return fail(parsed.error().message);
      parse_ms.push_back(ms_since(t0));
      auto ids = (*store)->import_records(*parsed, &counts);
      if (!ids) return fail(ids.error().message);
      import_ms.push_back(ms_since(t0));
      if (auto st = (*store)->replace_all(*base); !st) return fail(st.error().message);
    }
    if (where.kind == RecordsLocation::Kind::kPostgres)
      if (auto st = (*store)->replace_all({}); !st) return fail(st.error().message);
  }
  cleanup();
  const double show_med = median(open_show), import_med = median(import_ms);
  if (json) {
    nlohmann::json j = {{"records", described},
                        {"open_and_show_ms", {{"median", show_med}, {"slowest", *std::max_element(open_show.begin(), open_show.end())},
                                               {"open_only_median", median(open_only)}, {"runs", runs}, {"visits", 120},
                                               {"measurements", 960}, {"target", 50}}},
                        {"csv_import_ms", {{"median", import_med}, {"parse_median", median(parse_ms)}, {"runs", 5},
                                           {"measurements", counts.measurements}, {"visits", counts.visits}, {"patients", counts.patients},
                                           {"target", 1000}}}};
    std::printf("%s\n", j.dump(2).c_str());
  } else {
    std::printf("records bench on %s\n", described.c_str());
    std::printf("open and show a patient with 10 years of monthly visits (120 visits, 960 measurements, %zu bytes shown):\n"
                "  median %.1f ms, slowest %.1f ms over %d runs (opening alone: median %.1f ms); target <= 50 ms\n",
                shown_bytes, show_med, *std::max_element(open_show.begin(), open_show.end()), runs, median(open_only));
    std::printf("CSV import of %d measurements (%d patients, %d visits; parse + one transaction):\n"
                "  median %.0f ms over 5 runs (parsing alone: median %.0f ms); target <= 1000 ms\n",
                counts.measurements, counts.patients, counts.visits, import_med, median(parse_ms));
  }
  return 0;
}

}  // namespace hiplab::app
