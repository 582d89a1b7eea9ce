#include "app/cmd_patients.h"

#include <cmath>
#include <cstdio>
#include <optional>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include "app/records_bench.h"
#include "app/records_open.h"
#include "core/atomic_file.h"
#include "records/backup.h"
#include "records/csv.h"
#include "records/photo.h"
#include "records/photo_angle.h"

namespace hiplab::app {

namespace {

namespace fs = std::filesystem;
using namespace records;

nlohmann::json to_json(const Patient& p) {
  return {{"id", p.id},
          {"revision", p.revision},
          {"name", p.name},
          {"birth_year", p.birth_year ? nlohmann::json(*p.birth_year) : nlohmann::json(nullptr)},
          {"sex", std::string(sex_name(p.sex))},
          {"notes", p.notes}};
}

nlohmann::json to_json(const Visit& v) {
  nlohmann::json ms = nlohmann::json::array(), gs = nlohmann::json::array();
  for (const Measurement& m : v.measurements)
    ms.push_back({{"side", std::string(side_name(m.side))},
                  {"movement", std::string(movement_name(m.movement))},
                  {"position", std::string(position_name(m.position))},
                  {"degrees", m.degrees},
                  {"method", std::string(method_name(m.method))},
                  {"pain", m.pain ? nlohmann::json(*m.pain) : nlohmann::json(nullptr)},
                  {"note", m.note},
                  {"photo", m.photo.empty() ? nlohmann::json(nullptr) : nlohmann::json(m.photo)},
                  {"landmarks", m.landmarks.empty() ? nlohmann::json(nullptr) : nlohmann::json(m.landmarks)}});
  for (const ProgrammeItem& g : v.programme)
    gs.push_back({{"drill", g.drill}, {"side", std::string(side_name(g.side))}, {"dosage", g.dosage}});
  return {{"id", v.id}, {"patient_id", v.patient_id}, {"revision", v.revision}, {"date", v.date},
          {"note", v.note}, {"measurements", ms}, {"programme", gs}};
}

void print_json(const nlohmann::json& j) { std::printf("%s\n", j.dump(2).c_str()); }

int fail(const std::string& message, int code = 1) {
  std::fprintf(stderr, "error: %s\n", message.c_str());
  return code;
}

// Owner-only folders for anything that holds a patient's data.
Status make_private_dir(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    fs::create_directories(dir, ec);
    if (ec) return make_error(dir.string() + ": cannot create the folder (" + ec.message() + ")");
    ::chmod(dir.c_str(), 0700);
  } else if (!fs::is_directory(dir, ec)) {
    return make_error(dir.string() + ": not a folder");
  }
  return Ok{};
}

Status copy_photos(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  if (from.empty() || !fs::is_directory(from, ec)) return Ok{};
  if (auto st = make_private_dir(to); !st) return st;
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing, ec);
  if (ec) return make_error(to.string() + ": cannot copy the photos (" + ec.message() + ")");
  return Ok{};
}

Result<std::int64_t> parse_id(const std::string& s) {
  try {
    std::size_t used = 0;
    const long long v = std::stoll(s, &used);
    if (used == s.size() && v >= 1) return static_cast<std::int64_t>(v);
  } catch (...) {
  }
  return make_error("patient: expected a patient number (see hiplab patients list), got '" + s + "'");
}

// Options every patients command shares.
struct Common {
  std::string records;
  bool json = false;
};

// A bad --records value is bad usage (exit 2); a bad settings value or a store that cannot be
// opened is a runtime failure (1). `code` says which.
Result<std::unique_ptr<Store>> open_for(const Common& c, int* code) {
  auto where = records_location(c.records);
  *code = !where && !c.records.empty() ? 2 : 1;
  if (!where) return where.error();
  return open_records(*where);
}

}  // namespace

std::string format_record(const PatientRecord& r) {
  std::ostringstream o;
  const Patient& p = r.patient;
  o << "patient " << p.id << ": " << p.name;
  if (p.birth_year) o << ", born " << *p.birth_year;
  if (p.sex != records::Sex::kUnstated) o << ", " << sex_name(p.sex);
  o << " (revision " << p.revision << ")\n";
  if (!p.notes.empty()) o << "notes: " << p.notes << "\n";
  if (r.visits.empty()) o << "no visits yet\n";
  for (const Visit& v : r.visits) {
    o << v.date << "  visit " << v.id << (v.note.empty() ? "" : "  " + v.note) << "\n";
    for (const Measurement& m : v.measurements) {
      o << "  " << side_name(m.side) << " " << movement_name(m.movement) << " " << exact_decimal(m.degrees) << " deg, "
        << position_name(m.position) << ", " << method_name(m.method);
      if (m.pain) o << ", pain " << *m.pain << "/10";
      if (!m.note.empty()) o << " - " << m.note;
      if (!m.photo.empty()) o << " [photo " << m.photo << "]";
      o << "\n";
    }
    for (const ProgrammeItem& g : v.programme)
      o << "  programme: " << g.drill << " (" << side_name(g.side) << ")" << (g.dosage.empty() ? "" : " " + g.dosage) << "\n";
  }
  return o.str();
}

Command add_patients_command(CLI::App& app) {
  auto common = std::make_shared<Common>();
  CLI::App* sub = app.add_subcommand("patients", "Patients' records: measured range of motion over time (SQLite, or PostgreSQL for a clinic)");
  sub->add_option("--records", common->records,
                  "Where the records are: a file, a PostgreSQL connection string (postgresql://... or service=...; no password: "
                  "use ~/.pgpass), or off. Default: settings.json's \"records\", else " + default_records_path());
  sub->add_flag("--json", common->json, "Print as JSON");
  sub->require_subcommand(1, 1);
  auto leaf = [&](const std::string& name, const std::string& help) {
    CLI::App* s = sub->add_subcommand(name, help);
    s->fallthrough();  // --records and --json may come after the command's name too
    return s;
  };

  // list
  auto search = std::make_shared<std::string>();
  CLI::App* list = leaf("list", "List patients (by name), with their number of visits and the last one");
  list->add_option("--search", *search, "Only names containing this text");
  // add
  auto new_patient = std::make_shared<Patient>();
  auto birth_year = std::make_shared<int>(0);
  auto sex = std::make_shared<std::string>("unstated");
  CLI::App* add = leaf("add", "Add a patient; prints their number");
  add->add_option("--name", new_patient->name, "Name or pseudonym")->required();
  add->add_option("--birth-year", *birth_year, "Year of birth (the norms depend on age)")->check(CLI::Range(1900, 2200));
  add->add_option("--sex", *sex, "female, male, other or unstated")->check(CLI::IsMember({"female", "male", "other", "unstated"}));
  add->add_option("--notes", new_patient->notes, "Notes");
  // show
  auto patient = std::make_shared<std::string>();
  CLI::App* show = leaf("show", "Show a patient's record: every visit, its measurements and programme");
  show->add_option("patient", *patient, "Patient number (see list)")->required();
  // measure
  struct MeasureArgs {
    std::string patient, date, side = "right", position = "supine", method = "goniometer", note, visit_note, photo, landmarks;
    int pain = -1;
    std::vector<std::string> values, programme;
  };
  auto ma = std::make_shared<MeasureArgs>();
  CLI::App* measure = leaf("measure", "Record a visit: measured degrees per movement, e.g. internal_rotation=32 external_rotation=41, "
                                      "or a rotation measured on a photo (--photo, --landmarks)");
  measure->add_option("patient", ma->patient, "Patient number")->required();
  measure->add_option("values", ma->values, "MOVEMENT=DEGREES ... (" + movement_names() + "); none needed with --photo");
  measure->add_option("--photo", ma->photo, "A JPEG or PNG photo of the rotation test (seated or supine from the front/foot end, prone from the foot end), "
                                            "kept with a thumbnail in the records' photo folder; the rotation is measured on it from --landmarks");
  measure->add_option("--landmarks", ma->landmarks, "Pixel positions on the photo (x right, y down): knee,ankle (against the vertical) as x1,y1,x2,y2; "
                                                    "or reference,knee,ankle; or two points of the reference axis then knee,ankle. The shin turned "
                                                    "clockwise in the photo is internal rotation of a right hip, external of a left one");
  measure->add_option("--date", ma->date, "Date of the visit, YYYY-MM-DD (default: today)");
  measure->add_option("--side", ma->side, "left or right")->check(CLI::IsMember({"left", "right"}));
  measure->add_option("--position", ma->position, position_names())->check(CLI::IsMember({"supine", "prone", "seated"}));
  measure->add_option("--method", ma->method, method_names())->check(CLI::IsMember({"goniometer", "inclinometer", "visual_estimate", "photo"}));
  measure->add_option("--pain", ma->pain, "Pain during the test, 0-10")->check(CLI::Range(0, 10));
  measure->add_option("--note", ma->note, "Note on these measurements");
  measure->add_option("--visit-note", ma->visit_note, "Note on the visit");
  // One value per --programme (repeat the option for more), so the measurements after it are not
  // taken for programme items.
  measure->add_option("--programme", ma->programme, "A drill given, DRILL=DOSAGE (e.g. clamshell=\"3 x 12, daily\"); repeatable")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  // export
  auto ex_ids = std::make_shared<std::vector<std::string>>();
  auto ex_out = std::make_shared<std::string>();
  auto ex_all = std::make_shared<bool>(false);
  CLI::App* exp = leaf("export", "Export patients' whole records to a folder: records.csv and their photos (owner-only)");
  exp->add_option("patients", *ex_ids, "Patient numbers");
  exp->add_flag("--all", *ex_all, "Every patient");
  exp->add_option("--out", *ex_out, "Folder to write (made when missing)")->required();
  // import
  auto im_path = std::make_shared<std::string>();
  CLI::App* imp = leaf("import", "Import records from a CSV file or an exported folder, as new patients; a bad row imports nothing");
  imp->add_option("path", *im_path, "records.csv, or a folder holding one (and photos/)")->required();
  // delete
  auto del_id = std::make_shared<std::string>();
  auto del_yes = std::make_shared<bool>(false);
  CLI::App* del = leaf("delete", "Delete a patient and everything of theirs: visits, measurements, programme, photos");
  del->add_option("patient", *del_id, "Patient number")->required();
  del->add_flag("--yes", *del_yes, "Really delete (without it, says what would be deleted)");
  // backup / restore
  auto bk_file = std::make_shared<std::string>();
  CLI::App* backup = leaf("backup", "Copy the whole records database to an SQLite file (written atomically, owner-only)");
  backup->add_option("file", *bk_file, "Backup file to write")->required();
  auto rs_file = std::make_shared<std::string>();
  auto rs_yes = std::make_shared<bool>(false);
  CLI::App* restore = leaf("restore", "Replace every record and photo with a backup's");
  restore->add_option("file", *rs_file, "Backup file (from hiplab patients backup)")->required();
  restore->add_flag("--yes", *rs_yes, "Really replace (without it, says what would be replaced)");
  // bench
  auto bench_runs = std::make_shared<int>(20);
  CLI::App* bench = leaf("bench", "Time opening the records and showing a patient with 10 years of monthly visits, and a CSV import of "
                                  "10,000 measurements (SQLite: in a temporary file; PostgreSQL: needs a database with no patients)");
  bench->add_option("--runs", *bench_runs, "Runs of the open-and-show timing (the median is printed)")->check(CLI::Range(1, 1000));

  auto run = [=]() -> int {
    const Common& c = *common;
    if (bench->parsed()) {
      auto where = records_location(c.records);
      if (!where) return fail(where.error().message, 2);
      if (where->kind == RecordsLocation::Kind::kOff) return fail("patient records are switched off; nothing to time");
      return run_records_bench(*where, *bench_runs, c.json);
    }
    if (add->parsed()) {
      Patient p = *new_patient;
      if (*birth_year) p.birth_year = *birth_year;
      p.sex = parse_sex(*sex).value_or(records::Sex::kUnstated);
      if (auto st = validate(p); !st) return fail(st.error().message, 2);
      int code = 1;
      auto store = open_for(c, &code);
      if (!store) return fail(store.error().message, code);
      auto added = (*store)->add_patient(p);
      if (!added) return fail(added.error().message);
      if (c.json) print_json(to_json(*added));
      else std::printf("added patient %lld: %s\n", static_cast<long long>(added->id), added->name.c_str());
      return 0;
    }
    if (measure->parsed()) {
      auto id = parse_id(ma->patient);
      if (!id) return fail(id.error().message, 2);
      Visit v;
      v.patient_id = *id;
      v.date = ma->date.empty() ? today_date() : ma->date;
      v.note = ma->visit_note;
      for (const std::string& value : ma->values) {
        const auto eq = value.find('=');
        auto mv = parse_movement(value.substr(0, eq));
        if (eq == std::string::npos || !mv)
          return fail("values: expected MOVEMENT=DEGREES with MOVEMENT one of " + movement_names() + ", got '" + value + "'", 2);
        Measurement m;
        m.movement = *mv;
        try {
          std::size_t used = 0;
          m.degrees = std::stod(value.substr(eq + 1), &used);
          if (used != value.size() - eq - 1) throw std::invalid_argument("trailing");
        } catch (...) {
          return fail("values: expected degrees after '=', got '" + value + "'", 2);
        }
        m.side = *records::parse_side(ma->side);
        m.position = *parse_position(ma->position);
        m.method = *parse_method(ma->method);
        if (ma->pain >= 0) m.pain = ma->pain;
        m.note = ma->note;
        v.measurements.push_back(m);
      }
      if (ma->values.empty() && ma->photo.empty())
        return fail("values: expected MOVEMENT=DEGREES (" + movement_names() + ") or --photo with --landmarks", 2);
      if (ma->photo.empty() != ma->landmarks.empty()) return fail(ma->photo.empty() ? "--landmarks: needs --photo" : "--photo: needs --landmarks (where the knee and the ankle are)", 2);
      std::optional<PhotoAngle> photo_angle_found;
      if (!ma->photo.empty()) {
        auto pts = parse_landmarks(ma->landmarks);
        if (!pts) return fail(pts.error().message, 2);
        auto pixels = read_photo(ma->photo);
        if (!pixels) return fail(pixels.error().message, 2);
        auto angle = photo_angle(*pts, *records::parse_side(ma->side), pixels->width, pixels->height);
        if (!angle) return fail(angle.error().message, 2);
        photo_angle_found = *angle;
        Measurement m;
        m.movement = angle->movement;
        m.degrees = angle->degrees;
        m.side = *records::parse_side(ma->side);
        m.position = *parse_position(ma->position);
        m.method = Method::kPhoto;
        if (ma->pain >= 0) m.pain = ma->pain;
        m.note = ma->note;
        m.landmarks = landmarks_text(*pts);
        v.measurements.push_back(m);
      }
      for (const std::string& g : ma->programme) {
        const auto eq = g.find('=');
        ProgrammeItem item;
        item.drill = g.substr(0, eq);
        item.dosage = eq == std::string::npos ? "" : g.substr(eq + 1);
        item.side = *records::parse_side(ma->side);
        v.programme.push_back(item);
      }
      if (auto st = validate(v); !st) return fail(st.error().message, 2);
      int code = 1;
      auto store = open_for(c, &code);
      if (!store) return fail(store.error().message, code);
      std::string kept_photo;
      if (photo_angle_found) {
        // Kept before the visit is saved, so a saved measurement never names a missing photo; a
        // visit that then fails to save takes its photo away again.
        auto name = keep_photo((*store)->photos_dir(*id), ma->photo, v.date);
        if (!name) return fail(name.error().message);
        kept_photo = *name;
        v.measurements.back().photo = kept_photo;
      }
      auto saved = (*store)->add_visit(v);
      if (!saved) {
        if (!kept_photo.empty()) {
          std::error_code ec;
          fs::remove(fs::path((*store)->photos_dir(*id)) / kept_photo, ec);
          fs::remove(fs::path((*store)->photos_dir(*id)) / thumbnail_name(kept_photo), ec);
        }
        return fail(saved.error().message);
      }
      if (photo_angle_found && !c.json)
        std::printf("photo angle: %.1f deg %s of the %s hip (the shin %.1f deg %s of the reference in the photo); photo kept as %s\n", photo_angle_found->degrees,
                    photo_angle_found->movement == Movement::kInternalRotation ? "internal rotation" : "external rotation", ma->side.c_str(),
                    std::abs(photo_angle_found->clockwise_deg), photo_angle_found->clockwise_deg >= 0 ? "clockwise" : "counter-clockwise", kept_photo.c_str());
      if (c.json) print_json(to_json(*saved));
      else {
        std::printf("saved visit %lld of patient %lld on %s:", static_cast<long long>(saved->id), static_cast<long long>(*id), saved->date.c_str());
        for (const Measurement& m : saved->measurements)
          std::printf(" %s %s %s deg;", std::string(side_name(m.side)).c_str(), std::string(movement_name(m.movement)).c_str(), exact_decimal(m.degrees).c_str());
        std::printf("\n");
      }
      return 0;
    }
    if (show->parsed() || del->parsed()) {
      auto id = parse_id(show->parsed() ? *patient : *del_id);
      if (!id) return fail(id.error().message, 2);
      int code = 1;
      auto store = open_for(c, &code);
      if (!store) return fail(store.error().message, code);
      auto rec = (*store)->load(*id);
      if (!rec) return fail(rec.error().message);
      if (show->parsed()) {
        if (c.json) {
          nlohmann::json visits = nlohmann::json::array();
          for (const Visit& v : rec->visits) visits.push_back(to_json(v));
          print_json({{"patient", to_json(rec->patient)}, {"visits", visits}});
        } else {
          std::fputs(format_record(*rec).c_str(), stdout);
        }
        return 0;
      }
      std::size_t measurements = 0;
      for (const Visit& v : rec->visits) measurements += v.measurements.size();
      const std::string what = "patient " + std::to_string(*id) + " (" + rec->patient.name + ") with " + std::to_string(rec->visits.size()) +
                               " visits, " + std::to_string(measurements) + " measurements and their photos";
      if (!*del_yes) return fail("delete: this would delete " + what + "; add --yes to delete", 2);
      auto notice = (*store)->delete_patient(*id, rec->patient.revision);
      if (!notice) return fail(notice.error().message);
      if (!notice->empty()) std::fprintf(stderr, "note: %s\n", notice->c_str());
      if (c.json) print_json({{"deleted", *id}, {"visits", rec->visits.size()}, {"measurements", measurements}});
      else std::printf("deleted %s\n", what.c_str());
      return 0;
    }
    if (list->parsed()) {
      int code = 1;
      auto store = open_for(c, &code);
      if (!store) return fail(store.error().message, code);
      auto ps = (*store)->list_patients(*search);
      if (!ps) return fail(ps.error().message);
      if (c.json) {
        nlohmann::json arr = nlohmann::json::array();
        for (const PatientSummary& s : *ps) {
          nlohmann::json j = to_json(s.patient);
          j["visits"] = s.visits;
          j["last_visit"] = s.last_visit.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.last_visit);
          arr.push_back(j);
        }
        print_json({{"records", (*store)->describe()}, {"patients", arr}});
      } else {
        std::printf("%-6s %-32s %-6s %-9s %-6s %s\n", "id", "name", "born", "sex", "visits", "last visit");
        for (const PatientSummary& s : *ps)
          std::printf("%-6lld %-32s %-6s %-9s %-6d %s\n", static_cast<long long>(s.patient.id), s.patient.name.c_str(),
                      s.patient.birth_year ? std::to_string(*s.patient.birth_year).c_str() : "-", std::string(sex_name(s.patient.sex)).c_str(),
                      s.visits, s.last_visit.empty() ? "-" : s.last_visit.c_str());
        std::printf("%zu patient%s in %s\n", ps->size(), ps->size() == 1 ? "" : "s", (*store)->describe().c_str());
      }
      return 0;
    }
    if (exp->parsed()) {
      if (*ex_all == !ex_ids->empty()) return fail("export: expected patient numbers or --all (one of them)", 2);
      std::vector<std::int64_t> ids;
      for (const std::string& s : *ex_ids) {
        auto id = parse_id(s);
        if (!id) return fail(id.error().message, 2);
        ids.push_back(*id);
      }
      int code = 1;
      auto store = open_for(c, &code);
      if (!store) return fail(store.error().message, code);
      std::vector<PatientRecord> recs;
      if (*ex_all) {
        auto all = (*store)->load_all();
        if (!all) return fail(all.error().message);
        recs = std::move(all.value());
      } else {
        for (std::int64_t id : ids) {
          auto r = (*store)->load(id);
          if (!r) return fail(r.error().message);
          recs.push_back(std::move(r.value()));
        }
      }
      const fs::path out = *ex_out;
      if (auto st = make_private_dir(out); !st) return fail(st.error().message);
      if (auto st = write_private_file((out / "records.csv").string(), to_csv(recs)); !st) return fail(st.error().message);
      // photos/<n>/ for the n-th patient of the CSV, as its `patient` column numbers them.
      int photo_folders = 0;
      for (std::size_t i = 0; i < recs.size(); ++i) {
        const fs::path from = (*store)->photos_dir(recs[i].patient.id);
        std::error_code ec;
        if (from.empty() || !fs::is_directory(from, ec)) continue;
        if (auto st = copy_photos(from, out / "photos" / std::to_string(i + 1)); !st) return fail(st.error().message);
        ++photo_folders;
      }
      std::size_t visits = 0, measurements = 0;
      for (const PatientRecord& r : recs)
        for (const Visit& v : r.visits) {
          ++visits;
          measurements += v.measurements.size();
        }
      if (c.json)
        print_json({{"folder", out.string()}, {"patients", recs.size()}, {"visits", visits}, {"measurements", measurements}, {"photo_folders", photo_folders}});
      else
        std::printf("exported %zu patient%s (%zu visits, %zu measurements) to %s\n", recs.size(), recs.size() == 1 ? "" : "s", visits, measurements,
                    (out / "records.csv").string().c_str());
      return 0;
    }
    if (imp->parsed()) {
      fs::path csv_path = *im_path;
      std::error_code ec;
      const bool folder = fs::is_directory(csv_path, ec);
      if (folder) csv_path /= "records.csv";
      std::ifstream in(csv_path, std::ios::binary);
      if (!in) return fail(csv_path.string() + ": cannot be read (expected a CSV file from hiplab patients export)");
      std::stringstream ss;
      ss << in.rdbuf();
      auto recs = from_csv(ss.str(), csv_path.string());
      if (!recs) return fail(recs.error().message + "; nothing was imported");
      int code = 1;
      auto store = open_for(c, &code);
      if (!store) return fail(store.error().message, code);
      ImportCounts n;
      auto ids = (*store)->import_records(*recs, &n);
      if (!ids) return fail(ids.error().message + "; nothing was imported");
      if (folder)
        for (std::size_t i = 0; i < ids->size(); ++i)
          if (auto st = copy_photos(fs::path(*im_path) / "photos" / std::to_string(i + 1), (*store)->photos_dir((*ids)[i])); !st)
            std::fprintf(stderr, "warning: %s\n", st.error().message.c_str());
      if (c.json)
        print_json({{"patients", n.patients}, {"visits", n.visits}, {"measurements", n.measurements}, {"programme_items", n.programme_items}, {"patient_ids", *ids}});
      else
        std::printf("imported %d patient%s, %d visits, %d measurements, %d programme items\n", n.patients, n.patients == 1 ? "" : "s", n.visits,
                    n.measurements, n.programme_items);
      return 0;
    }
    if (backup->parsed()) {
      int code = 1;
      auto store = open_for(c, &code);
      if (!store) return fail(store.error().message, code);
      auto done = write_backup(**store, *bk_file);
      if (!done) return fail(done.error().message);
      const std::size_t n = done->patients, photo_count = done->photo_files;
      if (c.json) print_json({{"backup", *bk_file}, {"patients", n}, {"photo_files", photo_count}});
      else
        std::printf("backed up %zu patient%s%s to %s\n", n, n == 1 ? "" : "s",
                    photo_count ? (" and " + std::to_string(photo_count) + " photo file" + (photo_count == 1 ? "" : "s")).c_str() : "", bk_file->c_str());
      return 0;
    }
    if (restore->parsed()) {
      auto got = read_backup(*rs_file);
      if (!got) return fail(got.error().message + "; nothing was restored");
      int code = 1;
      auto store = open_for(c, &code);
      if (!store) return fail(store.error().message, code);
      auto now = (*store)->list_patients();
      if (!now) return fail(now.error().message);
      if (!*rs_yes)
        return fail("restore: this would replace the " + std::to_string(now->size()) + " patients in " + (*store)->describe() + " with the backup's " +
                        std::to_string(got->records.size()) + "; add --yes to restore",
                    2);
      auto done = restore_backup(**store, *got);
      if (!done) {
        const std::string& m = done.error().message;
        return fail(m.find("the records were restored") != std::string::npos ? m : m + "; nothing was restored");
      }
      if (c.json) print_json({{"restored", done->restored}, {"replaced", done->replaced}, {"photo_files", done->photo_files}});
      else
        std::printf("restored %zu patient%s%s from %s (replacing %zu)\n", done->restored, done->restored == 1 ? "" : "s",
                    done->photo_files ? (" and " + std::to_string(done->photo_files) + " photo file" + (done->photo_files == 1 ? "" : "s")).c_str() : "",
                    rs_file->c_str(), done->replaced);
      return 0;
    }
    return 2;
  };
  return Command{sub, run};
}

}  // namespace hiplab::app
