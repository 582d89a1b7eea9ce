// model_load_job.cpp — see model_load_job.h.
#include "app/model_load_job.h"

#include <utility>

#include "app/import_sandbox.h"

namespace hiplab::app {

ModelLoadJob::~ModelLoadJob() {
  cancel();
  join();
}

void ModelLoadJob::join() {
  if (thread_.joinable()) thread_.join();
}

void ModelLoadJob::start(const std::string& path) {
  cancel();
  join();
  cancel_ = false;
  done_ = false;
  active_ = true;
  path_ = path;
  started_ = std::chrono::steady_clock::now();
  outcome_ = Outcome{};
  thread_ = std::thread([this, path] {
    // Only this thread writes outcome_ until done_ is set; the UI thread reads it after.
    outcome_.model = load_user_model(path, Prep::kFull, &outcome_.report, &cancel_);
    done_ = true;
  });
}

void ModelLoadJob::cancel() { cancel_ = true; }

double ModelLoadJob::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

ModelLoadJob::Outcome ModelLoadJob::take() {
  join();
  active_ = false;
  // A load cancelled too late to stop (the shipped body loads in process) is still not used.
  if (cancel_ && outcome_.model) outcome_.model = make_error(path_ + ": loading was cancelled; nothing was loaded");
  return std::exchange(outcome_, Outcome{});
}

}  // namespace hiplab::app
