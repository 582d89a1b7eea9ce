#include "records/csv.h"

#include <array>
#include <charconv>
#include <map>

namespace hiplab::records {

namespace {

enum Col { kRecord, kPatient, kVisit, kName, kBirthYear, kSex, kDate, kSide, kMovement, kPosition, kDegrees, kMethod, kPain, kDrill, kDosage, kNote, kPhoto, kLandmarks, kCols };
// Columns of a file written before photos: every one up to note.
constexpr int kColsWithoutPhotos = kPhoto;
constexpr std::array<std::string_view, kCols> kColNames{"record", "patient", "visit",   "name",   "birth_year", "sex",
                                                        "date",   "side",    "movement", "position", "degrees", "method",
                                                        "pain",   "drill",   "dosage",  "note",    "photo",  "landmarks"};

void cell(std::string& out, std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += v;
    return;
  }
  out += '"';
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void row(std::string& out, const std::array<std::string, kCols>& cells) {
  for (int i = 0; i < kCols; ++i) {
    if (i) out += ',';
    cell(out, cells[static_cast<std::size_t>(i)]);
  }
  out += '\n';
}

struct Row {
  int line = 0;
  std::vector<std::string> cells;
};

// Splits the text into rows of cells; a quoted cell may hold line breaks. Errors name the line.
Result<std::vector<Row>> split(std::string_view text, const std::string& label) {
  std::vector<Row> rows;
  int line = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    Row r;
    r.line = line;
    std::string cur;
    for (;;) {
      if (i < text.size() && text[i] == '"') {
        ++i;
        for (;;) {
          if (i >= text.size()) return make_error(label + ":" + std::to_string(r.line) + ": a quoted cell is not closed (expected '\"')");
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              cur += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (text[i] == '\n') ++line;
          cur += text[i++];
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
          return make_error(label + ":" + std::to_string(line) + ": text after a closing quote (expected ',' or the end of the line)");
      }
      while (i < text.size() && text[i] != ',' && text[i] != '\n' && !(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
        if (text[i] == '"') return make_error(label + ":" + std::to_string(line) + ": a quote inside an unquoted cell (expected the whole cell in quotes)");
        cur += text[i++];
      }
      r.cells.push_back(std::move(cur));
      cur.clear();
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      if (i < text.size() && text[i] == '\r') ++i;
      if (i < text.size() && text[i] == '\n') ++i;
      ++line;
      break;
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

template <class T>
bool parse_number(const std::string& s, T& v) {
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size();
}

}  // namespace

std::string to_csv(const std::vector<PatientRecord>& records) {
  std::string out(kCsvHeader);
  out += '\n';
  int visit_key = 0;
  for (std::size_t p = 0; p < records.size(); ++p) {
    const PatientRecord& rec = records[p];
    const std::string pk = std::to_string(p + 1);
    std::array<std::string, kCols> c{};
    c[kRecord] = "patient";
    c[kPatient] = pk;
    c[kName] = rec.patient.name;
    c[kBirthYear] = rec.patient.birth_year ? std::to_string(*rec.patient.birth_year) : "";
    c[kSex] = sex_name(rec.patient.sex);
    c[kNote] = rec.patient.notes;
    row(out, c);
    for (const Visit& v : rec.visits) {
      const std::string vk = std::to_string(++visit_key);
      c = {};
      c[kRecord] = "visit";
      c[kPatient] = pk;
      c[kVisit] = vk;
      c[kDate] = v.date;
      c[kNote] = v.note;
      row(out, c);
      for (const Measurement& m : v.measurements) {
        c = {};
        c[kRecord] = "measurement";
        c[kPatient] = pk;
        c[kVisit] = vk;
        c[kSide] = side_name(m.side);
        c[kMovement] = movement_name(m.movement);
        c[kPosition] = position_name(m.position);
        c[kDegrees] = exact_decimal(m.degrees);
        c[kMethod] = method_name(m.method);
        c[kPain] = m.pain ? std::to_string(*m.pain) : "";
        c[kNote] = m.note;
        c[kPhoto] = m.photo;
        c[kLandmarks] = m.landmarks;
        row(out, c);
      }
      for (const ProgrammeItem& g : v.programme) {
        c = {};
        c[kRecord] = "programme";
        c[kPatient] = pk;
        c[kVisit] = vk;
        c[kSide] = side_name(g.side);
        c[kDrill] = g.drill;
        c[kDosage] = g.dosage;
        row(out, c);
      }
    }
  }
  return out;
}

namespace {
// A cell quoted in a message: on one line (a line break shows as \n, other control characters as
// '?') and at most 60 characters, so an error is always one readable line.
std::string shown(std::string_view cell) {
  std::string out;
  for (char ch : cell) {
    if (out.size() >= 60) return out + "...";
    if (ch == '\n') out += "\\n";
    else if (ch == '\r') out += "\\r";
    else if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) out += '?';
    else out += ch;
  }
  return out;
}
}  // namespace

Result<std::vector<PatientRecord>> from_csv(std::string_view text, const std::string& label) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a spreadsheet's byte-order mark
  auto rows = split(text, label);
  if (!rows) return rows.error();
  if (rows->empty()) return make_error(label + ":1: empty file (expected the header line: " + std::string(kCsvHeader) + ")");
  int columns = kCols;
  {
    const Row& h = rows->front();
    std::string got;
    for (const std::string& c : h.cells) got += (got.empty() ? "" : ",") + c;
    if (got == kCsvHeaderWithoutPhotos) columns = kColsWithoutPhotos;
    else if (got != kCsvHeader) return make_error(label + ":1: expected the header line " + std::string(kCsvHeader) + ", got '" + shown(got) + "'");
  }
  std::vector<PatientRecord> out;
  std::map<std::string, std::size_t> patients;                         // key -> index in out
  std::map<std::string, std::pair<std::size_t, std::size_t>> visits;  // key -> (patient index, visit index)
  for (std::size_t ri = 1; ri < rows->size(); ++ri) {
    const Row& r = (*rows)[ri];
    if (r.cells.size() == 1 && r.cells[0].empty()) continue;  // a blank line (e.g. at the end)
    const std::string where = label + ":" + std::to_string(r.line) + ": ";
    auto bad = [&](Col col, const std::string& expected) {
      const std::size_t ci = static_cast<std::size_t>(col);
      return make_error(where + std::string(kColNames[ci]) + ": expected " + expected + ", got '" + shown(ci < r.cells.size() ? r.cells[ci] : "") + "'");
    };
    if (r.cells.size() != static_cast<std::size_t>(columns))
      return make_error(where + "expected " + std::to_string(columns) + " cells, got " + std::to_string(r.cells.size()));
    std::vector<std::string> c = r.cells;
    c.resize(kCols);  // an older file's rows: no photo
    auto only = [&](std::initializer_list<Col> used) -> std::optional<Error> {
      for (int i = 0; i < kCols; ++i) {
        bool u = i == kRecord;
        for (Col k : used) u = u || k == i;
        if (!u && !c[static_cast<std::size_t>(i)].empty()) return bad(static_cast<Col>(i), "nothing in a " + c[kRecord] + " row");
      }
      return std::nullopt;
    };
    auto field_error = [&](const Error& e) { return make_error(where + e.message); };
    auto find_patient = [&]() -> Result<std::size_t> {
      auto it = patients.find(c[kPatient]);
      if (it == patients.end()) return bad(kPatient, "the number of a patient row above");
      return it->second;
    };
    auto find_visit = [&]() -> Result<Visit*> {
      auto it = visits.find(c[kVisit]);
      if (it == visits.end()) return bad(kVisit, "the number of a visit row above");
      auto p = find_patient();
      if (!p) return p.error();
      if (it->second.first != *p) return bad(kPatient, "the patient of visit " + c[kVisit]);
      return &out[it->second.first].visits[it->second.second];
    };
    auto side = [&]() -> Result<Side> {
      auto s = parse_side(c[kSide]);
      if (!s) return bad(kSide, "left or right");
      return *s;
    };
    const std::string& kind = c[kRecord];
    if (kind == "patient") {
      if (auto e = only({kPatient, kName, kBirthYear, kSex, kNote})) return *e;
      if (c[kPatient].empty()) return bad(kPatient, "a number for this patient");
      if (patients.count(c[kPatient])) return bad(kPatient, "a number not used by an earlier patient row");
      Patient p;
      p.name = c[kName];
      if (!c[kBirthYear].empty()) {
        int y = 0;
        if (!parse_number(c[kBirthYear], y)) return bad(kBirthYear, "a year or nothing");
        p.birth_year = y;
      }
      auto sex = parse_sex(c[kSex]);
      if (!sex) return bad(kSex, sex_names());
      p.sex = *sex;
      p.notes = c[kNote];
      if (auto st = validate(p); !st) return field_error(st.error());
      patients[c[kPatient]] = out.size();
      out.push_back(PatientRecord{p, {}});
    } else if (kind == "visit") {
      if (auto e = only({kPatient, kVisit, kDate, kNote})) return *e;
      auto p = find_patient();
      if (!p) return p.error();
      if (c[kVisit].empty()) return bad(kVisit, "a number for this visit");
      if (visits.count(c[kVisit])) return bad(kVisit, "a number not used by an earlier visit row");
      Visit v;
      v.date = c[kDate];
      if (!valid_date(v.date)) return bad(kDate, "a date YYYY-MM-DD");
      v.note = c[kNote];
      if (auto st = validate(v); !st) return field_error(st.error());
      visits[c[kVisit]] = {*p, out[*p].visits.size()};
      out[*p].visits.push_back(std::move(v));
    } else if (kind == "measurement") {
      if (auto e = only({kPatient, kVisit, kSide, kMovement, kPosition, kDegrees, kMethod, kPain, kNote, kPhoto, kLandmarks})) return *e;
      auto v = find_visit();
      if (!v) return v.error();
      Measurement m;
      auto s = side();
      if (!s) return s.error();
      m.side = *s;
      auto mv = parse_movement(c[kMovement]);
      if (!mv) return bad(kMovement, movement_names());
      m.movement = *mv;
      auto pos = parse_position(c[kPosition]);
      if (!pos) return bad(kPosition, position_names());
      m.position = *pos;
      if (!parse_number(c[kDegrees], m.degrees) || m.degrees < 0.0 || m.degrees > 180.0) return bad(kDegrees, "degrees from 0 to 180");
      auto method = parse_method(c[kMethod]);
      if (!method) return bad(kMethod, method_names());
      m.method = *method;
      if (!c[kPain].empty()) {
        int pain = 0;
        if (!parse_number(c[kPain], pain) || pain < 0 || pain > 10) return bad(kPain, "a whole number from 0 to 10, or nothing");
        m.pain = pain;
      }
      m.note = c[kNote];
      m.photo = c[kPhoto];
      m.landmarks = c[kLandmarks];
      if (auto st = validate(m); !st) return field_error(st.error());
      (*v)->measurements.push_back(std::move(m));
    } else if (kind == "programme") {
      if (auto e = only({kPatient, kVisit, kSide, kDrill, kDosage})) return *e;
      auto v = find_visit();
      if (!v) return v.error();
      ProgrammeItem g;
      auto s = side();
      if (!s) return s.error();
      g.side = *s;
      g.drill = c[kDrill];
      g.dosage = c[kDosage];
      if (auto st = validate(g); !st) return field_error(st.error());
      (*v)->programme.push_back(std::move(g));
    } else {
      return bad(kRecord, "patient, visit, measurement or programme");
    }
  }
  return out;
}

}  // namespace hiplab::records
