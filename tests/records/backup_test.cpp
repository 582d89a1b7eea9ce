// Tests src/records/backup.h on SQLite and on a throwaway PostgreSQL cluster (records/pg_cluster.h):
// a backup carries the records and the photos, a restore brings both back owner-only, and a restore
// that fails (a file that is no backup, photos that cannot be written, records the database
// refuses) leaves the records and the photos as they were.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include <sys/stat.h>

#include "records/backup.h"
#include "records/pg_connection.h"
#include "records/pg_cluster.h"
#include "records/photo.h"
#include "records/sqlite_connection.h"
#include "records/store.h"
#include "test_support.h"

namespace hiplab {

namespace {

namespace fs = std::filesystem;
using test::read_all;
using test::mode_of;
using namespace records;

// A store in `dir` (its photos in dir/photos), on SQLite or PostgreSQL; or, with `photos_root`,
// the same database with its photos kept there.
struct Place {
  bool postgres = false;
  std::string target;
  fs::path dir;
  std::unique_ptr<Store> open(const std::string& photos_root = "") const {
    auto c = postgres ? open_postgres(target) : open_sqlite(target);
    REQUIRE_MESSAGE(c.ok(), (c.ok() ? "" : c.error().message));
    return std::make_unique<Store>(std::move(c.value()), photos_root.empty() ? (dir / "photos").string() : photos_root);
  }
};

void on_both(const std::string& tag, const std::function<void(const Place&)>& check) {
  for (bool postgres : {false, true}) {
    Place p;
    p.postgres = postgres;
    p.dir = test::scratch_dir(tag + (postgres ? "_pg" : "_sqlite"));
    if (postgres) {
      std::string why;
      bool absent = false;
      test::PgCluster* cluster = test::PgCluster::shared(&why, &absent);
      if (!cluster) {
        if (absent) {
          MESSAGE("PostgreSQL half skipped: " << why);
          continue;
        }
        FAIL(why);
      }
      p.target = cluster->new_database();
    } else {
      p.target = (p.dir / "records.sqlite").string();
    }
    CAPTURE(postgres);
    check(p);
  }
}

// A patient with one visit whose internal rotation was measured on a photo (kept with its
// thumbnail in the patient's folder). Returns the patient's number.
std::int64_t patient_with_photo(Store& s, const fs::path& dir, const std::string& name) {
  Patient p;
  p.name = name;
  auto added = s.add_patient(p);
  REQUIRE(added.ok());
  PhotoPixels px;
  px.width = 64;
  px.height = 48;
  px.rgba.assign(64 * 48 * 4, 200);
  const fs::path jpg = dir / (name + ".jpg");
  { std::ofstream(jpg, std::ios::binary) << encode_jpeg(px, 90); }
  auto kept = keep_photo(s.photos_dir(added->id), jpg.string(), "2024-03-01");
  REQUIRE(kept.ok());
  Visit v;
  v.patient_id = added->id;
  v.date = "2024-03-01";
  Measurement m;
  m.movement = Movement::kInternalRotation;
  m.position = Position::kSeated;
  m.degrees = 27.5;
  m.method = Method::kPhoto;
  m.photo = *kept;
  m.landmarks = "30,10,36,40";
  v.measurements.push_back(m);
  REQUIRE(s.add_visit(v).ok());
  return added->id;
}

// Every file under a patient's photo folder: name -> bytes.
std::map<std::string, std::string> photo_files(const Store& s, std::int64_t id) {
  std::map<std::string, std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(s.photos_dir(id), ec)) out[e.path().filename().string()] = read_all(e.path());
  return out;
}

TEST_CASE("backup: the records and the photos go into one owner-only file and a restore brings both back") {
  on_both("backup_round_trip", [](const Place& place) {
    auto s = place.open();
    const std::int64_t id = patient_with_photo(*s, place.dir, "Ana");
    const auto before = photo_files(*s, id);
    REQUIRE(before.size() == 2);  // the photo and its thumbnail
    const fs::path file = place.dir / "backup.sqlite";
    auto b = write_backup(*s, file.string());
    REQUIRE_MESSAGE(b.ok(), (b.ok() ? "" : b.error().message));
    CHECK(b->patients == 1);
    CHECK(b->photo_files == 2);
    CHECK(mode_of(file) == 0600u);
    if (!place.postgres) {
      // Never over the records database itself, which is open.
      auto self = write_backup(*s, place.target);
      REQUIRE_FALSE(self.ok());
      CHECK(self.error().message == place.target + ": this is the records database itself; choose another file for the backup");
      CHECK(s->list_patients()->size() == 1);
    }
    // Lost: the patient deleted with the photos, then another one added.
    auto rec = s->load(id);
    REQUIRE(rec.ok());
    REQUIRE(s->delete_patient(id, rec->patient.revision).ok());
    patient_with_photo(*s, place.dir, "Ben");
    auto got = read_backup(file.string());
    REQUIRE(got.ok());
    REQUIRE(got->records.size() == 1);
    CHECK(got->photos.size() == 2);
    auto r = restore_backup(*s, *got);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    CHECK(r->restored == 1);
    CHECK(r->replaced == 1);
    CHECK(r->photo_files == 2);
    auto list = s->list_patients();
    REQUIRE(list.ok());
    REQUIRE(list->size() == 1);
    CHECK(list->front().patient.name == "Ana");
    const std::int64_t now = list->front().patient.id;
    auto back = s->load(now);
    REQUIRE(back.ok());
    REQUIRE(back->visits.size() == 1);
    CHECK(back->visits[0].measurements[0].landmarks == "30,10,36,40");
    CHECK(photo_files(*s, now) == before);  // the same names and bytes
    CHECK(mode_of(s->photos_dir(now)) == 0700u);
    for (const auto& [name, bytes] : before) CHECK(mode_of(fs::path(s->photos_dir(now)) / name) == 0600u);
    // Nothing else in the photo folders: Ben's went with him, the staging folder is gone.
    std::vector<std::string> left;
    for (const auto& e : fs::directory_iterator(s->photos_root())) left.push_back(e.path().filename().string());
    CHECK(left == std::vector<std::string>{std::to_string(now)});
  });
}

TEST_CASE("backup: a restore that fails leaves the records and the photos as they were") {
  on_both("backup_restore_fails", [](const Place& place) {
    auto s = place.open();
    const std::int64_t id = patient_with_photo(*s, place.dir, "Cleo");
    const auto photos = photo_files(*s, id);
    auto good = write_backup(*s, (place.dir / "good.sqlite").string());
    REQUIRE(good.ok());
    auto unchanged = [&] {
      auto list = s->list_patients();
      REQUIRE(list.ok());
      REQUIRE(list->size() == 1);
      CHECK(list->front().patient.id == id);
      CHECK(list->front().patient.name == "Cleo");
      CHECK(photo_files(*s, id) == photos);
      std::vector<std::string> left;
      for (const auto& e : fs::directory_iterator(s->photos_root())) left.push_back(e.path().filename().string());
      CHECK(left == std::vector<std::string>{std::to_string(id)});
    };

    // Not a backup: refused by name, before anything is touched.
    const fs::path notes = place.dir / "notes.txt";
    { std::ofstream(notes) << "shopping list\n"; }
    auto bad = read_backup(notes.string());
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.rfind(notes.string() + ": ", 0) == 0);
    CHECK(bad.error().message.find("shopping") == std::string::npos);
    auto missing = read_backup((place.dir / "nowhere.sqlite").string());
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message == (place.dir / "nowhere.sqlite").string() + ": no such backup file");
    unchanged();

    auto contents = read_backup((place.dir / "good.sqlite").string());
    REQUIRE(contents.ok());
    REQUIRE(contents->photos.size() == 2);

    // Records the database refuses (a measurement out of range): rolled back, the staged photos gone.
    BackupContents refused = *contents;
    refused.records[0].visits[0].measurements[0].degrees = 400;
    auto r1 = restore_backup(*s, refused);
    REQUIRE_FALSE(r1.ok());
    CHECK(r1.error().message.find("degrees") != std::string::npos);
    unchanged();

    // A photo with a name that could point outside the patient's folder.
    BackupContents sly = *contents;
    sly.photos[0].name = "../../escape.jpg";
    auto r2 = restore_backup(*s, sly);
    REQUIRE_FALSE(r2.ok());
    CHECK(r2.error().message.find("badly named") != std::string::npos);
    unchanged();

    // Photos that cannot be written (the photo folders' place is taken by a file): nothing restored.
    const fs::path blocked = place.dir / "blocked";
    { std::ofstream(blocked) << "x"; }
    {
      auto other = place.open(blocked.string());
      auto r3 = restore_backup(*other, *contents);
      REQUIRE_FALSE(r3.ok());
      CHECK(r3.error().message.find(blocked.string()) != std::string::npos);
    }
    unchanged();

    // And the good backup still restores.
    auto r4 = restore_backup(*s, *contents);
    REQUIRE(r4.ok());
    CHECK(r4->photo_files == 2);
  });
}

}  // namespace

}  // namespace hiplab
