// import_sandbox.h — opening a model file from outside HipLab without trusting it (issue 14).
//
// Assimp 5.2 can crash (segfault, abort) or spin on a broken COLLADA or FBX file, inside its own
// code where no check of HipLab's can catch it. So a user's file is parsed in a child process: this
// same program started again in its hidden import mode (`hiplab import-model-child`, run_import_child
// below), which
//   - works in the file's folder, with stdin from /dev/null, stdout and stderr pipes to the parent
//     (what it says on stderr is shown only in sanitizer builds: the user gets one message), and no
//     other descriptor of the parent (not the display connection);
//   - has limits: CPU time (RLIMIT_CPU), memory (RLIMIT_DATA where the build allows it — not under
//     AddressSanitizer, whose shadow mapping such a limit would refuse — and always the parent's
//     watchdog on its resident memory), a wall-clock timeout, no core file;
//   - on Linux x86-64 and AArch64, a seccomp filter (unprivileged: no_new_privs) under which it
//     cannot run a program, open a file for writing, create, rename or delete files, or make a
//     network socket;
//   - loads the model (textures only from the model's folder, regular files, within the sizes of
//     assets/model.h), optionally prepares it for display (assets/display_prep.h), and writes it to
//     the pipe in the checked wire form (assets/model_wire.h), which the parent decodes and
//     validates as untrusted bytes.
// A crash, limit, timeout or cancel is one message naming the file and what happened; the caller
// keeps whatever it had. The shipped body inside the data folder is HipLab's own and loads in
// process (no child: it is what every start-up opens, and start-up time counts).
//
// Limits can be changed through the environment (read by the parent; see the manual page):
//   HIPLAB_IMPORT_TIMEOUT_S (default 60), HIPLAB_IMPORT_CPU_S (20), HIPLAB_IMPORT_MEMORY_MIB
//   (4096, at most half the machine's memory).
// For tests only, HIPLAB_IMPORT_TEST_HOOK makes the child misbehave before it loads: crash, abort,
// hang, spin, hog (memory), garbage (a malformed answer). The parent never reads it.
#pragma once
#include <atomic>
#include <cstddef>
#include <string>
#include <vector>

#include "assets/display_prep.h"
#include "assets/model_loader.h"
#include "assets/model_wire.h"
#include "core/result.h"

namespace hiplab::app {

inline constexpr const char* kImportChildCommand = "import-model-child";

struct ImportLimits {
  double timeout_s = 60.0;
  int cpu_s = 20;
  std::size_t memory_mib = 4096;
  // The defaults above, changed by the environment variables named in the file comment (values
  // out of range are ignored with a warning).
  static ImportLimits from_environment();
};

// The shipped body (a file inside the data folder's models/), which loads in process.
bool is_shipped_model(const std::string& path);

// Parses `path` in the sandboxed child, which also prepares it for display as `prep` says
// (assets/display_prep.h).
// `cancel` (may be null) is polled: when it turns true the child is killed and the result says so.
Result<WireModel> import_in_child(const std::string& path, Prep prep, const ImportLimits& limits,
                                  const std::atomic<bool>* cancel = nullptr);

// What every command and the window call: the shipped body in process, any other file through
// import_in_child with the environment's limits. Warnings land in `report` (and the log).
Result<Model> load_user_model(const std::string& path, Prep prep, LoadReport* report = nullptr,
                              const std::atomic<bool>* cancel = nullptr);

// The child's side: args are {program, kImportChildCommand, "--load"|"--occlusion"|"--prepare", path,
// cpu seconds, memory MiB}. Writes the answer to stdout and returns the exit status.
int run_import_child(const std::vector<std::string>& args);

}  // namespace hiplab::app
