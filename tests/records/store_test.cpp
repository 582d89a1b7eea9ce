// Tests src/records/store.h, schema.h and the two back ends: every check here runs against SQLite
// and against a throwaway PostgreSQL cluster the test starts itself (records/pg_cluster.h).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "records/csv.h"
#include "records/location.h"
#include "records/pg_cluster.h"
#include "records/pg_connection.h"
#include "records/schema.h"
#include "records/sqlite_connection.h"
#include "records/store.h"
#include "test_support.h"

namespace hiplab {

namespace {

namespace fs = std::filesystem;
using namespace records;

// One database, opened as many times as a check needs (two instances = two opens).
struct Backend {
  bool postgres = false;
  std::string target;  // SQLite path or connection string
  fs::path dir;        // scratch folder (photos, files)
  std::unique_ptr<Store> open() const {
    RecordsLocation where;
    where.kind = postgres ? RecordsLocation::Kind::kPostgres : RecordsLocation::Kind::kSqlite;
    where.target = target;
    auto s = open_store(where, (dir / "photos").string());
    if (!s) {
      FAIL(s.error().message);
      return nullptr;
    }
    return std::move(s.value());
  }
  Result<std::unique_ptr<SqlConnection>> open_unmigrated() const {
    return postgres ? open_postgres_unmigrated(target) : open_sqlite_unmigrated(target);
  }
};

void run_on(bool postgres, const std::string& tag, const std::function<void(Backend&)>& check) {
  Backend b;
  b.postgres = postgres;
  b.dir = test::scratch_dir(tag + (postgres ? "_pg" : "_sqlite"));
  if (postgres) {
    std::string why;
    bool absent = false;
    test::PgCluster* cluster = test::PgCluster::shared(&why, &absent);
    if (!cluster) {
      if (absent) HIPLAB_SKIP(why);
      FAIL(why);
    }
    b.target = cluster->new_database();
  } else {
    b.target = (b.dir / "records.sqlite").string();
  }
  check(b);
}

#define ON_BOTH_BACK_ENDS(fn, text)                 \
  TEST_CASE("records on SQLite: " text) { run_on(false, #fn, fn); } \
  TEST_CASE("records on PostgreSQL: " text) { run_on(true, #fn, fn); }

Visit sample_visit(std::int64_t patient, const std::string& date, double ir) {
  Visit v;
  v.patient_id = patient;
  v.date = date;
  v.note = "after the holidays, \"stiff\"";
  Measurement m;
  m.side = Side::kRight;
  m.movement = Movement::kInternalRotation;
  m.position = Position::kSeated;
  m.degrees = ir;
  m.method = Method::kInclinometer;
  m.pain = 3;
  m.note = "end feel firm";
  v.measurements.push_back(m);
  m.movement = Movement::kExternalRotation;
  m.degrees = 41.5;
  m.pain.reset();
  m.note.clear();
  v.measurements.push_back(m);
  v.programme.push_back({0, "clamshell", Side::kRight, "3 x 12, daily"});
  v.programme.push_back({0, "90_90_switch", Side::kLeft, "2 x 8"});
  return v;
}

int count(Store& s, const std::string& sql, std::int64_t id) {
  auto r = s.connection().query(sql, {id});
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
  return static_cast<int>(r->front().integer(0));
}

void add_and_show(Backend& b) {
  auto store = b.open();
  Patient p;
  p.name = "Anna Örtengren";
  p.birth_year = 1961;
  p.sex = Sex::kFemale;
  p.notes = "left THA 2019";
  auto added = store->add_patient(p);
  REQUIRE(added.ok());
  CHECK(added->id >= 1);
  CHECK(added->revision == 1);
  REQUIRE(store->add_visit(sample_visit(added->id, "2024-03-02", 0.1 + 0.2)).ok());
  REQUIRE(store->add_visit(sample_visit(added->id, "2023-11-20", 28.0)).ok());
  Patient q;
  q.name = "bob";
  REQUIRE(store->add_patient(q).ok());

  auto rec = b.open()->load(added->id);  // another instance sees what was committed
  REQUIRE(rec.ok());
  CHECK(rec->patient.name == "Anna Örtengren");
  CHECK(rec->patient.birth_year == 1961);
  CHECK(rec->patient.sex == Sex::kFemale);
  REQUIRE(rec->visits.size() == 2);
  CHECK(rec->visits[0].date == "2023-11-20");  // oldest first, whatever the order entered
  CHECK(rec->visits[1].date == "2024-03-02");
  REQUIRE(rec->visits[1].measurements.size() == 2);
  CHECK(rec->visits[1].measurements[0].degrees == 0.1 + 0.2);  // bit for bit, not 0.3
  CHECK(rec->visits[1].measurements[0].pain == 3);
  CHECK_FALSE(rec->visits[1].measurements[1].pain.has_value());
  CHECK(rec->visits[1].measurements[0].method == Method::kInclinometer);
  CHECK(rec->visits[1].note == "after the holidays, \"stiff\"");
  REQUIRE(rec->visits[1].programme.size() == 2);
  CHECK(rec->visits[1].programme[1].drill == "90_90_switch");
  CHECK(rec->visits[1].programme[1].side == Side::kLeft);
  auto last = latest(*rec, Side::kRight, Movement::kInternalRotation);
  REQUIRE(last);
  CHECK(last->degrees == 0.1 + 0.2);

  auto list = store->list_patients("ÖRTEN");  // ASCII letters in any case; others as typed
  REQUIRE(list.ok());
  CHECK(list->size() == 1);
  auto anna = store->list_patients("anna");
  REQUIRE(anna.ok());
  REQUIRE(anna->size() == 1);
  CHECK(anna->front().visits == 2);
  CHECK(anna->front().last_visit == "2024-03-02");
  auto all = store->list_patients();
  REQUIRE(all.ok());
  CHECK(all->size() == 2);
  auto none = store->list_patients("%");  // LIKE's wildcards are searched for as text
  REQUIRE(none.ok());
  CHECK(none->empty());

  CHECK_FALSE(store->load(9999).ok());
  Patient bad;
  auto refused = store->add_patient(bad);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("name") != std::string::npos);
  Visit bad_visit = sample_visit(added->id, "2024-02-30", 30.0);
  auto refused_visit = store->add_visit(bad_visit);
  REQUIRE_FALSE(refused_visit.ok());
  CHECK(refused_visit.error().message.find("date") != std::string::npos);
}
ON_BOTH_BACK_ENDS(add_and_show, "a patient with visits, measurements and programme is stored and shown as entered")

void two_instances(Backend& b) {
  auto first = b.open();
  auto second = b.open();
  Patient p;
  p.name = "Carl";
  auto added = first->add_patient(p);
  REQUIRE(added.ok());
  auto mine = first->load(added->id);
  auto theirs = second->load(added->id);
  REQUIRE(mine.ok());
  REQUIRE(theirs.ok());
  mine->patient.notes = "first instance's note";
  auto saved = first->update_patient(mine->patient);
  REQUIRE(saved.ok());
  CHECK(saved->revision == 2);
  theirs->patient.notes = "second instance's note";
  auto refused = second->update_patient(theirs->patient);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("changed by someone else") != std::string::npos);
  CHECK(first->load(added->id)->patient.notes == "first instance's note");  // no lost update
  // Told, the second reloads and redoes the change.
  auto fresh = second->load(added->id);
  REQUIRE(fresh.ok());
  fresh->patient.notes = "second instance's note";
  CHECK(second->update_patient(fresh->patient).ok());

  // Visits the same way, and a delete of a stale revision.
  auto v = first->add_visit(sample_visit(added->id, "2024-01-10", 30.0));
  REQUIRE(v.ok());
  Visit a = *v, c = *v;
  a.measurements[0].degrees = 31.0;
  REQUIRE(first->update_visit(a).ok());
  c.measurements[0].degrees = 35.0;
  auto stale_visit = second->update_visit(c);
  REQUIRE_FALSE(stale_visit.ok());
  CHECK(stale_visit.error().message.find("changed by someone else") != std::string::npos);
  CHECK(second->load(added->id)->visits[0].measurements[0].degrees == 31.0);
  auto stale_delete = second->delete_patient(added->id, fresh->patient.revision);  // fresh is one behind now
  REQUIRE_FALSE(stale_delete.ok());
  CHECK(stale_delete.error().message.find("changed by someone else") != std::string::npos);
  CHECK(first->load(added->id).ok());
  CHECK(second->delete_patient(added->id, fresh->patient.revision + 1).ok());
  auto gone = first->update_patient(*saved);
  REQUIRE_FALSE(gone.ok());
  CHECK(gone.error().message.find("not found") != std::string::npos);
}
ON_BOTH_BACK_ENDS(two_instances, "two instances editing the same record: the second is told and nothing is lost")

void migrations(Backend& b) {
  // From every earlier version: build the database at that version, fill it as that version
  // could, then open it with this program.
  for (int from = 1; from < kSchemaVersion; ++from) {
    CAPTURE(from);
    Backend bv = b;
    if (b.postgres) {
      std::string why;
      bv.target = test::PgCluster::shared(&why, nullptr)->new_database();
    } else {
      // Appended rather than "v" + std::to_string(from): GCC 12 warns falsely (-Wrestrict, its bug
      // 105329) on that operator+ once inlined, as it is when the layer's tests compile together.
      std::string file = "v";
      file += std::to_string(from);
      file += ".sqlite";
      bv.target = (b.dir / file).string();
    }
    {
      auto c = bv.open_unmigrated();
      REQUIRE(c.ok());
      REQUIRE(migrate(**c, from).ok());
      auto v = read_schema_version(**c);
      REQUIRE(v.ok());
      CHECK(*v == from);
      // Version 1 rows, written as version 1 knew them.
      REQUIRE((*c)->query("INSERT INTO patients(name, sex) VALUES ('Old Record', 'male')").ok());
      REQUIRE((*c)->query("INSERT INTO visits(patient_id, date) VALUES (1, '2015-06-01')").ok());
      REQUIRE((*c)->query("INSERT INTO measurements(visit_id, side, movement, position, degrees, method) "
                          "VALUES (1, 'left', 'internal_rotation', 'prone', 33.5, 'goniometer')").ok());
    }
    auto store = bv.open();
    auto v = read_schema_version(store->connection());
    REQUIRE(v.ok());
    CHECK(*v == kSchemaVersion);
    auto rec = store->load(1);
    REQUIRE(rec.ok());
    CHECK(rec->patient.name == "Old Record");
    REQUIRE(rec->visits.size() == 1);
    REQUIRE(rec->visits[0].measurements.size() == 1);
    CHECK(rec->visits[0].measurements[0].degrees == 33.5);
    CHECK(rec->visits[0].measurements[0].position == Position::kProne);
    // What the later versions added works on the migrated database.
    CHECK(rec->visits[0].measurements[0].photo.empty());
    CHECK(rec->visits[0].measurements[0].landmarks.empty());
    REQUIRE(store->add_visit(sample_visit(1, "2016-06-01", 30.0)).ok());
    CHECK(store->load(1)->visits[1].programme.size() == 2);
    // Version 3: a measurement made from a photo keeps the photo's name and its landmarks.
    Visit pv = sample_visit(1, "2017-06-01", 0.0);
    pv.measurements.resize(1);
    pv.measurements[0].method = Method::kPhoto;
    pv.measurements[0].degrees = 27.25;
    pv.measurements[0].photo = "2017-06-01-00c0ffee.jpg";
    pv.measurements[0].landmarks = "512,300,400.5,700";
    REQUIRE(store->add_visit(pv).ok());
    auto with_photo = store->load(1);
    REQUIRE(with_photo.ok());
    REQUIRE(with_photo->visits.size() == 3);
    CHECK(with_photo->visits[2].measurements[0].photo == "2017-06-01-00c0ffee.jpg");
    CHECK(with_photo->visits[2].measurements[0].landmarks == "512,300,400.5,700");
    CHECK(with_photo->visits[2].measurements[0].method == Method::kPhoto);
  }
  // A database made by a newer HipLab is refused, not "migrated" backwards.
  {
    auto store = b.open();
    REQUIRE(store->connection().query("UPDATE hiplab_meta SET value = '" + std::to_string(kSchemaVersion + 1) + "' WHERE key = 'schema_version'").ok());
  }
  RecordsLocation where{b.postgres ? RecordsLocation::Kind::kPostgres : RecordsLocation::Kind::kSqlite, b.target};
  auto newer = open_store(where, "");
  REQUIRE_FALSE(newer.ok());
  CHECK(newer.error().message.find("newer HipLab") != std::string::npos);
}
ON_BOTH_BACK_ENDS(migrations, "a database of every earlier schema version is migrated with its records, a newer one refused")

void visit_photos_go_with_them(Backend& b) {
  auto store = b.open();
  Patient p;
  p.name = "Photo Visits";
  auto added = store->add_patient(p);
  REQUIRE(added.ok());
  const fs::path dir = store->photos_dir(added->id);
  fs::create_directories(dir);
  auto visit_with = [&](const std::string& date, const std::string& photo) {
    Visit v = sample_visit(added->id, date, 20.0);
    v.measurements[0].method = Method::kPhoto;
    v.measurements[0].photo = photo;
    v.measurements[0].landmarks = "10,10,10,300";
    std::ofstream(dir / photo) << "jpeg";
    std::ofstream(dir / (photo + ".thumb.jpg")) << "thumb";
    auto saved = store->add_visit(v);
    REQUIRE(saved.ok());
    return *saved;
  };
  Visit kept = visit_with("2026-01-01", "2026-01-01-00000001.jpg");
  Visit gone = visit_with("2026-02-01", "2026-02-01-00000002.jpg");
  // An update that drops the photo measurement removes its photo; one that keeps it keeps it.
  Visit same = kept;
  same.note = "edited";
  auto updated = store->update_visit(same);
  REQUIRE(updated.ok());
  CHECK(fs::exists(dir / "2026-01-01-00000001.jpg"));
  Visit dropped = *updated;
  dropped.measurements.erase(dropped.measurements.begin());
  REQUIRE(store->update_visit(dropped).ok());
  CHECK_FALSE(fs::exists(dir / "2026-01-01-00000001.jpg"));
  CHECK_FALSE(fs::exists(dir / "2026-01-01-00000001.jpg.thumb.jpg"));
  // Deleting a visit removes its photos, nobody else's.
  REQUIRE(store->delete_visit(gone.id, gone.revision).ok());
  CHECK_FALSE(fs::exists(dir / "2026-02-01-00000002.jpg"));
  CHECK_FALSE(fs::exists(dir / "2026-02-01-00000002.jpg.thumb.jpg"));
  CHECK(fs::exists(dir));
}
ON_BOTH_BACK_ENDS(visit_photos_go_with_them, "a visit's photos go when the visit goes or drops the measurement, and stay otherwise")

void delete_everything(Backend& b) {
  auto store = b.open();
  Patient p;
  p.name = "Zebediah Quartermaine";  // a name to look for in the files afterwards
  p.notes = "Xylophonist-Notes";
  auto gone = store->add_patient(p);
  Patient k;
  k.name = "Kept";
  auto kept = store->add_patient(k);
  REQUIRE(gone.ok());
  REQUIRE(kept.ok());
  for (int i = 0; i < 12; ++i) {
    REQUIRE(store->add_visit(sample_visit(gone->id, "2020-0" + std::to_string(1 + i % 9) + "-01", 30.0 + i)).ok());
    REQUIRE(store->add_visit(sample_visit(kept->id, "2020-01-01", 30.0)).ok());
  }
  const fs::path photos = store->photos_dir(gone->id);
  REQUIRE_FALSE(photos.empty());
  fs::create_directories(photos);
  std::ofstream(photos / "seated_ir.jpg") << "jpeg";
  auto notice = store->delete_patient(gone->id);
  REQUIRE_MESSAGE(notice.ok(), (notice.ok() ? "" : notice.error().message));
  CHECK(notice->empty());
  CHECK_FALSE(fs::exists(photos));
  CHECK_FALSE(store->load(gone->id).ok());
  CHECK(count(*store, "SELECT count(*) FROM visits WHERE patient_id = $1", gone->id) == 0);
  CHECK(count(*store, "SELECT count(*) FROM measurements m JOIN visits v ON v.id = m.visit_id WHERE v.patient_id = $1", gone->id) == 0);
  CHECK(count(*store, "SELECT count(*) FROM measurements WHERE visit_id NOT IN (SELECT id FROM visits) AND $1 > 0", 1) == 0);
  CHECK(count(*store, "SELECT count(*) FROM programme_items WHERE visit_id NOT IN (SELECT id FROM visits) AND $1 > 0", 1) == 0);
  auto other = store->load(kept->id);
  REQUIRE(other.ok());
  CHECK(other->visits.size() == 12);
  if (!b.postgres) {
    // secure_delete zeroed the freed pages and the log was checkpointed and truncated: the name is
    // nowhere in the files.
    for (const std::string suffix : {"", "-wal"}) {
      std::ifstream in(b.target + suffix, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      CHECK_MESSAGE(ss.str().find("Quartermaine") == std::string::npos, (b.target + suffix));
      CHECK_MESSAGE(ss.str().find("Xylophonist") == std::string::npos, (b.target + suffix));
    }
    CHECK(fs::file_size(b.target + "-wal") == 0);
  }
}
ON_BOTH_BACK_ENDS(delete_everything, "deleting a patient removes everything of theirs and nothing of anyone else's")

std::vector<PatientRecord> tricky_records() {
  std::vector<PatientRecord> recs(2);
  recs[0].patient.name = "Müller, \"Jo\"";
  recs[0].patient.birth_year = 1999;
  recs[0].patient.sex = Sex::kOther;
  recs[0].patient.notes = "two\nlines, and a tab\there";
  for (int i = 0; i < 3; ++i) {
    Visit v = sample_visit(0, "2021-0" + std::to_string(i + 1) + "-15", 100.0 / 3.0 + i);
    v.measurements[1].degrees = 1e-7 * (i + 1);
    recs[0].visits.push_back(v);
  }
  recs[1].patient.name = "P-17";
  return recs;
}

void csv_round_trip(Backend& b) {
  const std::string csv = to_csv(tricky_records());
  auto parsed = from_csv(csv, "in.csv");
  REQUIRE_MESSAGE(parsed.ok(), (parsed.ok() ? "" : parsed.error().message));
  auto store = b.open();
  ImportCounts n;
  auto ids = store->import_records(*parsed, &n);
  REQUIRE(ids.ok());
  CHECK(ids->size() == 2);
  CHECK(n.visits == 3);
  CHECK(n.measurements == 6);
  CHECK(n.programme_items == 6);
  auto all = store->load_all();
  REQUIRE(all.ok());
  CHECK(to_csv(*all) == csv);  // exact, byte for byte, through the database
  // All or nothing: a bad record late in the list leaves nothing behind.
  std::vector<PatientRecord> bad = tricky_records();
  bad.push_back(PatientRecord{});
  bad.back().patient.name = "Late";
  bad.back().visits.push_back(sample_visit(0, "2021-01-01", 200.0));
  auto refused = store->import_records(bad);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("degrees") != std::string::npos);
  CHECK(store->list_patients()->size() == 2);
  // Restore replaces everything.
  REQUIRE(store->replace_all({tricky_records()[1]}).ok());
  auto after = store->list_patients();
  REQUIRE(after.ok());
  REQUIRE(after->size() == 1);
  CHECK(after->front().patient.name == "P-17");
}
ON_BOTH_BACK_ENDS(csv_round_trip, "CSV export and import round-trip exactly through the database, and an import is all or nothing")

TEST_CASE("records on PostgreSQL: a database whose hiplab schema holds other tables is refused and left alone") {
  run_on(true, "foreign_pg", [](Backend& b) {
    auto c = b.open_unmigrated();
    REQUIRE(c.ok());
    REQUIRE((*c)->exec_script("CREATE SCHEMA hiplab; CREATE TABLE hiplab.inventory(item TEXT)").ok());
    RecordsLocation where{RecordsLocation::Kind::kPostgres, b.target};
    auto s = open_store(where, "");
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().message.find("not a HipLab records database") != std::string::npos);
    auto still = (*c)->query("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'hiplab'");
    REQUIRE(still.ok());
    CHECK(still->front().text(0) == "1");
  });
}

TEST_CASE("records: a connection string with a password is refused, wherever it comes from") {
  auto loc = parse_records_location("postgresql://clinic:secret@db.example/hiplab", "settings.json: records", "/x.sqlite");
  REQUIRE_FALSE(loc.ok());
  CHECK(loc.error().message.find("settings.json: records") == 0);
  CHECK(loc.error().message.find(".pgpass") != std::string::npos);
  CHECK_FALSE(parse_records_location("host=db password=x dbname=h", "--records", "/x.sqlite").ok());
  auto ok = parse_records_location("postgresql://clinic@db.example/hiplab?sslmode=verify-full", "--records", "/x.sqlite");
  REQUIRE(ok.ok());
  CHECK(ok->kind == RecordsLocation::Kind::kPostgres);
  auto svc = parse_records_location("service=clinic", "--records", "/x.sqlite");
  REQUIRE(svc.ok());
  CHECK(svc->kind == RecordsLocation::Kind::kPostgres);
  auto off = parse_records_location("off", "--records", "/x.sqlite");
  REQUIRE(off.ok());
  CHECK(off->kind == RecordsLocation::Kind::kOff);
  CHECK_FALSE(open_store(*off, "").ok());
  auto def = parse_records_location("", "--records", "/x.sqlite");
  REQUIRE(def.ok());
  CHECK(def->kind == RecordsLocation::Kind::kSqlite);
  CHECK(def->target == "/x.sqlite");
  auto path = parse_records_location("./a=b/r.sqlite", "--records", "/x.sqlite");
  REQUIRE(path.ok());
  CHECK(path->kind == RecordsLocation::Kind::kSqlite);
}

}  // namespace

}  // namespace hiplab
