// import_sandbox.cpp — see import_sandbox.h. The parent's side (spawn, watch, read, judge) first,
// then the child's (limits, Landlock and seccomp filters, load, answer).
#include "app/import_sandbox.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <new>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__linux__)
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/landlock.h>
#include <linux/seccomp.h>
#include <sys/syscall.h>
#endif

#include "app/paths.h"
#include "assets/display_prep.h"
#include "core/log.h"

extern char** environ;

namespace hiplab::app {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr char kErrorMagic[4] = {'H', 'L', 'E', 'R'};
constexpr int kExitOutOfMemory = 3;  // the child's own report of a failed allocation

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

std::size_t physical_mib() {
  const long pages = ::sysconf(_SC_PHYS_PAGES), size = ::sysconf(_SC_PAGESIZE);
  return pages > 0 && size > 0 ? static_cast<std::size_t>(pages) / (1024 * 1024 / static_cast<std::size_t>(size)) : 8192;
}

// A number from the environment within [lo, hi], or `fallback` (with a warning when set but bad).
double env_number(const char* name, double lo, double hi, double fallback) {
  const char* v = std::getenv(name);
  if (!v || !*v) return fallback;
  char* end = nullptr;
  const double x = std::strtod(v, &end);
  if (end == v || *end != '\0' || !(x >= lo && x <= hi)) {
    log_warning(std::string(name) + "='" + v + "': expected a number from " + std::to_string(static_cast<long>(lo)) +
                " to " + std::to_string(static_cast<long>(hi)) + "; using " + std::to_string(static_cast<long>(fallback)));
    return fallback;
  }
  return x;
}

// Resident memory of a process, MiB (/proc/PID/statm, pages); 0 when it cannot be read.
double resident_mib_of(pid_t pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/statm");
  long total = 0, resident = 0;
  if (!(f >> total >> resident)) return 0.0;
  return static_cast<double>(resident) * static_cast<double>(::sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

std::string signal_words(int sig) {
  switch (sig) {
    case SIGSEGV: return "segmentation fault";
    case SIGABRT: return "abort";
    case SIGBUS: return "bus error";
    case SIGFPE: return "arithmetic error";
    case SIGILL: return "illegal instruction";
    case SIGSYS: return "a forbidden system call";
    default: {
      const char* s = ::strsignal(sig);
      return s ? s : "signal " + std::to_string(sig);
    }
  }
}

// "60" or "1.5": seconds as a person writes them.
std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", s);
  return buf;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  if (from.empty() || from == to) return;
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

// Kills and reaps the child (SIGKILL cannot be caught, so the wait is short).
void kill_and_reap(pid_t pid) {
  ::kill(pid, SIGKILL);
  int st = 0;
  while (::waitpid(pid, &st, 0) < 0 && errno == EINTR) {
  }
}

}  // namespace

ImportLimits ImportLimits::from_environment() {
  ImportLimits l;
  l.timeout_s = env_number("HIPLAB_IMPORT_TIMEOUT_S", 1, 3600, l.timeout_s);
  l.cpu_s = static_cast<int>(env_number("HIPLAB_IMPORT_CPU_S", 1, 3600, l.cpu_s));
  const double half = static_cast<double>(std::max<std::size_t>(physical_mib() / 2, 256));
  l.memory_mib = static_cast<std::size_t>(env_number("HIPLAB_IMPORT_MEMORY_MIB", 64, half, std::min(4096.0, half)));
  return l;
}

bool is_shipped_model(const std::string& path) {
  std::error_code ec;
  const fs::path models = fs::weakly_canonical(fs::path(asset_dir()) / "models", ec);
  if (ec) return false;
  const fs::path file = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return false;
  const fs::path rel = file.lexically_relative(models);
  return !rel.empty() && *rel.begin() != ".." && *rel.begin() != ".";
}

Result<WireModel> import_in_child(const std::string& path, Prep prep, const ImportLimits& limits,
                                  const std::atomic<bool>* cancel) {
  const auto t0 = Clock::now();
  std::error_code ec;
  const fs::path abs = fs::absolute(path, ec);
  if (ec) return make_error(path + ": file not found");
  const std::string folder = abs.parent_path().string();
  // Checked here too, so a missing file or a pipe never costs a child (which checks again).
  if (!fs::exists(abs, ec)) return make_error(path + ": file not found");
  if (fs::is_directory(abs, ec)) return make_error(path + ": is a directory (expected a model file)");
  if (!fs::is_regular_file(abs, ec)) return make_error(path + ": not a regular file (expected a model file)");

  int fds[2], errs[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return make_error(path + ": could not start the importer (no pipe: " + std::strerror(errno) + ")");
  if (::pipe2(errs, O_CLOEXEC) != 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return make_error(path + ": could not start the importer (no pipe: " + std::strerror(errno) + ")");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
  posix_spawn_file_actions_adddup2(&actions, errs[1], 2);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addchdir_np(&actions, folder.c_str());
  posix_spawn_file_actions_addclosefrom_np(&actions, 3);  // not the display connection, not the pipe's read end
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  for (int sig : {SIGPIPE, SIGXCPU, SIGSEGV, SIGABRT, SIGINT, SIGTERM}) sigaddset(&defaults, sig);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  const std::vector<std::string> args = {"hiplab", kImportChildCommand, prep == Prep::kFull ? "--prepare" : prep == Prep::kOcclusion ? "--occlusion" : "--load", abs.string(),
                                         std::to_string(limits.cpu_s), std::to_string(limits.memory_mib)};
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int spawned = ::posix_spawn(&pid, "/proc/self/exe", &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  ::close(fds[1]);
  ::close(errs[1]);
  if (spawned != 0) {
    ::close(fds[0]);
    ::close(errs[0]);
    return make_error(path + ": could not start the importer (" + std::strerror(spawned) + ")");
  }

  // Read the answer while watching the clock, the child's memory and the cancel flag.
  const std::size_t max_answer = limits.memory_mib << 20;
  std::vector<std::uint8_t> answer;
  std::string stopped;  // why the parent killed the child, empty if it did not
  std::vector<std::uint8_t> buf(1 << 16);
  // What the child says on stderr (Assimp's assertion text, a sanitizer's report) is not for the
  // user, who gets one message; the first 64 KiB are kept for sanitizer builds (below).
  std::string child_stderr;
  bool err_open = true;
  for (bool eof = false; !eof && stopped.empty();) {
    pollfd p[2] = {{fds[0], POLLIN, 0}, {err_open ? errs[0] : -1, POLLIN, 0}};
    const int r = ::poll(p, 2, 25);
    if (r > 0 && (p[0].revents & (POLLIN | POLLHUP | POLLERR))) {
      const ssize_t n = ::read(fds[0], buf.data(), buf.size());
      if (n > 0) {
        answer.insert(answer.end(), buf.begin(), buf.begin() + n);
        if (answer.size() > max_answer) stopped = "its answer grew past " + std::to_string(limits.memory_mib) + " MiB";
      } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
        eof = true;
      }
    }
    if (r > 0 && err_open && (p[1].revents & (POLLIN | POLLHUP | POLLERR))) {
      const ssize_t n = ::read(errs[0], buf.data(), buf.size());
      if (n > 0 && child_stderr.size() < (64u << 10)) child_stderr.append(reinterpret_cast<const char*>(buf.data()), static_cast<std::size_t>(n));
      if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) err_open = false;
    }
    const double elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
    if (cancel && cancel->load()) stopped = "cancelled";
    else if (elapsed > limits.timeout_s)
      stopped = "the importer did not finish within " + seconds_text(limits.timeout_s) + " s";
    else if (resident_mib_of(pid) > static_cast<double>(limits.memory_mib))
      stopped = "the importer went past its memory limit (" + std::to_string(limits.memory_mib) + " MiB)";
  }
  ::close(fds[0]);
  ::close(errs[0]);
  // In a sanitizer build the child's report is what a developer needs to see.
  if (kAddressSanitizer && !child_stderr.empty()) std::fprintf(stderr, "%s", child_stderr.c_str());
  int st = 0;
  if (stopped.empty()) {
    // The answer is complete; a child that then lingers is given until the timeout.
    for (;;) {
      const pid_t w = ::waitpid(pid, &st, WNOHANG);
      if (w == pid) break;
      if (w < 0 && errno != EINTR) break;
      if (std::chrono::duration<double>(Clock::now() - t0).count() > limits.timeout_s) {
        stopped = "the importer did not finish within " + seconds_text(limits.timeout_s) + " s";
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }
  if (!stopped.empty()) {
    kill_and_reap(pid);
    if (stopped == "cancelled") return make_error(path + ": loading was cancelled; nothing was loaded");
    return make_error(stopped + " reading " + path + "; nothing was loaded");
  }
  if (WIFSIGNALED(st)) {
    const int sig = WTERMSIG(st);
    if (sig == SIGXCPU)
      return make_error("the importer used up its " + std::to_string(limits.cpu_s) + " s of CPU time reading " + path +
                        "; nothing was loaded");
    return make_error("the importer crashed reading " + path + " (" + signal_words(sig) + "); nothing was loaded");
  }
  const int code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  if (code == kExitOutOfMemory)
    return make_error("the importer ran out of memory (limit " + std::to_string(limits.memory_mib) + " MiB) reading " +
                      path + "; nothing was loaded");
  if (code == 0 && answer.size() >= 8 && std::memcmp(answer.data(), kErrorMagic, 4) == 0) {
    // The loader's own message (a file it refused): the same words as in process, with the name as given.
    std::string msg(answer.begin() + 8, answer.end());
    msg.erase(std::remove_if(msg.begin(), msg.end(), [](char c) { return c == '\n' || c == '\r'; }), msg.end());
    replace_all(msg, abs.string(), path);
    return make_error(msg.empty() ? path + ": the importer refused the file" : msg);
  }
  if (code != 0)
    return make_error("the importer crashed reading " + path + " (exit status " + std::to_string(code) + "); nothing was loaded");
  auto decoded = decode_model(answer.data(), answer.size(), path);
  if (!decoded) return decoded.error();
  for (std::string& w : decoded->warnings) replace_all(w, abs.string(), path);
  decoded->model.load_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  return decoded;
}

Result<Model> load_user_model(const std::string& path, Prep prep, LoadReport* report, const std::atomic<bool>* cancel) {
  if (is_shipped_model(path)) {
    auto loaded = load_model(path, report);
    if (loaded) prepare_for_display(loaded.value(), report ? &report->warnings : nullptr, {}, prep);
    return loaded;
  }
  auto got = import_in_child(path, prep, ImportLimits::from_environment(), cancel);
  if (!got) return got.error();
  for (const std::string& w : got->warnings) {
    log_warning(w);
    if (report) report->warnings.push_back(w);
  }
  return std::move(got->model);
}

// ---- the child -------------------------------------------------------------------------------
namespace {

// Writes all of `bytes` to stdout (the pipe); false when the parent has gone.
bool write_all(const std::vector<std::uint8_t>& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(1, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

void answer_error(const std::string& message) {
  std::vector<std::uint8_t> out(kErrorMagic, kErrorMagic + 4);
  const auto n = static_cast<std::uint32_t>(message.size());
  out.insert(out.end(), reinterpret_cast<const std::uint8_t*>(&n), reinterpret_cast<const std::uint8_t*>(&n) + 4);
  out.insert(out.end(), message.begin(), message.end());
  write_all(out);
}

// The seccomp filter: everything is allowed except running programs, writing, creating, renaming
// or deleting files, changing permissions, and network sockets, which fail with EPERM. Returns
// false where the kernel or the architecture offers no filter (the limits still hold).
bool forbid_writes_and_programs() {
#if defined(__linux__) && (defined(__x86_64__) || defined(__aarch64__))
#if defined(__x86_64__)
  constexpr std::uint32_t kArch = AUDIT_ARCH_X86_64;
#else
  constexpr std::uint32_t kArch = AUDIT_ARCH_AARCH64;
#endif
  constexpr std::uint32_t kDeny = SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA);
  constexpr std::uint32_t kWriteFlags = O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND;
  std::vector<sock_filter> f;
  auto stmt = [&](std::uint16_t code, std::uint32_t k) { f.push_back(BPF_STMT(code, k)); };
  auto jump = [&](std::uint16_t code, std::uint32_t k, std::uint8_t jt, std::uint8_t jf) { f.push_back(BPF_JUMP(code, k, jt, jf)); };
  stmt(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch));
  jump(BPF_JMP | BPF_JEQ | BPF_K, kArch, 1, 0);
  stmt(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS);  // another ABI than the one this was built for
  stmt(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr));
#if defined(__x86_64__)
  jump(BPF_JMP | BPF_JGE | BPF_K, 0x40000000u, 0, 1);  // the x32 ABI's numbers
  stmt(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS);
#endif
  const long denied[] = {
      SYS_execve, SYS_execveat, SYS_socket, SYS_unlinkat, SYS_renameat2, SYS_mkdirat, SYS_symlinkat, SYS_linkat,
      SYS_fchmodat, SYS_fchownat, SYS_truncate, SYS_mknodat, SYS_ptrace, SYS_fchmod, SYS_fchown, SYS_io_uring_setup,
#if defined(__x86_64__)
      SYS_unlink, SYS_rename, SYS_renameat, SYS_mkdir, SYS_rmdir, SYS_symlink, SYS_link, SYS_chmod, SYS_chown,
      SYS_lchown, SYS_creat, SYS_mknod,
#endif
  };
  for (long nr : denied) {
    jump(BPF_JMP | BPF_JEQ | BPF_K, static_cast<std::uint32_t>(nr), 0, 1);
    stmt(BPF_RET | BPF_K, kDeny);
  }
  // openat2 takes its flags through a pointer the filter cannot read: ENOSYS, and the C library
  // falls back to openat, whose flags it can.
  jump(BPF_JMP | BPF_JEQ | BPF_K, SYS_openat2, 0, 1);
  stmt(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (ENOSYS & SECCOMP_RET_DATA));
  // open(path, flags) and openat(dir, path, flags): no flag that writes or creates.
  struct {
    long nr;
    int flags_arg;
  } opens[] = {
#if defined(__x86_64__)
      {SYS_open, 1},
#endif
      {SYS_openat, 2}};
  for (const auto& o : opens) {
    jump(BPF_JMP | BPF_JEQ | BPF_K, static_cast<std::uint32_t>(o.nr), 0, 4);
    stmt(BPF_LD | BPF_W | BPF_ABS, static_cast<std::uint32_t>(offsetof(seccomp_data, args) + 8 * o.flags_arg));  // low half
    jump(BPF_JMP | BPF_JSET | BPF_K, kWriteFlags, 0, 1);
    stmt(BPF_RET | BPF_K, kDeny);
    stmt(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  }
  stmt(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  sock_fprog prog{static_cast<unsigned short>(f.size()), f.data()};
  if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return false;
  return ::prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) == 0;
#else
  return false;
#endif
}

// Landlock (Linux 5.13 on, unprivileged): from here on the child may read files and list folders
// only beneath the model file's folder, and may not execute, write, truncate, create, link or
// remove anything anywhere. The seccomp filter refuses writes and programs by system call; this
// also refuses READING outside the folder, so a hostile model whose texture names ~/.ssh/id_rsa or
// a colleague's records gets nothing (the loader's own check is the first line, this the second).
// Files already open (the answer pipe, stdin) are unaffected. In a sanitizer build /proc stays
// readable as well: the sanitizer runtime reads /proc/self/maps when it reports. Returns the
// Landlock ABI version used, 0 where the kernel has no Landlock (the other limits still hold).
int confine_to_folder(const std::string& folder, const std::string& real_folder) {
#if defined(__linux__) && defined(SYS_landlock_create_ruleset)
  const long abi = ::syscall(SYS_landlock_create_ruleset, nullptr, 0, LANDLOCK_CREATE_RULESET_VERSION);
  if (abi < 1) return 0;
  // Every file-system right this header and the running kernel know: handled = refused unless a
  // rule below allows it.
  std::uint64_t handled = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_READ_FILE |
                          LANDLOCK_ACCESS_FS_READ_DIR | LANDLOCK_ACCESS_FS_REMOVE_DIR | LANDLOCK_ACCESS_FS_REMOVE_FILE |
                          LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR | LANDLOCK_ACCESS_FS_MAKE_REG |
                          LANDLOCK_ACCESS_FS_MAKE_SOCK | LANDLOCK_ACCESS_FS_MAKE_FIFO | LANDLOCK_ACCESS_FS_MAKE_BLOCK |
                          LANDLOCK_ACCESS_FS_MAKE_SYM;
#if defined(LANDLOCK_ACCESS_FS_REFER)
  if (abi >= 2) handled |= LANDLOCK_ACCESS_FS_REFER;
#endif
#if defined(LANDLOCK_ACCESS_FS_TRUNCATE)
  if (abi >= 3) handled |= LANDLOCK_ACCESS_FS_TRUNCATE;
#endif
  landlock_ruleset_attr attr{};
  attr.handled_access_fs = handled;
  const int ruleset = static_cast<int>(::syscall(SYS_landlock_create_ruleset, &attr, sizeof attr, 0));
  if (ruleset < 0) return 0;
  bool ok = true;
  auto allow_reading = [&](const char* path) {
    const int fd = ::open(path, O_PATH | O_CLOEXEC);
    if (fd < 0) return false;
    landlock_path_beneath_attr rule{};
    rule.allowed_access = LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR;
    rule.parent_fd = fd;
    const bool added = ::syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0) == 0;
    ::close(fd);
    return added;
  };
  ok = allow_reading(folder.c_str());
  if (ok && !real_folder.empty() && real_folder != folder) ok = allow_reading(real_folder.c_str());
  if (ok && kAddressSanitizer) allow_reading("/proc");
  if (ok && ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) ok = false;
  if (ok && ::syscall(SYS_landlock_restrict_self, ruleset, 0) != 0) ok = false;
  ::close(ruleset);
  return ok ? static_cast<int>(abi) : 0;
#else
  (void)folder;
  (void)real_folder;
  return 0;
#endif
}

// The misbehaviour HIPLAB_IMPORT_TEST_HOOK asks for (tests only; the parent never reads it).
void run_test_hook() {
  const char* hook = std::getenv("HIPLAB_IMPORT_TEST_HOOK");
  if (!hook || !*hook) return;
  const std::string h = hook;
  if (h == "crash") std::raise(SIGSEGV);
  if (h == "abort") std::abort();
  if (h == "hang")
    for (;;) ::pause();
  if (h == "spin") {
    std::atomic<std::uint64_t> turns{0};  // work the optimiser cannot drop
    for (;;) turns.fetch_add(1, std::memory_order_relaxed);
  }
  if (h == "hog") {
    std::vector<std::vector<char>> blocks;
    for (;;) blocks.emplace_back(std::size_t{64} << 20, 'x');  // touched, so resident
  }
  if (h == "garbage") {
    write_all({'H', 'L', 'M', 'W', 1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f});
    ::_exit(0);
  }
  if (h == "read-outside") {
    // A texture path naming a file outside the model's folder: Landlock must refuse it.
    const int fd = ::open("../hiplab_outside_the_model_folder.txt", O_RDONLY);  // the test puts one there
    answer_error(fd >= 0 ? "the import child could read outside its folder" : "the import child could not read outside its folder (" +
                                                                                 std::string(std::strerror(errno)) + ")");
    ::_exit(0);
  }
  if (h == "write") {
    // What a subverted parser might try: the filter must refuse it.
    const int fd = ::open("hiplab_import_hook_wrote_this", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    answer_error(fd >= 0 ? "the import child could write a file" : "the import child could not write a file (" +
                                                                       std::string(std::strerror(errno)) + ")");
    ::_exit(0);
  }
}

}  // namespace

int run_import_child(const std::vector<std::string>& args) {
  if (args.size() != 6 || (args[2] != "--prepare" && args[2] != "--occlusion" && args[2] != "--load")) {
    std::fprintf(stderr, "error: %s is HipLab's own import mode, not a command to type\n", kImportChildCommand);
    return 2;
  }
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive the app
  const rlim_t cpu = static_cast<rlim_t>(std::strtoul(args[4].c_str(), nullptr, 10));
  const rlim_t mib = static_cast<rlim_t>(std::strtoul(args[5].c_str(), nullptr, 10));
  const rlimit no_core{0, 0}, cpu_limit{cpu, cpu + 1};
  ::setrlimit(RLIMIT_CORE, &no_core);
  if (cpu > 0) ::setrlimit(RLIMIT_CPU, &cpu_limit);
  if (!kAddressSanitizer && mib > 0) {
    // On top of the code and what is mapped already (a data limit counts every private writable
    // mapping); the parent's watchdog on resident memory holds either way.
    const rlimit data{(mib + 256) << 20, (mib + 256) << 20};
    ::setrlimit(RLIMIT_DATA, &data);
  }
  // The folder as named and, for a model reached through a link, the folder it really lies in.
  std::error_code ec;
  const fs::path real = fs::canonical(args[3], ec);
  const int landlock = confine_to_folder(fs::path(args[3]).parent_path().string(), ec ? std::string() : real.parent_path().string());
  if (landlock == 0) log_info("import child: no Landlock on this system; reads outside the model's folder are not blocked");
  const bool filtered = forbid_writes_and_programs();
  if (!filtered) log_info("import child: no seccomp filter on this system; the limits still hold");
  set_log_sink([](LogLevel, const std::string&) {});  // warnings travel in the answer
  int status = 0;
  try {
    run_test_hook();
    LoadReport report;
    auto loaded = load_model(args[3], &report);
    if (!loaded) {
      answer_error(loaded.error().message);
    } else {
      const Prep prep = args[2] == "--prepare" ? Prep::kFull : args[2] == "--occlusion" ? Prep::kOcclusion : Prep::kNone;
      prepare_for_display(loaded.value(), &report.warnings, {}, prep);
      status = write_all(encode_model(loaded.value(), report.warnings)) ? 0 : 1;
    }
  } catch (const std::bad_alloc&) {
    status = kExitOutOfMemory;
  }
  std::fflush(nullptr);
  ::_exit(status);  // no destructors of a possibly huge model, no exit-time hooks
}

}  // namespace hiplab::app
