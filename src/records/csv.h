// csv.h — patients' records as one CSV file (RFC 4180: comma-separated, '"' quotes a cell holding a
// comma, a quote or a line break, a quote inside is doubled; lines end in "\n", "\r\n" is read too).
//
// Header, always this line:
//   record,patient,visit,name,birth_year,sex,date,side,movement,position,degrees,method,pain,drill,dosage,note,photo,landmarks
// (a file with the header before photos, which ends at note, is read too: its rows have no photo).
// One row per thing, each after what it belongs to:
//   patient      patient, name, birth_year (may be empty), sex, note (the patient's notes)
//   visit        patient, visit, date, note
//   measurement  patient, visit, side, movement, position, degrees, method, pain (may be empty), note,
//                photo and landmarks (both may be empty: records.h Measurement)
//   programme    patient, visit, side, drill, dosage
// `patient` and `visit` are numbers that tie rows together inside the file only (an export numbers
// them 1, 2, 3 ...); an import makes new patients. Cells a row's kind does not use are empty.
// A measurement's photo is only named here: the file is in photos/<patient>/ beside the CSV in an
// exported folder (app/cmd_patients.cpp), with <patient> the number in this file's patient column.
// Degrees are written as the shortest decimal that reads back as the same double, so
// export → import → export gives the same bytes.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "records/records.h"

namespace hiplab::records {

inline constexpr std::string_view kCsvHeader =
    "record,patient,visit,name,birth_year,sex,date,side,movement,position,degrees,method,pain,drill,dosage,note,photo,landmarks";
// The header of files written before measurements had photos (schema version 2).
inline constexpr std::string_view kCsvHeaderWithoutPhotos =
    "record,patient,visit,name,birth_year,sex,date,side,movement,position,degrees,method,pain,drill,dosage,note";

// Visits in each record are written in the order given (Store::load gives them oldest first).
std::string to_csv(const std::vector<PatientRecord>& records);

// Parses all of it or nothing: the first bad row gives "<label>:<line>: <field>: expected ..., got
// '...'" (line: the line the row starts on, counting the header as 1). Ids and revisions are 0.
Result<std::vector<PatientRecord>> from_csv(std::string_view text, const std::string& label);

}  // namespace hiplab::records
