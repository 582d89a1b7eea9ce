#include "records/backup.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

#include "core/atomic_file.h"
#include "records/photo.h"
#include "records/sqlite_connection.h"

namespace hiplab::records {

namespace {

namespace fs = std::filesystem;

constexpr char kBackupPhotos[] = "hiplab_backup_photos";

std::string to_hex(const std::string& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out(bytes.size() * 2, '0');
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    out[2 * i] = digits[b >> 4];
    out[2 * i + 1] = digits[b & 15];
  }
  return out;
}

std::optional<std::string> from_hex(const std::string& hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  auto nibble = [](char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1; };
  std::string out(hex.size() / 2, '\0');
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out[i] = static_cast<char>(hi * 16 + lo);
  }
  return out;
}

// Every kept photo and thumbnail of the patients in `recs` (their numbers in the live store) into
// the backup, under the numbers `backup_ids` the backup gave them; one transaction.
Result<std::size_t> add_backup_photos(SqlConnection& to, const Store& from, const std::vector<PatientRecord>& recs,
                                      const std::vector<std::int64_t>& backup_ids) {
  if (auto st = to.exec_script(std::string("CREATE TABLE ") + kBackupPhotos + "(patient_id INTEGER NOT NULL, name TEXT NOT NULL, hex TEXT NOT NULL)"); !st)
    return st.error();
  if (auto st = to.begin_write(); !st) return st.error();
  std::size_t n = 0;
  for (std::size_t i = 0; i < recs.size() && i < backup_ids.size(); ++i) {
    const std::string dir = from.photos_dir(recs[i].patient.id);
    std::error_code ec;
    if (dir.empty() || !fs::is_directory(dir, ec)) continue;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.is_regular_file(ec) && valid_photo_name(e.path().filename().string())) files.push_back(e.path());
    std::sort(files.begin(), files.end());  // the same bytes for the same records
    for (const fs::path& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      if (!in && !in.eof()) {
        to.rollback();
        return make_error(f.string() + ": cannot be read for the backup");
      }
      auto r = to.query(std::string("INSERT INTO ") + kBackupPhotos + " VALUES ($1, $2, $3)", {backup_ids[i], f.filename().string(), to_hex(bytes.str())});
      if (!r) {
        to.rollback();
        return r.error();
      }
      ++n;
    }
  }
  if (auto st = to.commit(); !st) return st.error();
  return n;
}

// The backup's photos written into `staging`/<patient number in the backup>/ (0700 folders,
// 0600 files), for the restore to rename into place once the records are committed.
Result<std::size_t> stage_photos(const fs::path& staging, const BackupContents& backup) {
  if (auto st = make_private_dir(staging.string()); !st) return st.error();
  std::size_t n = 0;
  for (const BackupPhoto& ph : backup.photos) {
    if (!valid_photo_name(ph.name)) return make_error("a photo in the backup is badly named ('" + ph.name + "')");
    const fs::path folder = staging / std::to_string(ph.patient_id);
    if (auto st = make_private_dir(folder.string()); !st) return st.error();
    if (auto st = write_private_file((folder / ph.name).string(), ph.bytes); !st) return st.error();
    ++n;
  }
  return n;
}

// Whether `file` is the SQLite database `c` has open (a backup renamed over it would replace the
// live records under the open connection).
bool is_open_database(SqlConnection& c, const std::string& file) {
  std::error_code ec;
  if (c.dialect() != Dialect::kSqlite || !fs::exists(file, ec)) return false;
  auto rows = c.query("PRAGMA database_list");
  if (!rows) return false;
  for (const SqlRow& r : *rows)
    if (r.cols.size() >= 3 && !r.is_null(1) && r.text(1) == "main" && !r.is_null(2) && !r.text(2).empty() && fs::equivalent(file, r.text(2), ec))
      return true;
  return false;
}

}  // namespace

Result<BackupCounts> write_backup(Store& from, const std::string& file) {
  if (is_open_database(from.connection(), file)) return make_error(file + ": this is the records database itself; choose another file for the backup");
  auto all = from.load_all();
  if (!all) return all.error();
  // Written beside the target and renamed over it only when whole.
  const fs::path target = file;
  const fs::path tmp = target.string() + ".partial-" + std::to_string(::getpid());
  BackupCounts counts;
  counts.patients = all->size();
  std::error_code ec;
  fs::remove(tmp, ec);
  {
    auto copy = open_sqlite(tmp.string());
    if (!copy) return copy.error();
    Store b(std::move(copy.value()), "");
    std::vector<std::int64_t> backup_ids;
    if (auto st = b.replace_all(*all, &backup_ids); !st) {
      fs::remove(tmp, ec);
      return st.error();
    }
    auto photos = add_backup_photos(b.connection(), from, *all, backup_ids);
    if (!photos) {
      fs::remove(tmp, ec);
      return make_error(photos.error().message + "; no backup was written");
    }
    counts.photo_files = *photos;
    if (auto st = b.connection().exec_script("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;"); !st) {
      fs::remove(tmp, ec);
      return st.error();
    }
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return make_error(target.string() + ": cannot write the backup (" + ec.message() + ")");
  }
  ::chmod(target.c_str(), 0600);
  return counts;
}

// A copy of the backup to read from, so that opening it (which migrates an older one) never
// writes to the user's file.
Result<BackupContents> read_backup(const std::string& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return make_error(file + ": no such backup file");
  char tmpl[] = "/tmp/hiplab-restore-XXXXXX";
  if (!::mkdtemp(tmpl)) return make_error("cannot make a temporary folder to read the backup");
  const fs::path dir = tmpl;
  const fs::path copy = dir / "backup.sqlite";
  fs::copy_file(file, copy, ec);
  if (ec) {
    fs::remove_all(dir, ec);
    return make_error(file + ": cannot be read (" + ec.message() + ")");
  }
  ::chmod(copy.c_str(), 0600);
  Result<BackupContents> out = make_error("");
  {
    auto c = open_sqlite(copy.string(), false);
    if (!c) {
      std::string m = c.error().message;
      if (m.rfind(copy.string(), 0) == 0) m = file + m.substr(copy.string().size());
      if (const auto hint = m.find(" — move it away"); hint != std::string::npos) m.erase(hint);  // the user's records are not the file here
      out = make_error(m);
    } else {
      Store backup(std::move(c.value()), "");
      auto recs = backup.load_all();
      if (!recs) {
        out = recs.error();
      } else {
        BackupContents got;
        got.records = std::move(recs.value());
        // Backups from before photos travelled have no such table: no photos, not an error.
        auto has = backup.connection().query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = $1", {std::string(kBackupPhotos)});
        if (has && !has->empty()) {
          auto rows = backup.connection().query(std::string("SELECT patient_id, name, hex FROM ") + kBackupPhotos + " ORDER BY rowid");
          if (!rows) {
            out = make_error(file + ": its photos cannot be read (" + rows.error().message + ")");
            fs::remove_all(dir, ec);
            return out;
          }
          for (const SqlRow& r : *rows) {
            auto bytes = from_hex(r.text(2));
            if (!bytes || !valid_photo_name(r.text(1))) {
              fs::remove_all(dir, ec);
              return make_error(file + ": a photo in the backup is damaged or badly named ('" + r.text(1) + "')");
            }
            got.photos.push_back({r.integer(0), r.text(1), std::move(*bytes)});
          }
        }
        out = std::move(got);
      }
    }
  }
  fs::remove_all(dir, ec);
  return out;
}

Result<RestoreCounts> restore_backup(Store& into, const BackupContents& backup) {
  RestoreCounts counts;
  counts.restored = backup.records.size();
  auto now = into.list_patients();
  if (!now) return now.error();
  counts.replaced = now->size();
  // The photos first, into a folder beside the patients' photo folders (the same file system, so
  // each moves into place with a rename): a photo that cannot be written changes nothing.
  const std::string root = into.photos_root();
  fs::path staging;
  std::error_code ec;
  if (!root.empty() && !backup.photos.empty()) {
    if (auto st = make_private_dir(root); !st) return st.error();
    staging = fs::path(root) / (".restore-" + std::to_string(::getpid()));
    fs::remove_all(staging, ec);
    auto staged = stage_photos(staging, backup);
    if (!staged) {
      fs::remove_all(staging, ec);
      return staged.error();
    }
  }
  std::vector<std::int64_t> new_ids;
  if (auto st = into.replace_all(backup.records, &new_ids); !st) {
    fs::remove_all(staging, ec);
    return st.error();
  }
  // The restored patients' numbers are new: each staged folder becomes the folder of the patient
  // it belongs to. A photo of no restored patient (a hand-edited file) is dropped.
  Status moved = Ok{};
  if (!staging.empty()) {
    for (std::size_t i = 0; i < backup.records.size() && i < new_ids.size(); ++i) {
      const fs::path from = staging / std::to_string(backup.records[i].patient.id);
      if (!fs::is_directory(from, ec)) continue;
      const fs::path to = into.photos_dir(new_ids[i]);
      fs::remove_all(to, ec);  // nobody's: replace_all removed the replaced patients' folders
      fs::rename(from, to, ec);
      if (ec) {
        moved = make_error(to.string() + ": cannot move the restored photos into place (" + ec.message() + "); the records were restored, the photos not all");
        break;
      }
      for (const auto& e : fs::directory_iterator(to, ec)) {
        (void)e;
        ++counts.photo_files;
      }
    }
    fs::remove_all(staging, ec);
  }
  if (!moved) return moved.error();
  return counts;
}

}  // namespace hiplab::records
