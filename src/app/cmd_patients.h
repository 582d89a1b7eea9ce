// cmd_patients.h — `hiplab patients list|add|show|measure|export|import|delete|backup|restore|bench`:
// patients' records from the command line (records/store.h), each with --json, all taking
// --records (records/location.h; default: settings.json's "records", else
// $XDG_DATA_HOME/hiplab/records.sqlite).
// Exit 0; 1 when the records cannot be read or written (a damaged file, a server that refuses, a
// record changed by someone else, records switched off); 2 for a bad command-line value.
#pragma once
#include <string>

#include "app/command.h"
#include "records/records.h"

namespace hiplab::app {

Command add_patients_command(CLI::App& app);

// The record as `patients show` prints it (also what the bench formats).
std::string format_record(const records::PatientRecord& r);

}  // namespace hiplab::app
