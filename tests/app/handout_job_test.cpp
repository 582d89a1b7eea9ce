// Tests src/app/handout_job.h: the child runs beside the caller (poll says nothing until it ends),
// its exit status and last line of output come back once, a second start while one runs is refused,
// and a program that cannot start says so. With /bin/sh standing in for `hiplab handout` (the
// command itself is tested in handout_test.cpp).
#include "app/handout_job.h"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

using namespace hiplab;

namespace {
app::HandoutJob::Ended wait_for(app::HandoutJob& job) {
  for (int i = 0; i < 3000; ++i) {
    if (auto e = job.poll()) return *e;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  FAIL("the child did not end in 30 s");
  return {};
}
}  // namespace

TEST_CASE("handout job: runs beside the caller and reports its status and last line once") {
  app::HandoutJob job;
  REQUIRE(job.start({"/bin/sh", "-c", "sleep 0.3; echo 'handout: 2 pages' >&2; echo /tmp/plan.pdf"}));
  CHECK(job.running());
  CHECK_FALSE(job.poll().has_value());  // still running: the window keeps drawing
  CHECK_FALSE(job.start({"/bin/sh", "-c", "true"}));
  CHECK(job.why() == "a handout is being made already");
  const auto e = wait_for(job);
  CHECK(e.status == 0);
  CHECK(e.message == "/tmp/plan.pdf");
  CHECK_FALSE(job.running());
  CHECK_FALSE(job.poll().has_value());

  REQUIRE(job.start({"/bin/sh", "-c", "echo \"error: --drills item 1 'x': no such drill\" >&2; exit 2"}));
  const auto bad = wait_for(job);
  CHECK(bad.status == 2);
  CHECK(bad.message == "error: --drills item 1 'x': no such drill");
}

TEST_CASE("handout job: a program that cannot start is one message") {
  app::HandoutJob job;
  CHECK_FALSE(job.start({"/nonexistent/hiplab", "handout"}));
  CHECK(job.why().find("/nonexistent/hiplab: cannot start") == 0);
  CHECK_FALSE(job.running());
}
