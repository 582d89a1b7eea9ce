// handout_job.h — the window's Handout dialog makes its PDF beside the window: `hiplab handout`
// (app/cmd_handout.h) run as a child process of this same program, so the window keeps drawing
// while the pictures render, and a failure in the child never takes the window down. The child's
// stderr goes to a temporary file; its last line is the message the window shows when it ends.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace hiplab::app {

class HandoutJob {
 public:
  HandoutJob() = default;
  HandoutJob(const HandoutJob&) = delete;
  HandoutJob& operator=(const HandoutJob&) = delete;
  ~HandoutJob();  // waits for a child still running (its file is finished, never half-written)

  // Starts `argv` (argv[0]: the program's path). False, with why(), when it cannot start or one runs.
  bool start(const std::vector<std::string>& argv);
  bool running() const { return pid_ > 0; }
  // Once the child has ended: its exit status and the last line it wrote on stderr (then not again).
  struct Ended {
    int status = 0;
    std::string message;
  };
  std::optional<Ended> poll();
  const std::string& why() const { return why_; }

 private:
  pid_t pid_ = -1;
  std::string log_;
  std::string why_;
};

// This program's own path (/proc/self/exe), for starting `hiplab handout`.
std::string own_program_path();

}  // namespace hiplab::app
