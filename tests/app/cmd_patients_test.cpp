// Tests src/app/cmd_patients.h: `hiplab patients ...` run in-process, reading what it prints.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include "app/cli.h"
#include "records/photo.h"
#include "test_support.h"

namespace hiplab {

namespace {

namespace fs = std::filesystem;
using test::read_all;

test::Captured run_patients(std::vector<std::string> args) { return test::capture_stdout([&] { return app::run_cli(args); }); }

bool has(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

// Each test its own data and config folders (XDG), so neither the developer's records nor their
// settings are touched, and restored afterwards.
struct IsolatedHome {
  fs::path dir;
  std::string old_data, old_config;
  bool had_data = false, had_config = false;
  explicit IsolatedHome(const std::string& tag) : dir(test::scratch_dir(tag)) {
    if (const char* d = std::getenv("XDG_DATA_HOME")) had_data = true, old_data = d;
    if (const char* c = std::getenv("XDG_CONFIG_HOME")) had_config = true, old_config = c;
    ::setenv("XDG_DATA_HOME", (dir / "data").c_str(), 1);
    ::setenv("XDG_CONFIG_HOME", (dir / "config").c_str(), 1);
  }
  ~IsolatedHome() {
    if (had_data) ::setenv("XDG_DATA_HOME", old_data.c_str(), 1);
    else ::unsetenv("XDG_DATA_HOME");
    if (had_config) ::setenv("XDG_CONFIG_HOME", old_config.c_str(), 1);
    else ::unsetenv("XDG_CONFIG_HOME");
  }
  fs::path db() const { return dir / "data" / "hiplab" / "records.sqlite"; }
};

// A plain grey w x h JPEG at `path` (a photo to measure on; the landmarks are typed, not found).
fs::path write_grey_jpeg(const fs::path& path, int w, int h, std::uint8_t grey) {
  records::PhotoPixels px;
  px.width = w;
  px.height = h;
  px.rgba.assign(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4u, grey);
  std::ofstream(path, std::ios::binary) << records::encode_jpeg(px);
  return path;
}

TEST_CASE("patients measure: each --programme takes one drill, so the measurements after it stay measurements") {
  IsolatedHome home("cli_patients_programme");
  REQUIRE(run_patients({"hiplab", "patients", "add", "--name", "Bea"}).status == 0);
  const auto measured = run_patients({"hiplab", "patients", "measure", "1", "--date", "2024-05-01", "--programme", "clamshell=3x10", "--programme",
                             "reverse_clamshell=2x12", "internal_rotation=28", "external_rotation=36"});
  CHECK(measured.status == 0);
  CHECK(measured.out == "saved visit 1 of patient 1 on 2024-05-01: right internal_rotation 28 deg; right external_rotation 36 deg;\n");
  const auto show = run_patients({"hiplab", "patients", "show", "1"});
  CHECK(show.out ==
        "patient 1: Bea (revision 1)\n"
        "2024-05-01  visit 1\n"
        "  right internal_rotation 28 deg, supine, goniometer\n"
        "  right external_rotation 36 deg, supine, goniometer\n"
        "  programme: clamshell (right) 3x10\n"
        "  programme: reverse_clamshell (right) 2x12\n");
}

TEST_CASE("patients: add, measure, list and show, as text and JSON, in the default database (owner-only)") {
  IsolatedHome home("cli_patients_basic");
  const auto added = run_patients({"hiplab", "patients", "add", "--name", "Anna", "--birth-year", "1961", "--sex", "female"});
  CHECK(added.status == 0);
  CHECK(added.out == "added patient 1: Anna\n");
  CHECK((fs::status(home.db()).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
  const auto measured = run_patients({"hiplab", "patients", "measure", "1", "--date", "2024-05-01", "--side", "left", "--position", "seated",
                             "--pain", "2", "internal_rotation=32.5", "external_rotation=41", "--programme", "clamshell=3 x 12, daily"});
  CHECK(measured.status == 0);
  CHECK(measured.out == "saved visit 1 of patient 1 on 2024-05-01: left internal_rotation 32.5 deg; left external_rotation 41 deg;\n");
  const auto list = run_patients({"hiplab", "patients", "list"});
  CHECK(list.status == 0);
  INFO(list.out);
  CHECK(has(list.out, "1      Anna"));
  CHECK(has(list.out, "2024-05-01"));
  CHECK(has(list.out, "1 patient in SQLite " + home.db().string()));
  const auto show = run_patients({"hiplab", "patients", "show", "1"});
  CHECK(show.status == 0);
  CHECK(show.out ==
        "patient 1: Anna, born 1961, female (revision 1)\n"
        "2024-05-01  visit 1\n"
        "  left internal_rotation 32.5 deg, seated, goniometer, pain 2/10\n"
        "  left external_rotation 41 deg, seated, goniometer, pain 2/10\n"
        "  programme: clamshell (left) 3 x 12, daily\n");
  const auto json = run_patients({"hiplab", "patients", "show", "1", "--json"});
  REQUIRE(json.status == 0);
  const auto j = nlohmann::json::parse(json.out);
  CHECK(j["patient"]["name"] == "Anna");
  CHECK(j["visits"][0]["measurements"][0]["degrees"] == 32.5);
  CHECK(j["visits"][0]["programme"][0]["dosage"] == "3 x 12, daily");
  const auto jl = nlohmann::json::parse(run_patients({"hiplab", "patients", "list", "--json", "--search", "ANN"}).out);
  CHECK(jl["patients"].size() == 1);
  CHECK(jl["patients"][0]["visits"] == 1);

  // Bad values: exit 2, nothing saved.
  CHECK(run_patients({"hiplab", "patients", "measure", "1", "inward=30"}).status == 2);
  CHECK(run_patients({"hiplab", "patients", "measure", "1", "internal_rotation=200"}).status == 2);
  CHECK(run_patients({"hiplab", "patients", "measure", "1", "internal_rotation=3x"}).status == 2);
  CHECK(run_patients({"hiplab", "patients", "measure", "1", "--date", "2024-13-01", "flexion=90"}).status == 2);
  CHECK(run_patients({"hiplab", "patients", "show", "abc"}).status == 2);
  CHECK(run_patients({"hiplab", "patients", "show", "7"}).status == 1);  // no such patient
  CHECK(run_patients({"hiplab", "patients", "show", "1"}).out == show.out);
}

TEST_CASE("patients: export and import round-trip exactly, a bad row imports nothing, delete removes everything") {
  IsolatedHome home("cli_patients_csv");
  REQUIRE(run_patients({"hiplab", "patients", "add", "--name", "Müller, \"Jo\"", "--notes", "line one\nline two"}).status == 0);
  REQUIRE(run_patients({"hiplab", "patients", "measure", "1", "--date", "2023-01-02", "internal_rotation=30.000000000000004", "flexion=110"}).status == 0);
  REQUIRE(run_patients({"hiplab", "patients", "measure", "1", "--date", "2023-02-02", "--note", "after \"work\"", "internal_rotation=33"}).status == 0);
  const fs::path photos = home.dir / "data" / "hiplab" / "photos" / "1";
  fs::create_directories(photos);
  std::ofstream(photos / "seated.jpg") << "jpeg bytes";
  const fs::path out = home.dir / "export";
  const auto exported = run_patients({"hiplab", "patients", "export", "1", "--out", out.string()});
  CHECK(exported.status == 0);
  CHECK(exported.out == "exported 1 patient (2 visits, 3 measurements) to " + (out / "records.csv").string() + "\n");
  CHECK((fs::status(out).permissions() & fs::perms::all) == fs::perms::owner_all);
  CHECK(read_all(out / "photos" / "1" / "seated.jpg") == "jpeg bytes");
  const std::string csv = read_all(out / "records.csv");
  CHECK(has(csv, ",30.000000000000004,"));

  // Into another database and out again: the same bytes.
  const std::string other = (home.dir / "other.sqlite").string();
  const auto imported = run_patients({"hiplab", "patients", "--records", other, "import", out.string()});
  CHECK(imported.status == 0);
  CHECK(imported.out == "imported 1 patient, 2 visits, 3 measurements, 0 programme items\n");
  CHECK(read_all(home.dir / "photos" / "1" / "seated.jpg") == "jpeg bytes");  // photos beside that database
  REQUIRE(run_patients({"hiplab", "patients", "--records", other, "export", "--all", "--out", (home.dir / "again").string()}).status == 0);
  CHECK(read_all(home.dir / "again" / "records.csv") == csv);

  // A bad row: its line and field on stderr, exit 1, nothing imported.
  std::string bad = csv;
  const auto at = bad.find("flexion,supine,110");
  REQUIRE(at != std::string::npos);
  bad.replace(at, 18, "flexion,supine,999");
  std::ofstream(home.dir / "bad.csv") << bad;
  CHECK(run_patients({"hiplab", "patients", "--records", other, "import", (home.dir / "bad.csv").string()}).status == 1);
  CHECK(has(run_patients({"hiplab", "patients", "--records", other, "list"}).out, "1 patient in"));

  // Delete asks for --yes, then removes the patient, their visits and photos.
  CHECK(run_patients({"hiplab", "patients", "delete", "1"}).status == 2);
  CHECK(fs::exists(photos));
  const auto del = run_patients({"hiplab", "patients", "delete", "1", "--yes"});
  CHECK(del.status == 0);
  CHECK(del.out == "deleted patient 1 (Müller, \"Jo\") with 2 visits, 3 measurements and their photos\n");
  CHECK_FALSE(fs::exists(photos));
  CHECK(has(run_patients({"hiplab", "patients", "list"}).out, "0 patients in"));
  CHECK_FALSE(has(read_all(home.db()), "Müller"));
}

TEST_CASE("patients measure --photo: the rotation from the landmarks, the photo kept owner-only, exported, imported and deleted with the patient") {
  IsolatedHome home("cli_patients_photo");
  REQUIRE(run_patients({"hiplab", "patients", "add", "--name", "Photo Patient"}).status == 0);
  const fs::path photo = write_grey_jpeg(home.dir / "seated test.jpg", 640, 480, 180);
  // Knee (320,100), ankle (220,420): the shin 17.35 deg clockwise of the vertical. Seated from the
  // front, a right foot swung to the photo's left is internal rotation.
  const auto measured = run_patients({"hiplab", "patients", "measure", "1", "--date", "2026-03-01", "--position", "seated", "--photo", photo.string(),
                             "--landmarks", "320,100,220,420"});
  REQUIRE(measured.status == 0);
  INFO(measured.out);
  CHECK(measured.out.rfind("photo angle: 17.4 deg internal rotation of the right hip (the shin 17.4 deg clockwise of the reference in the photo); photo kept as 2026-03-01-", 0) == 0);
  CHECK(has(measured.out, "saved visit 1 of patient 1 on 2026-03-01: right internal_rotation 17.4 deg;\n"));
  // The same photo and points of a left leg: external rotation.
  const auto left = run_patients({"hiplab", "patients", "measure", "1", "--date", "2026-03-02", "--side", "left", "--photo", photo.string(), "--landmarks",
                         "320,100,220,420", "--json"});
  REQUIRE(left.status == 0);
  const auto lj = nlohmann::json::parse(left.out);
  CHECK(lj["measurements"][0]["movement"] == "external_rotation");
  CHECK(lj["measurements"][0]["degrees"] == 17.4);
  CHECK(lj["measurements"][0]["method"] == "photo");
  CHECK(lj["measurements"][0]["landmarks"] == "320,100,220,420");
  const std::string name = lj["measurements"][0]["photo"];
  const fs::path folder = home.dir / "data" / "hiplab" / "photos" / "1";
  CHECK(read_all(folder / name) == read_all(photo));
  CHECK((fs::status(folder).permissions() & fs::perms::all) == fs::perms::owner_all);
  CHECK((fs::status(folder / name).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
  CHECK((fs::status(folder / records::thumbnail_name(name)).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
  auto thumb = records::read_photo((folder / records::thumbnail_name(name)).string());
  REQUIRE(thumb.ok());
  CHECK(thumb->width == 256);
  CHECK(has(run_patients({"hiplab", "patients", "show", "1"}).out, "  left external_rotation 17.4 deg, supine, photo [photo " + name + "]\n"));

  // Bad landmarks or photo: exit 2, a reason, nothing saved.
  CHECK(run_patients({"hiplab", "patients", "measure", "1", "--photo", photo.string(), "--landmarks", "320,100,2200,420"}).status == 2);
  CHECK(run_patients({"hiplab", "patients", "measure", "1", "--photo", photo.string(), "--landmarks", "320,100"}).status == 2);
  CHECK(run_patients({"hiplab", "patients", "measure", "1", "--photo", photo.string()}).status == 2);
  CHECK(run_patients({"hiplab", "patients", "measure", "1", "--photo", (home.dir / "none.jpg").string(), "--landmarks", "1,1,1,100"}).status == 2);
  CHECK(std::distance(fs::directory_iterator(folder), fs::directory_iterator()) == 4);

  // Export: the CSV names each photo; the files are in photos/1/. Import restores them under the
  // new patient's number, and the names in the records find them there.
  const fs::path out = home.dir / "export";
  REQUIRE(run_patients({"hiplab", "patients", "export", "1", "--out", out.string()}).status == 0);
  CHECK(has(read_all(out / "records.csv"), ",photo,,,,," + name + ",\"320,100,220,420\"\n"));
  CHECK(read_all(out / "photos" / "1" / name) == read_all(photo));
  const std::string other = (home.dir / "other" / "records.sqlite").string();
  fs::create_directories(home.dir / "other");
  REQUIRE(run_patients({"hiplab", "patients", "--records", other, "add", "--name", "Someone Else"}).status == 0);
  REQUIRE(run_patients({"hiplab", "patients", "--records", other, "import", out.string()}).status == 0);
  const auto shown = run_patients({"hiplab", "patients", "--records", other, "show", "2", "--json"});
  REQUIRE(shown.status == 0);
  const auto sj = nlohmann::json::parse(shown.out);
  CHECK(sj["visits"][1]["measurements"][0]["photo"] == name);
  CHECK(read_all(home.dir / "other" / "photos" / "2" / name) == read_all(photo));

  // Delete: the photos go with the patient.
  REQUIRE(run_patients({"hiplab", "patients", "delete", "1", "--yes"}).status == 0);
  CHECK_FALSE(fs::exists(folder));
}

TEST_CASE("patients: a backup carries the photos, and a restore puts them back with the restored patients (owner-only)") {
  IsolatedHome home("cli_patients_backup_photos");
  REQUIRE(run_patients({"hiplab", "patients", "add", "--name", "With Photo"}).status == 0);
  const fs::path photo = write_grey_jpeg(home.dir / "knee.jpg", 320, 240, 90);
  const auto measured = run_patients({"hiplab", "patients", "measure", "1", "--date", "2026-04-01", "--position", "seated", "--photo", photo.string(),
                             "--landmarks", "160,40,120,200", "--json"});
  REQUIRE(measured.status == 0);
  const std::string name = nlohmann::json::parse(measured.out)["measurements"][0]["photo"];
  const std::string backup = (home.dir / "backup.sqlite").string();
  const auto b = run_patients({"hiplab", "patients", "backup", backup});
  REQUIRE(b.status == 0);
  CHECK(b.out == "backed up 1 patient and 2 photo files to " + backup + "\n");  // the photo and its thumbnail
  CHECK((fs::status(backup).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
  // Lost: the patient deleted (the photos with it), then the backup restored.
  REQUIRE(run_patients({"hiplab", "patients", "delete", "1", "--yes"}).status == 0);
  REQUIRE_FALSE(fs::exists(home.dir / "data" / "hiplab" / "photos" / "1"));
  const auto r = run_patients({"hiplab", "patients", "restore", backup, "--yes", "--json"});
  REQUIRE(r.status == 0);
  const auto rj = nlohmann::json::parse(r.out);
  CHECK(rj["restored"] == 1);
  CHECK(rj["photo_files"] == 2);
  const auto listed = nlohmann::json::parse(run_patients({"hiplab", "patients", "list", "--json"}).out);
  REQUIRE(listed["patients"].size() == 1);
  const std::int64_t id = listed["patients"][0]["id"];
  const auto shown = nlohmann::json::parse(run_patients({"hiplab", "patients", "show", std::to_string(id), "--json"}).out);
  CHECK(shown["visits"][0]["measurements"][0]["photo"] == name);
  const fs::path folder = home.dir / "data" / "hiplab" / "photos" / std::to_string(id);
  CHECK(read_all(folder / name) == read_all(photo));
  CHECK(fs::exists(folder / records::thumbnail_name(name)));
  CHECK((fs::status(folder).permissions() & fs::perms::all) == fs::perms::owner_all);
  CHECK((fs::status(folder / name).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("patients: backup and restore the whole database, records switched off, passwords refused") {
  IsolatedHome home("cli_patients_backup");
  REQUIRE(run_patients({"hiplab", "patients", "add", "--name", "Kept"}).status == 0);
  const std::string backup = (home.dir / "backup.sqlite").string();
  const auto b = run_patients({"hiplab", "patients", "backup", backup});
  CHECK(b.status == 0);
  CHECK(b.out == "backed up 1 patient to " + backup + "\n");
  const std::string bytes = read_all(backup);
  REQUIRE(run_patients({"hiplab", "patients", "add", "--name", "Added after"}).status == 0);
  CHECK(run_patients({"hiplab", "patients", "restore", backup}).status == 2);  // asks for --yes
  const auto r = run_patients({"hiplab", "patients", "restore", backup, "--yes"});
  CHECK(r.status == 0);
  CHECK(r.out == "restored 1 patient from " + backup + " (replacing 2)\n");
  const auto list = run_patients({"hiplab", "patients", "list"});
  CHECK(has(list.out, "Kept"));
  CHECK_FALSE(has(list.out, "Added after"));
  CHECK(read_all(backup) == bytes);  // restoring never writes to the backup
  // Not a backup: refused, nothing changed.
  std::ofstream(home.dir / "notes.txt") << "not a database";
  CHECK(run_patients({"hiplab", "patients", "restore", (home.dir / "notes.txt").string(), "--yes"}).status == 1);
  CHECK(has(run_patients({"hiplab", "patients", "list"}).out, "Kept"));

  // Off: from the command line and from the settings.
  CHECK(run_patients({"hiplab", "patients", "--records", "off", "list"}).status == 1);
  fs::create_directories(home.dir / "config" / "hiplab");
  std::ofstream(home.dir / "config" / "hiplab" / "settings.json") << R"({"records": "off"})";
  const auto off = run_patients({"hiplab", "patients", "list"});
  CHECK(off.status == 1);
  CHECK(off.out.empty());
  std::ofstream(home.dir / "config" / "hiplab" / "settings.json") << R"({"records": "postgresql://therapist:secret@clinic/records"})";
  CHECK(run_patients({"hiplab", "patients", "list"}).status == 1);  // refused, not tried
  CHECK(run_patients({"hiplab", "patients", "--records", "host=clinic password=secret", "list"}).status == 2);
}

TEST_CASE("patients bench prints both figures with their targets") {
  IsolatedHome home("cli_patients_bench");
  const auto r = run_patients({"hiplab", "patients", "bench", "--runs", "3", "--json"});
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["open_and_show_ms"]["visits"] == 120);
  CHECK(j["open_and_show_ms"]["median"].get<double>() > 0.0);
  CHECK(j["open_and_show_ms"]["target"] == 50);
  CHECK(j["csv_import_ms"]["measurements"] == 10000);
  CHECK(j["csv_import_ms"]["median"].get<double>() > 0.0);
  CHECK(j["csv_import_ms"]["target"] == 1000);
  CHECK_FALSE(fs::exists(home.db()));  // the bench never touches the user's records
}

}  // namespace

}  // namespace hiplab
