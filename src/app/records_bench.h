// records_bench.h — `hiplab patients bench`: the figures issue 16 asks for, on the back end named:
// the time to open the records and show a patient with 10 years of monthly visits (target ≤ 50 ms)
// and to import a CSV of 10,000 measurements (target ≤ 1 s). SQLite runs in a temporary file (the
// user's records are not touched); PostgreSQL needs a database with no patients yet and leaves it
// with none.
#pragma once
#include "records/location.h"

namespace hiplab::app {

// Prints the figures (text or JSON); 0, or 1 when the records could not be used.
int run_records_bench(const records::RecordsLocation& where, int runs, bool json);

}  // namespace hiplab::app
