// test_support.h — helpers shared by tests: scratch directories, the reference-data path, skipping
// a test that cannot run here, and reading what a command prints.
#pragma once
#include <filesystem>
#include <functional>
#include <string>

namespace hiplab::test {

// The exit status of a test process in which something was skipped and nothing failed. ctest runs
// one test case per process (doctest_discover_tests) and reports this status as "Not Run
// (Skipped)" (SKIP_RETURN_CODE in tests/CMakeLists.txt), never as passed.
constexpr int kSkipReturnCode = 77;

// Marks the running test case as skipped: prints "SKIPPED: <why>" and makes the process end with
// kSkipReturnCode unless a check failed. Only for what a test needs from outside the project (the
// reference folder, the glTF validator, a GL driver, permissions that bind); the project's own
// files are REQUIREd. The caller leaves the test case right after (HIPLAB_SKIP does both).
void mark_skipped(const std::string& why);

// The process status for doctest's result `rc`: rc itself when something failed, else
// kSkipReturnCode when a test case was skipped (listing them), else 0. Used by test_main.cpp.
int exit_status(int rc);

// A fresh, empty directory under the system temp dir, unique to this process and tag.
std::filesystem::path scratch_dir(const std::string& tag);

// The reference folder (HIPLAB_REFERENCE_DIR, default ../shared/reference beside the project), or
// empty when it is absent.
std::filesystem::path reference_dir();

// True when a headless session's error says this machine has no usable EGL display or OpenGL 3.3
// context (render/egl_context.cpp's "headless OpenGL unavailable: ..."): the GL test is then
// skipped. Any other error (a shader that does not compile, ...) is a failure.
bool gl_unavailable(const std::string& error_message);

// What `fn` writes to stdout (file descriptor 1, so printf and std::cout alike), with its result.
struct Captured {
  int status = 0;
  std::string out;
};
Captured capture_stdout(const std::function<int()>& fn);
// The same for stderr (file descriptor 2: fprintf(stderr) and std::cerr), where commands report.
Captured capture_stderr(const std::function<int()>& fn);

// A shell command's standard output (popen), "" when it cannot start.
std::string run_program(const std::string& command);
// Whether a program is on the PATH.
bool have_program(const std::string& name);

// A file's whole contents, bytes as they are ("" when it cannot be read).
std::string read_all(const std::filesystem::path& path);
// A file's permission bits (mode & 0777); REQUIREs that it exists.
unsigned mode_of(const std::filesystem::path& path);

}  // namespace hiplab::test

// Skips the running test case (see mark_skipped) and returns from the enclosing void function.
#define HIPLAB_SKIP(why)                   \
  do {                                     \
    ::hiplab::test::mark_skipped(why);     \
    return;                                \
  } while (0)
