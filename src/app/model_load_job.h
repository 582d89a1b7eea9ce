// model_load_job.h — loading a model on a worker thread, so the window keeps drawing (and its
// Cancel button keeps working) while a big file is read (issue 14). The work is
// load_user_model(path, prepare = true) (app/import_sandbox.h): a user's file in the sandboxed
// child, the shipped body in process. The result is taken on the UI thread, which alone touches
// the App and the GPU.
#pragma once
#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <thread>

#include "assets/model.h"
#include "assets/model_loader.h"
#include "core/result.h"

namespace hiplab::app {

class ModelLoadJob {
 public:
  ModelLoadJob() = default;
  ModelLoadJob(const ModelLoadJob&) = delete;
  ModelLoadJob& operator=(const ModelLoadJob&) = delete;
  ~ModelLoadJob();  // cancels and waits

  // Starts loading `path`; a load still running is cancelled first.
  void start(const std::string& path);
  // Asks the running load to stop (the child is killed); its result then says it was cancelled.
  void cancel();
  bool active() const { return active_; }  // started and not yet taken
  bool done() const { return active_ && done_.load(); }
  const std::string& path() const { return path_; }
  double seconds() const;  // since start

  struct Outcome {
    Result<Model> model = make_error("");
    LoadReport report;
  };
  // After done(): the result (the job is then idle again).
  Outcome take();

 private:
  void join();
  std::thread thread_;
  std::atomic<bool> cancel_{false}, done_{false};
  bool active_ = false;
  std::string path_;
  std::chrono::steady_clock::time_point started_{};
  Outcome outcome_;
};

}  // namespace hiplab::app
