// Tests src/assets/activity_demands_loader.h on the shipped assets/anatomy/activity_demands.json:
// every figure cites a source with its address, the figures read from the stored pages are there
// as read, a range shows which activities it is enough for, and a broken file is refused by field.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "assets/activity_demands_loader.h"
#include "test_support.h"

namespace hiplab {

namespace {

std::string shipped_demands_path() { return std::string(HIPLAB_SOURCE_DIR) + "/assets/anatomy/activity_demands.json"; }

const anatomy::ActivityDemand* find(const anatomy::ActivityDemands& d, const std::string& id) {
  for (const auto& a : d.activities)
    if (a.id == id) return &a;
  return nullptr;
}

TEST_CASE("activity demands: the shipped file loads and every figure cites a source") {
  auto d = load_activity_demands(shipped_demands_path());
  REQUIRE_MESSAGE(d.ok(), (d.ok() ? "" : d.error().message));
  CHECK(d->activities.size() >= 8);
  for (const auto& a : d->activities) {
    CAPTURE(a.id);
    const anatomy::ActivitySource* s = d->source(a.source);
    REQUIRE(s != nullptr);
    CHECK_FALSE(s->citation.empty());
    CHECK(s->url.rfind("http", 0) == 0);
  }
  // As the stored abstracts give them: Hemmerich et al. 2006 (squatting, heels flat, 95 deg
  // flexion), Ganokroj et al. 2021 (cross-legged sitting, 62 deg external rotation), Hyodo et al.
  // 2017 (putting on shoes, 17 deg adduction).
  REQUIRE(find(*d, "squat_heels_flat"));
  CHECK(find(*d, "squat_heels_flat")->degrees == 95.0);
  CHECK(find(*d, "squat_heels_flat")->movement == "flexion");
  REQUIRE(find(*d, "cross_legged_er"));
  CHECK(find(*d, "cross_legged_er")->degrees == 62.0);
  CHECK(find(*d, "cross_legged_er")->movement == "external_rotation");
  REQUIRE(find(*d, "putting_on_shoes"));
  CHECK(find(*d, "putting_on_shoes")->degrees == 17.0);
  CHECK(d->source("hyodo2017")->citation.find("Braz J Phys Ther. 2017;21(3):159-166") != std::string::npos);
  // Heiderscheit et al. 2011, Table 3 (preferred step rate): running lands with the hip near
  // neutral rotation, 0.4 deg internal at most (SD 4.3).
  REQUIRE(find(*d, "running_landing"));
  CHECK(find(*d, "running_landing")->degrees == 0.4);
  CHECK(find(*d, "running_landing")->movement == "internal_rotation");
  CHECK(d->source("heiderscheit2011")->citation.find("Med Sci Sports Exerc. 2011;43(2):296-302") != std::string::npos);
}

TEST_CASE("activity demands: what 30 deg of flexion, and 45 deg of external rotation, are enough for") {
  auto d = load_activity_demands(shipped_demands_path());
  REQUIRE(d.ok());
  const std::string flex = anatomy::verdict_text(anatomy::verdict(*d, "flexion", 30), "flexion", 30);
  CHECK(flex.rfind("Your 30 deg of flexion is enough for: Stairs: a 20 cm step, trailing leg (20.6 deg). Not yet for: Stairs: a 20 cm step, leading leg (66.3 deg)", 0) == 0);
  const std::string er = anatomy::verdict_text(anatomy::verdict(*d, "external_rotation", 45), "external_rotation", 45);
  CHECK(er == "Your 45 deg of external rotation is enough for: Sitting cross-legged (CT) (41 deg). Not yet for: Sitting cross-legged (62 deg).");
}

TEST_CASE("activity demands: a broken file is refused, naming the entry and the field") {
  const auto dir = test::scratch_dir("activity_demands_bad");
  auto err = [&](const std::string& text) {
    const std::string p = (dir / "a.json").string();
    std::ofstream(p) << text;
    auto r = load_activity_demands(p);
    REQUIRE_FALSE(r.ok());
    return r.error().message.substr(p.size() + 2);
  };
  const std::string src = R"("sources": {"s": {"citation": "A 2000", "url": "https://x"}})";
  CHECK(err("{" + src + R"(, "activities": [{"id": "a", "label": "A", "movement": "rotation", "degrees": 3, "statistic": "m", "source": "s"}]})") ==
        "activities[0].movement: 'rotation': expected internal_rotation, external_rotation, flexion, extension, abduction or adduction");
  CHECK(err("{" + src + R"(, "activities": [{"id": "a", "label": "A", "movement": "flexion", "degrees": 3, "statistic": "m", "source": "t"}]})") ==
        "activities[0].source: 't': expected a key of the file's sources");
  CHECK(err("{" + src + R"(, "activities": [{"id": "a", "label": "A", "movement": "flexion", "degrees": 0, "statistic": "m", "source": "s"}]})") ==
        "activities[0].degrees: expected more than 0 and at most 180, got 0");
  CHECK(err(R"({"sources": {"s": {"citation": "A 2000"}}, "activities": []})") == "sources.s.url: expected a non-empty string");
  CHECK(err("{" + src + R"(, "activities": [{"id": "a", "label": "A", "movement": "flexion", "degrees": 3, "statistic": "m", "source": "s"},
                                           {"id": "a", "label": "B", "movement": "flexion", "degrees": 4, "statistic": "m", "source": "s"}]})") ==
        "activities[1].id: 'a' is used twice");
  CHECK(err("[1,") == "not valid JSON");
}

}  // namespace

}  // namespace hiplab
