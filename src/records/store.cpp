#include "records/store.h"

#include <filesystem>
#include <map>

#include "records/photo.h"

namespace hiplab::records {

namespace {

namespace fs = std::filesystem;

SqlValue opt_int(const std::optional<int>& v) { return v ? SqlValue(static_cast<std::int64_t>(*v)) : SqlValue(nullptr); }
std::optional<int> row_opt_int(const SqlRow& r, std::size_t i) {
  if (r.is_null(i)) return std::nullopt;
  return static_cast<int>(r.integer(i));
}
std::string s(std::string_view v) { return std::string(v); }

// Rows the database gave back that this program would not have written (a hand-edited table, a
// newer HipLab's words) are reported, not guessed.
template <class E>
Result<E> word(std::optional<E> v, const std::string& column, const std::string& text) {
  if (!v) return make_error("the records database holds '" + text + "' in " + column + ", which this HipLab does not know");
  return *v;
}

Patient patient_from(const SqlRow& r) {
  Patient p;
  p.id = r.integer(0);
  p.revision = r.integer(1);
  p.name = r.text(2);
  p.birth_year = row_opt_int(r, 3);
  p.sex = parse_sex(r.text(4)).value_or(Sex::kUnstated);
  p.notes = r.text(5);
  return p;
}

const char* kPatientColumns = "id, revision, name, birth_year, sex, notes";
const char* kVisitColumns = "v.id, v.patient_id, v.revision, v.date, v.note";
const char* kMeasurementColumns = "m.visit_id, m.id, m.side, m.movement, m.position, m.degrees, m.method, m.pain, m.note, m.photo, m.landmarks";
const char* kProgrammeColumns = "g.visit_id, g.id, g.drill, g.side, g.dosage";

// Measurements and programme rows are inserted many at a time: one statement of up to this many
// rows (SQLite allows 32766 parameters, PostgreSQL 65535), which is what makes an import of
// thousands of measurements take a fraction of a second on a server at the other end of a socket.
constexpr std::size_t kRowsPerInsert = 200;
constexpr std::size_t kMeasurementValues = 10;
const char* kMeasurementInsert = "INSERT INTO measurements(visit_id, side, movement, position, degrees, method, pain, note, photo, landmarks) VALUES ";
const char* kProgrammeInsert = "INSERT INTO programme_items(visit_id, drill, side, dosage) VALUES ";

// Fills each visit's measurements and programme from rows of all of them.
Status attach_contents(SqlConnection& c, const std::string& where, const std::vector<SqlValue>& params,
                       std::map<std::int64_t, Visit*>& by_id) {
  auto ms = c.query(std::string("SELECT ") + kMeasurementColumns + " FROM measurements m JOIN visits v ON v.id = m.visit_id " + where + " ORDER BY m.id", params);
  if (!ms) return ms.error();
  for (const SqlRow& r : *ms) {
    auto it = by_id.find(r.integer(0));
    if (it == by_id.end()) continue;
    Measurement m;
    m.id = r.integer(1);
    auto side = word(parse_side(r.text(2)), "measurements.side", r.text(2));
    auto movement = word(parse_movement(r.text(3)), "measurements.movement", r.text(3));
    auto position = word(parse_position(r.text(4)), "measurements.position", r.text(4));
    auto method = word(parse_method(r.text(6)), "measurements.method", r.text(6));
    if (!side) return side.error();
    if (!movement) return movement.error();
    if (!position) return position.error();
    if (!method) return method.error();
    m.side = *side;
    m.movement = *movement;
    m.position = *position;
    m.degrees = r.real(5);
    m.method = *method;
    m.pain = row_opt_int(r, 7);
    m.note = r.text(8);
    m.photo = r.text(9);
    m.landmarks = r.text(10);
    it->second->measurements.push_back(std::move(m));
  }
  auto gs = c.query(std::string("SELECT ") + kProgrammeColumns + " FROM programme_items g JOIN visits v ON v.id = g.visit_id " + where + " ORDER BY g.id", params);
  if (!gs) return gs.error();
  for (const SqlRow& r : *gs) {
    auto it = by_id.find(r.integer(0));
    if (it == by_id.end()) continue;
    ProgrammeItem g;
    g.id = r.integer(1);
    g.drill = r.text(2);
    auto side = word(parse_side(r.text(3)), "programme_items.side", r.text(3));
    if (!side) return side.error();
    g.side = *side;
    g.dosage = r.text(4);
    it->second->programme.push_back(std::move(g));
  }
  return Ok{};
}

Visit visit_from(const SqlRow& r) {
  Visit v;
  v.id = r.integer(0);
  v.patient_id = r.integer(1);
  v.revision = r.integer(2);
  v.date = r.text(3);
  v.note = r.text(4);
  return v;
}

// Reads under one consistent view (records/sql.h begin_read) and ends it whatever happens.
class ReadView {
 public:
  explicit ReadView(SqlConnection& c) : c_(c) {}
  ~ReadView() {
    if (open_) c_.rollback();
  }
  Status begin() {
    auto st = c_.begin_read();
    open_ = st.ok();
    return st;
  }

 private:
  SqlConnection& c_;
  bool open_ = false;
};

}  // namespace

Store::Store(std::unique_ptr<SqlConnection> connection, std::string photos_root)
    : c_(std::move(connection)), photos_root_(std::move(photos_root)) {}

std::string Store::photos_dir(std::int64_t patient_id) const {
  if (photos_root_.empty()) return {};
  return (fs::path(photos_root_) / std::to_string(patient_id)).string();
}

Error Store::stale(const char* what, std::int64_t id, std::int64_t expected, const char* table) {
  auto now = c_->query(std::string("SELECT revision FROM ") + table + " WHERE id = $1", {id});
  if (now && now->empty())
    return make_error(std::string(what) + " " + std::to_string(id) + ": not found (deleted by someone else?)");
  const std::string rev = now ? now->front().text(0) : "?";
  return make_error(std::string(what) + " " + std::to_string(id) + " was changed by someone else (now revision " + rev +
                    ", yours was made from revision " + std::to_string(expected) + "); nothing was saved — load it again and redo your change");
}

Result<std::vector<PatientSummary>> Store::list_patients(std::string_view search) {
  std::string pattern = "%";
  for (char ch : search) {
    if (ch == '%' || ch == '_' || ch == '\\') pattern += '\\';
    pattern += ch;
  }
  pattern += '%';
  auto rows = c_->query(
      "SELECT p.id, p.revision, p.name, p.birth_year, p.sex, p.notes,"
      " (SELECT count(*) FROM visits v WHERE v.patient_id = p.id), (SELECT max(v.date) FROM visits v WHERE v.patient_id = p.id)"
      " FROM patients p WHERE lower(p.name) LIKE lower($1) ESCAPE '\\' ORDER BY lower(p.name), p.id",
      {pattern});
  if (!rows) return rows.error();
  std::vector<PatientSummary> out;
  for (const SqlRow& r : *rows) {
    PatientSummary ps;
    ps.patient = patient_from(r);
    ps.visits = static_cast<int>(r.integer(6));
    ps.last_visit = r.text(7);
    out.push_back(std::move(ps));
  }
  return out;
}

Result<PatientRecord> Store::load(std::int64_t patient_id) {
  ReadView view(*c_);
  if (auto st = view.begin(); !st) return st.error();
  auto p = c_->query(std::string("SELECT ") + kPatientColumns + " FROM patients WHERE id = $1", {patient_id});
  if (!p) return p.error();
  if (p->empty()) return make_error("patient " + std::to_string(patient_id) + ": not found");
  PatientRecord rec;
  rec.patient = patient_from(p->front());
  auto vs = c_->query(std::string("SELECT ") + kVisitColumns + " FROM visits v WHERE v.patient_id = $1 ORDER BY v.date, v.id", {patient_id});
  if (!vs) return vs.error();
  for (const SqlRow& r : *vs) rec.visits.push_back(visit_from(r));
  std::map<std::int64_t, Visit*> by_id;
  for (Visit& v : rec.visits) by_id[v.id] = &v;
  if (auto st = attach_contents(*c_, "WHERE v.patient_id = $1", {patient_id}, by_id); !st) return st.error();
  return rec;
}

Result<std::vector<PatientRecord>> Store::load_all() {
  ReadView view(*c_);
  if (auto st = view.begin(); !st) return st.error();
  auto ps = c_->query(std::string("SELECT ") + kPatientColumns + " FROM patients ORDER BY id");
  if (!ps) return ps.error();
  std::vector<PatientRecord> out;
  std::map<std::int64_t, std::size_t> patient_index;
  for (const SqlRow& r : *ps) {
    patient_index[r.integer(0)] = out.size();
    out.push_back(PatientRecord{patient_from(r), {}});
  }
  auto vs = c_->query(std::string("SELECT ") + kVisitColumns + " FROM visits v ORDER BY v.patient_id, v.date, v.id");
  if (!vs) return vs.error();
  for (const SqlRow& r : *vs) {
    auto it = patient_index.find(r.integer(1));
    if (it != patient_index.end()) out[it->second].visits.push_back(visit_from(r));
  }
  std::map<std::int64_t, Visit*> by_id;  // pointers taken once every vector has its final size
  for (PatientRecord& rec : out)
    for (Visit& v : rec.visits) by_id[v.id] = &v;
  if (auto st = attach_contents(*c_, "", {}, by_id); !st) return st.error();
  return out;
}

Result<std::int64_t> Store::insert_patient(const Patient& p) {
  if (auto st = validate(p); !st) return st.error();
  auto r = c_->query("INSERT INTO patients(name, birth_year, sex, notes) VALUES ($1, $2, $3, $4) RETURNING id",
                     {p.name, opt_int(p.birth_year), s(sex_name(p.sex)), p.notes});
  if (!r) return r.error();
  return r->front().integer(0);
}

Result<std::int64_t> Store::insert_visit(std::int64_t patient_id, const Visit& v) {
  if (auto st = validate(v); !st) return st.error();
  auto r = c_->query("INSERT INTO visits(patient_id, date, note) VALUES ($1, $2, $3) RETURNING id", {patient_id, v.date, v.note});
  if (!r) return r.error();
  const std::int64_t id = r->front().integer(0);
  if (auto st = insert_visit_contents(id, v); !st) return st.error();
  return id;
}

Status Store::insert_rows(const std::string& head, std::size_t columns, const std::vector<SqlValue>& values) {
  const std::size_t rows = values.size() / columns;
  for (std::size_t start = 0; start < rows; start += kRowsPerInsert) {
    const std::size_t end = std::min(rows, start + kRowsPerInsert);
    std::string sql = head;
    std::vector<SqlValue> params(values.begin() + static_cast<std::ptrdiff_t>(start * columns),
                                 values.begin() + static_cast<std::ptrdiff_t>(end * columns));
    for (std::size_t r = 0; r < end - start; ++r) {
      sql += r == 0 ? "(" : ", (";
      for (std::size_t k = 1; k <= columns; ++k) {
        if (k > 1) sql += ", ";
        sql += '$';
        sql += std::to_string(r * columns + k);
      }
      sql += ')';
    }
    if (auto q = c_->query(sql, params); !q) return q.error();
  }
  return Ok{};
}

void Store::add_content_rows(std::int64_t visit_id, const Visit& v, std::vector<SqlValue>& measurements, std::vector<SqlValue>& programme) {
  for (const Measurement& m : v.measurements)
    measurements.insert(measurements.end(), {visit_id, s(side_name(m.side)), s(movement_name(m.movement)), s(position_name(m.position)), m.degrees,
                                             s(method_name(m.method)), opt_int(m.pain), m.note, m.photo, m.landmarks});
  for (const ProgrammeItem& g : v.programme) programme.insert(programme.end(), {visit_id, g.drill, s(side_name(g.side)), g.dosage});
}

Status Store::insert_visit_contents(std::int64_t visit_id, const Visit& v) {
  std::vector<SqlValue> ms, gs;
  add_content_rows(visit_id, v, ms, gs);
  if (auto st = insert_rows(kMeasurementInsert, kMeasurementValues, ms); !st) return st;
  return insert_rows(kProgrammeInsert, 4, gs);
}

Result<std::vector<std::int64_t>> Store::reserve_ids(const char* table, std::size_t n) {
  std::vector<std::int64_t> ids;
  if (n == 0) return ids;
  if (c_->dialect() == Dialect::kPostgres) {
    // Numbers from the column's own sequence: never given to another session, whatever it does.
    auto r = c_->query(std::string("SELECT nextval(pg_get_serial_sequence('") + table + "', 'id')) FROM generate_series(1, $1)",
                       {static_cast<std::int64_t>(n)});
    if (!r) return r.error();
    for (const SqlRow& row : *r) ids.push_back(row.integer(0));
    return ids;
  }
  // SQLite: inside this write transaction no one else writes, and a rowid table gives max + 1.
  auto r = c_->query(std::string("SELECT coalesce(max(id), 0) FROM ") + table);
  if (!r) return r.error();
  const std::int64_t first = r->front().integer(0) + 1;
  for (std::size_t i = 0; i < n; ++i) ids.push_back(first + static_cast<std::int64_t>(i));
  return ids;
}

Result<Patient> Store::add_patient(Patient p) {
  WriteTransaction tx(*c_);
  if (auto st = tx.begin(); !st) return st.error();
  auto id = insert_patient(p);
  if (!id) return id.error();
  if (auto st = tx.commit(); !st) return st.error();
  p.id = *id;
  p.revision = 1;
  return p;
}

Result<Patient> Store::update_patient(const Patient& p) {
  if (auto st = validate(p); !st) return st.error();
  WriteTransaction tx(*c_);
  if (auto st = tx.begin(); !st) return st.error();
  auto r = c_->query(
      "UPDATE patients SET name = $1, birth_year = $2, sex = $3, notes = $4, revision = revision + 1 WHERE id = $5 AND revision = $6 RETURNING revision",
      {p.name, opt_int(p.birth_year), s(sex_name(p.sex)), p.notes, p.id, p.revision});
  if (!r) return r.error();
  if (r->empty()) return stale("patient", p.id, p.revision, "patients");
  Patient out = p;
  out.revision = r->front().integer(0);
  if (auto st = tx.commit(); !st) return st.error();
  return out;
}

Result<std::string> Store::delete_patient(std::int64_t patient_id, std::int64_t revision) {
  WriteTransaction tx(*c_);
  if (auto st = tx.begin(); !st) return st.error();
  auto r = revision == 0 ? c_->query("DELETE FROM patients WHERE id = $1 RETURNING id", {patient_id})
                         : c_->query("DELETE FROM patients WHERE id = $1 AND revision = $2 RETURNING id", {patient_id, revision});
  if (!r) return r.error();
  if (r->empty()) {
    if (revision == 0) return make_error("patient " + std::to_string(patient_id) + ": not found");
    return stale("patient", patient_id, revision, "patients");
  }
  if (auto st = tx.commit(); !st) return st.error();
  std::string notice = c_->after_delete();
  if (const std::string dir = photos_dir(patient_id); !dir.empty()) {
    std::error_code ec;
    fs::remove_all(dir, ec);
    if (ec) notice += (notice.empty() ? "" : "; ") + dir + ": the patient's photos could not be removed (" + ec.message() + ")";
  }
  return notice;
}

Result<Visit> Store::add_visit(Visit v) {
  WriteTransaction tx(*c_);
  if (auto st = tx.begin(); !st) return st.error();
  auto exists = c_->query("SELECT id FROM patients WHERE id = $1", {v.patient_id});
  if (!exists) return exists.error();
  if (exists->empty()) return make_error("patient " + std::to_string(v.patient_id) + ": not found (deleted by someone else?)");
  auto id = insert_visit(v.patient_id, v);
  if (!id) return id.error();
  if (auto st = tx.commit(); !st) return st.error();
  v.id = *id;
  v.revision = 1;
  return v;
}

Result<std::vector<std::string>> Store::visit_photos(std::int64_t visit_id, std::int64_t* patient_id) {
  auto r = c_->query("SELECT v.patient_id, m.photo FROM visits v JOIN measurements m ON m.visit_id = v.id WHERE v.id = $1 AND m.photo <> ''", {visit_id});
  if (!r) return r.error();
  std::vector<std::string> out;
  for (const SqlRow& row : *r) {
    *patient_id = row.integer(0);
    out.push_back(row.text(1));
  }
  return out;
}

void Store::remove_photos(std::int64_t patient_id, const std::vector<std::string>& names) {
  const std::string dir = photos_dir(patient_id);
  if (dir.empty()) return;
  for (const std::string& name : names) {
    if (!valid_photo_name(name)) continue;  // never a path outside the folder, whatever the table holds
    std::error_code ec;
    fs::remove(fs::path(dir) / name, ec);
    fs::remove(fs::path(dir) / thumbnail_name(name), ec);
  }
}

Result<Visit> Store::update_visit(const Visit& v) {
  if (auto st = validate(v); !st) return st.error();
  WriteTransaction tx(*c_);
  if (auto st = tx.begin(); !st) return st.error();
  std::int64_t owner = 0;
  auto before = visit_photos(v.id, &owner);
  if (!before) return before.error();
  auto r = c_->query("UPDATE visits SET date = $1, note = $2, revision = revision + 1 WHERE id = $3 AND revision = $4 RETURNING revision",
                     {v.date, v.note, v.id, v.revision});
  if (!r) return r.error();
  if (r->empty()) return stale("visit", v.id, v.revision, "visits");
  Visit out = v;
  out.revision = r->front().integer(0);
  if (auto d = c_->query("DELETE FROM measurements WHERE visit_id = $1", {v.id}); !d) return d.error();
  if (auto d = c_->query("DELETE FROM programme_items WHERE visit_id = $1", {v.id}); !d) return d.error();
  if (auto st = insert_visit_contents(v.id, v); !st) return st.error();
  if (auto st = tx.commit(); !st) return st.error();
  // The photos of measurements the visit no longer has go with them.
  std::vector<std::string> dropped;
  for (const std::string& name : *before) {
    bool kept = false;
    for (const Measurement& m : v.measurements) kept = kept || m.photo == name;
    if (!kept) dropped.push_back(name);
  }
  remove_photos(owner, dropped);
  return out;
}

Status Store::delete_visit(std::int64_t visit_id, std::int64_t revision) {
  WriteTransaction tx(*c_);
  if (auto st = tx.begin(); !st) return st;
  std::int64_t owner = 0;
  auto photos = visit_photos(visit_id, &owner);
  if (!photos) return photos.error();
  auto r = c_->query("DELETE FROM visits WHERE id = $1 AND revision = $2 RETURNING id", {visit_id, revision});
  if (!r) return r.error();
  if (r->empty()) return stale("visit", visit_id, revision, "visits");
  if (auto st = tx.commit(); !st) return st;
  c_->after_delete();
  remove_photos(owner, *photos);
  return Ok{};
}

// Many records at once (an import, a restore): every row checked first, ids taken in advance, and
// the rows sent a few hundred per statement — a few dozen statements for thousands of rows, which
// is what keeps an import quick on a server across a socket.
Status Store::insert_all(const std::vector<PatientRecord>& records, std::vector<std::int64_t>* ids, ImportCounts* counts) {
  ImportCounts n;
  for (const PatientRecord& rec : records) {
    if (auto st = validate(rec.patient); !st) return make_error("patient '" + rec.patient.name + "': " + st.error().message);
    for (const Visit& v : rec.visits)
      if (auto st = validate(v); !st) return make_error("patient '" + rec.patient.name + "', visit " + v.date + ": " + st.error().message);
    ++n.patients;
    n.visits += static_cast<int>(rec.visits.size());
  }
  auto pids = reserve_ids("patients", static_cast<std::size_t>(n.patients));
  if (!pids) return pids.error();
  auto vids = reserve_ids("visits", static_cast<std::size_t>(n.visits));
  if (!vids) return vids.error();
  std::vector<SqlValue> patients, visits, ms, gs;
  std::size_t vi = 0;
  for (std::size_t pi = 0; pi < records.size(); ++pi) {
    const PatientRecord& rec = records[pi];
    const std::int64_t pid = (*pids)[pi];
    patients.insert(patients.end(), {pid, rec.patient.name, opt_int(rec.patient.birth_year), s(sex_name(rec.patient.sex)), rec.patient.notes});
    for (const Visit& v : rec.visits) {
      const std::int64_t vid = (*vids)[vi++];
      visits.insert(visits.end(), {vid, pid, v.date, v.note});
      add_content_rows(vid, v, ms, gs);
      n.measurements += static_cast<int>(v.measurements.size());
      n.programme_items += static_cast<int>(v.programme.size());
    }
  }
  if (auto st = insert_rows("INSERT INTO patients(id, name, birth_year, sex, notes) VALUES ", 5, patients); !st) return st;
  if (auto st = insert_rows("INSERT INTO visits(id, patient_id, date, note) VALUES ", 4, visits); !st) return st;
  if (auto st = insert_rows(kMeasurementInsert, kMeasurementValues, ms); !st) return st;
  if (auto st = insert_rows(kProgrammeInsert, 4, gs); !st) return st;
  if (ids) *ids = *pids;
  if (counts) *counts = n;
  return Ok{};
}

Result<std::vector<std::int64_t>> Store::import_records(const std::vector<PatientRecord>& records, ImportCounts* counts) {
  WriteTransaction tx(*c_);
  if (auto st = tx.begin(); !st) return st.error();
  std::vector<std::int64_t> ids;
  if (auto st = insert_all(records, &ids, counts); !st) return st.error();
  if (auto st = tx.commit(); !st) return st.error();
  return ids;
}

Status Store::replace_all(const std::vector<PatientRecord>& records, std::vector<std::int64_t>* ids) {
  std::vector<std::int64_t> old_ids;
  {
    WriteTransaction tx(*c_);
    if (auto st = tx.begin(); !st) return st;
    auto old = c_->query("SELECT id FROM patients");
    if (!old) return old.error();
    for (const SqlRow& r : *old) old_ids.push_back(r.integer(0));
    if (auto d = c_->query("DELETE FROM patients"); !d) return d.error();
    if (auto st = insert_all(records, ids, nullptr); !st) return st;
    if (auto st = tx.commit(); !st) return st;
  }
  c_->after_delete();
  // The replaced patients' photo folders go with them (a restore writes the backup's photos into
  // the new patients' folders after this).
  for (std::int64_t id : old_ids)
    if (const std::string dir = photos_dir(id); !dir.empty()) {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  return Ok{};
}

}  // namespace hiplab::records
