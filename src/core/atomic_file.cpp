#include "core/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hiplab {

namespace {

// The descriptor is closed on every way out of write_file_atomic, also when a step fails.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  // Closes now and reports the result (close can report a write-back error on some filesystems).
  bool close() {
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }

 private:
  int fd_;
};

std::string reason() { return std::strerror(errno); }

// The directory part of `path` ("." when it has none), for syncing the rename to disk.
std::string directory_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

Status write_file_atomic(const std::string& path, std::string_view bytes) {
  // A replaced file keeps its permission bits (a private settings file stays private); a new one
  // gets 0666 less the umask, as any program creating a file does. When replacing, the temporary
  // starts as 0600, so the bytes are never readable by more people than the final file allows.
  struct stat old {};
  const bool replacing = ::stat(path.c_str(), &old) == 0;

  // A temporary left by a crashed run with the same process id is removed first; O_EXCL then
  // makes sure the file written is a new one of ours (not a link planted in its place).
  const std::string tmp = path + ".tmp" + std::to_string(::getpid());
  ::unlink(tmp.c_str());
  Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, replacing ? 0600 : 0666));
  if (fd.get() < 0) return make_error(path + ": cannot write (" + reason() + ")");
  auto fail = [&](const std::string& what) {
    const std::string why = reason();
    ::unlink(tmp.c_str());
    return make_error(path + ": " + what + " (" + why + ")");
  };
  if (replacing && ::fchmod(fd.get(), old.st_mode & 07777) != 0) return fail("cannot keep the permissions");

  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write");
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd.get()) != 0) return fail("cannot write");
  if (!fd.close()) return fail("cannot write");
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return fail("cannot replace the file");

  // The rename itself reaches the disk when the directory is synced; a failure here leaves the new
  // file in place and is not reported (some filesystems refuse fsync on a directory).
  Fd dir(::open(directory_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() >= 0) ::fsync(dir.get());
  return Status(Ok{});
}

}  // namespace hiplab
