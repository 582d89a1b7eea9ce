// muscle_info.cpp — see muscle_info.h. Anatomy text after Gray's Anatomy (41st ed., 2016) and
// Moore, Dalley & Agur, Clinically Oriented Anatomy (8th ed., 2018); rotation changes with hip
// flexion after Delp, Hess, Hungerford & Jones 1999 (J Biomech 32:493) and Dostal, Soderberg &
// Andrews 1986 (Phys Ther 66:351). Numbers (forces, lengths, pennation) come from Gait2392 through
// hiplab_anatomy (muscle_data.h), not from this file.
#include "muscle_info.h"

#include <cmath>
#include <string_view>

#include <nlohmann/json.hpp>

#include "anatomy/muscle_data.h"

namespace hiplab::modelgen {
namespace {

struct Words {
  std::string_view name, display, description, origin, insertion, innervation, actions, rotation;
  int r, g, b;
};

// clang-format off
constexpr Words kWords[] = {
  {"glut_med1", "Gluteus medius (front part)", "Fan-shaped muscle on the side of the hip; its front fibres steady the pelvis when you stand on one leg and turn the thigh inward.", "Outer surface of the ilium between the anterior and posterior gluteal lines, front part", "Lateral surface of the greater trochanter", "Superior gluteal nerve (L4-S1)", "hip abduction; hip internal rotation; hip flexion (assists)", "Internal rotator at every hip angle; its internal-rotation moment arm grows as the hip flexes.", 214, 96, 77},
  {"glut_med2", "Gluteus medius (middle part)", "Middle of the side-hip fan; the main muscle that keeps the pelvis level when walking.", "Outer surface of the ilium below the iliac crest, middle part", "Lateral surface of the greater trochanter", "Superior gluteal nerve (L4-S1)", "hip abduction", "Small rotation effect near standing; becomes an internal rotator as the hip flexes.", 204, 86, 70},
  {"glut_med3", "Gluteus medius (back part)", "Back fibres of the side-hip fan, lying under gluteus maximus.", "Outer surface of the ilium, posterior part near the posterior gluteal line", "Posterosuperior greater trochanter", "Superior gluteal nerve (L4-S1)", "hip abduction; hip external rotation (hip straight); hip extension (assists)", "External rotator with the hip straight; switches to internal rotation as the hip flexes (Delp 1999).", 190, 78, 64},
  {"glut_min1", "Gluteus minimus (front part)", "Deepest and smallest gluteal muscle, under gluteus medius; a strong inward turner of the thigh.", "Outer surface of the ilium between the anterior and inferior gluteal lines, front part", "Anterior surface of the greater trochanter", "Superior gluteal nerve (L4-S1)", "hip internal rotation; hip abduction; hip flexion (assists)", "Internal rotator; moment arm grows with hip flexion.", 232, 128, 96},
  {"glut_min2", "Gluteus minimus (middle part)", "Middle of the deep gluteal fan.", "Outer surface of the ilium between the anterior and inferior gluteal lines, middle part", "Anterior greater trochanter", "Superior gluteal nerve (L4-S1)", "hip abduction; hip internal rotation", "Internal rotator, more so in flexion.", 222, 118, 88},
  {"glut_min3", "Gluteus minimus (back part)", "Back of the deep gluteal fan, close to the hip capsule.", "Outer surface of the ilium, posterior part near the greater sciatic notch", "Anterior greater trochanter", "Superior gluteal nerve (L4-S1)", "hip abduction; hip external rotation (hip straight)", "Slight external rotator when the hip is straight; internal rotator in flexion.", 212, 108, 80},
  {"glut_max1", "Gluteus maximus (upper part)", "The big buttock muscle; its upper fibres also help lift the leg out to the side.", "Posterior gluteal line of the ilium and iliac crest behind it", "Iliotibial tract and gluteal tuberosity of the femur", "Inferior gluteal nerve (L5-S2)", "hip extension; hip external rotation; hip abduction (upper fibres)", "Strong external rotator with the hip straight; upper fibres lose external rotation and can turn the thigh inward at 90 deg flexion.", 168, 50, 50},
  {"glut_max2", "Gluteus maximus (middle part)", "Middle of the big buttock muscle; powers standing up, climbing and sprinting.", "Posterior ilium, dorsal sacrum and coccyx, sacrotuberous ligament", "Gluteal tuberosity and iliotibial tract", "Inferior gluteal nerve (L5-S2)", "hip extension; hip external rotation", "External rotator; capacity falls as the hip flexes.", 156, 44, 46},
  {"glut_max3", "Gluteus maximus (lower part)", "Lowest fibres of the buttock muscle, over the sitting bone.", "Sacrum, coccyx and sacrotuberous ligament", "Gluteal tuberosity of the femur", "Inferior gluteal nerve (L5-S2)", "hip extension; hip external rotation; hip adduction (lower fibres)", "External rotator at all hip angles tested.", 144, 38, 42},
  {"tfl", "Tensor fasciae latae", "Small muscle at the front of the hip that tightens the band down the outside of the thigh. A known limit of HipLab's model: it uses the published Gait2392 figures for TFL, short fibres (9.5 cm) on a very long tendon (42.5 cm), refitted to 9.4 and 42.2 cm for HipLab's own path, so the fibres take up nearly all of the change in the muscle's length. With the hip bent they become far shorter than real fibres work (three quarters of their best length at 45 degrees, under a tenth at 90 degrees), and the model then gives TFL little strength; with the hip straight and stretched back they are longer than their best length. HipLab shows what the model gives and changes these published numbers only to fit its own path (Modenese 2016), so read TFL's effort in drills with the hip well bent with care.", "Anterior superior iliac spine and outer iliac crest", "Iliotibial tract (to the lateral tibial condyle)", "Superior gluteal nerve (L4-S1)", "hip flexion; hip abduction; hip internal rotation", "Internal rotator; moment arm grows with hip flexion.", 236, 150, 90},
  {"peri", "Piriformis", "Pear-shaped deep muscle from the sacrum to the top of the thigh bone; the classic hip rotator that changes role with hip flexion.", "Anterior surface of the sacrum (S2-S4) and greater sciatic notch", "Upper border of the greater trochanter", "Nerve to piriformis (S1-S2)", "hip external rotation (hip straight); hip abduction in flexion", "About 29 mm external-rotation moment arm with the hip straight, about 14 mm internal at 90 deg flexion (Delp 1999).", 120, 70, 160},
  {"semiten", "Semitendinosus", "Inner hamstring with a long cord-like tendon; bends the knee and straightens the hip.", "Ischial tuberosity (common tendon with biceps femoris long head)", "Medial upper tibia (pes anserinus)", "Tibial part of the sciatic nerve (L5-S2)", "hip extension; knee flexion; knee internal rotation", "Small hip internal-rotation effect.", 120, 40, 80},
  {"semimem", "Semimembranosus", "The deepest inner hamstring, broad and flat.", "Ischial tuberosity", "Posterior medial tibial condyle", "Tibial part of the sciatic nerve (L5-S2)", "hip extension; knee flexion; knee internal rotation", "Small hip internal-rotation effect.", 130, 48, 88},
  {"bifemlh", "Biceps femoris (long head)", "Outer hamstring crossing hip and knee.", "Ischial tuberosity", "Head of the fibula", "Tibial part of the sciatic nerve (L5-S2)", "hip extension; knee flexion; knee external rotation", "Small hip external-rotation effect.", 110, 36, 72},
  {"bifemsh", "Biceps femoris (short head)", "Outer hamstring that crosses only the knee.", "Linea aspera of the femur", "Head of the fibula", "Common fibular part of the sciatic nerve (L5-S2)", "knee flexion; knee external rotation", "Does not cross the hip.", 100, 32, 66},
  {"add_long", "Adductor longus", "Long inner-thigh muscle you can feel as a cord in the groin.", "Body of the pubis below the pubic crest", "Middle third of the linea aspera", "Obturator nerve (L2-L4)", "hip adduction; hip flexion (from extension)", "Rotation moment arm small (< 6 mm); sign depends on posture.", 70, 130, 180},
  {"add_brev", "Adductor brevis", "Short inner-thigh muscle under adductor longus.", "Body and inferior ramus of the pubis", "Upper linea aspera and pectineal line", "Obturator nerve (L2-L4)", "hip adduction; hip flexion (assists)", "Small rotation moment arm.", 80, 140, 190},
  {"add_mag1", "Adductor magnus (upper part)", "Top part of the biggest inner-thigh muscle.", "Inferior pubic ramus", "Gluteal tuberosity and upper linea aspera", "Obturator nerve (L2-L4)", "hip adduction", "Small rotation moment arm.", 60, 110, 170},
  {"add_mag2", "Adductor magnus (middle part)", "Middle part of the biggest inner-thigh muscle.", "Ischial ramus", "Linea aspera", "Obturator nerve (L2-L4)", "hip adduction; hip extension (assists)", "Small rotation moment arm.", 54, 100, 160},
  {"add_mag3", "Adductor magnus (hamstring part)", "Lower, hamstring-like part of adductor magnus, down to the knee.", "Ischial tuberosity", "Adductor tubercle of the femur", "Tibial part of the sciatic nerve (L4)", "hip extension; hip adduction", "Small rotation moment arm.", 48, 90, 150},
  {"pect", "Pectineus", "Flat square muscle at the top of the inner thigh, in the groin.", "Pectineal line of the pubis", "Pectineal line of the femur", "Femoral nerve (L2-L3), sometimes obturator", "hip adduction; hip flexion", "Small rotation moment arm.", 90, 160, 200},
  {"grac", "Gracilis", "Long, thin inner-thigh muscle that crosses hip and knee.", "Body and inferior ramus of the pubis", "Medial upper tibia (pes anserinus)", "Obturator nerve (L2-L3)", "hip adduction; knee flexion; knee internal rotation", "Small rotation moment arm.", 100, 170, 210},
  {"iliacus", "Iliacus", "Fan-shaped muscle lining the inside of the pelvis bowl; with psoas it lifts the thigh.", "Iliac fossa", "Lesser trochanter (with psoas)", "Femoral nerve (L2-L3)", "hip flexion", "Small rotation effect; external with the hip straight in most models.", 200, 150, 60},
  {"psoas", "Psoas major", "Long muscle from the lumbar spine to the thigh; the main hip flexor.", "Bodies and transverse processes of T12-L5", "Lesser trochanter", "Lumbar plexus (L1-L3)", "hip flexion; lumbar spine flexion", "Small rotation effect.", 210, 160, 70},
  {"sar", "Sartorius", "The longest muscle in the body, a strap across the front of the thigh.", "Anterior superior iliac spine", "Medial upper tibia (pes anserinus)", "Femoral nerve (L2-L3)", "hip flexion; hip abduction; hip external rotation; knee flexion", "External rotator with the hip straight; small effect in flexion.", 230, 190, 100},
  {"rect_fem", "Rectus femoris", "The quadriceps part that crosses the hip; straightens the knee and lifts the thigh.", "Anterior inferior iliac spine and the rim above the acetabulum", "Patella and, through the patellar tendon, the tibial tuberosity", "Femoral nerve (L2-L4)", "knee extension; hip flexion", "Negligible rotation.", 200, 70, 100},
  {"quad_fem", "Quadratus femoris", "Small square deep rotator below the gemelli. A known limit of HipLab's model: with the published Gait2392 figures (5.4 cm fibres on a 2.4 cm tendon; 5.5 and 2.2 cm refitted for HipLab's own path) its fibres are stretched to nearly twice their best length when the hip is bent to 90 degrees and turned in (as in the supine RAILs), which is beyond the range real muscle fibres are stretched to; HipLab shows what the model gives and changes the published numbers only to fit its own path (Modenese 2016).", "Lateral border of the ischial tuberosity", "Quadrate tubercle on the intertrochanteric crest", "Nerve to quadratus femoris (L4-S1)", "hip external rotation; hip adduction", "Stays an external rotator through flexion.", 140, 90, 170},
  {"gem", "Gemelli (with obturator internus)", "Deep rotators that run sideways behind the hip joint.", "Ischial spine (superior) and ischial tuberosity (inferior)", "Medial surface of the greater trochanter", "Nerves to obturator internus and quadratus femoris (L4-S2)", "hip external rotation", "Stays an external rotator through flexion.", 130, 80, 165},
  {"vas_med", "Vastus medialis", "The inner part of the quadriceps, the teardrop bulge above the inside of the kneecap; straightens the knee and keeps the kneecap tracking in its groove.", "Intertrochanteric line and the medial lip of the linea aspera of the femur", "Base and inner border of the patella and, through the patellar tendon, the tibial tuberosity", "Femoral nerve (L2-L4)", "knee extension; steadies the patella", "Does not cross the hip: no hip rotation at any hip angle.", 196, 70, 62},
  {"vas_int", "Vastus intermedius", "The deepest part of the quadriceps, lying on the front of the thigh bone under rectus femoris; straightens the knee.", "Front and outer surfaces of the upper two-thirds of the femoral shaft", "Deep surface of the quadriceps tendon, the patella and, through the patellar tendon, the tibial tuberosity", "Femoral nerve (L2-L4)", "knee extension", "Does not cross the hip: no hip rotation at any hip angle.", 186, 64, 58},
  {"vas_lat", "Vastus lateralis", "The largest part of the quadriceps, on the outside of the thigh; straightens the knee when you stand up, climb or land.", "Greater trochanter and the lateral lip of the linea aspera of the femur", "Base and outer border of the patella and, through the patellar tendon, the tibial tuberosity", "Femoral nerve (L2-L4)", "knee extension", "Does not cross the hip: no hip rotation at any hip angle.", 206, 78, 66},
  {"med_gas", "Gastrocnemius (inner head)", "The inner half of the calf bulge; lifts the heel to push off when you walk, run or rise onto your toes, and helps bend the knee.", "Back of the femur just above the medial condyle", "Back of the heel bone (calcaneus) through the Achilles tendon", "Tibial nerve (S1-S2)", "ankle plantarflexion; knee flexion (assists)", "Does not cross the hip: no hip rotation at any hip angle.", 200, 84, 74},
  {"lat_gas", "Gastrocnemius (outer head)", "The outer half of the calf bulge, smaller than the inner head; lifts the heel and helps bend the knee.", "Outer side of the lateral femoral condyle", "Back of the heel bone (calcaneus) through the Achilles tendon", "Tibial nerve (S1-S2)", "ankle plantarflexion; knee flexion (assists)", "Does not cross the hip: no hip rotation at any hip angle.", 208, 92, 80},
  {"soleus", "Soleus", "Broad flat calf muscle under the gastrocnemius; keeps you from tipping forward when standing and lifts the heel whatever the knee is doing.", "Back of the head and upper quarter of the fibula, the soleal line and inner border of the tibia", "Back of the heel bone (calcaneus) through the Achilles tendon", "Tibial nerve (S1-S2)", "ankle plantarflexion; steadies the leg over the foot", "Does not cross the hip: no hip rotation at any hip angle.", 176, 70, 62},
  {"tib_post", "Tibialis posterior", "The deepest calf muscle, between the two shin bones; its tendon passes behind the inner ankle bone and holds up the inner arch of the foot.", "Interosseous membrane and the back of the tibia and fibula below the soleal line", "Tuberosity of the navicular, the cuneiforms, cuboid and bases of the 2nd-4th metatarsals", "Tibial nerve (L4-L5)", "foot inversion; ankle plantarflexion; supports the medial arch", "Does not cross the hip: no hip rotation at any hip angle.", 168, 76, 70},
  {"flex_dig", "Flexor digitorum longus", "Deep calf muscle on the inner side whose tendons curl the four small toes and help grip the ground.", "Back of the tibia below the soleal line, inner part", "Bases of the end bones (distal phalanges) of the 2nd-5th toes", "Tibial nerve (S2-S3)", "flexion of the lateral four toes; ankle plantarflexion (assists); supports the arch", "Does not cross the hip: no hip rotation at any hip angle.", 160, 72, 66},
  {"flex_hal", "Flexor hallucis longus", "Deep calf muscle on the outer side whose tendon bends the big toe; gives the final push-off in walking.", "Lower two-thirds of the back of the fibula and the interosseous membrane", "Base of the end bone (distal phalanx) of the big toe", "Tibial nerve (S2-S3)", "big-toe flexion; ankle plantarflexion (assists); supports the medial arch", "Does not cross the hip: no hip rotation at any hip angle.", 172, 80, 72},
  {"tib_ant", "Tibialis anterior", "The muscle you feel just outside the front edge of the shin bone; lifts the foot so the toes clear the ground and lowers it gently after the heel lands.", "Lateral condyle and upper half of the outer surface of the tibia, and the interosseous membrane", "Inner and under surfaces of the medial cuneiform and the base of the 1st metatarsal", "Deep fibular (peroneal) nerve (L4-L5)", "ankle dorsiflexion; foot inversion", "Does not cross the hip: no hip rotation at any hip angle.", 214, 100, 82},
  {"per_brev", "Peroneus (fibularis) brevis", "Short muscle on the outer side of the lower leg; its tendon passes behind the outer ankle bone and turns the sole outward, guarding against ankle sprains.", "Lower two-thirds of the outer surface of the fibula", "Tuberosity on the outer side of the base of the 5th metatarsal", "Superficial fibular (peroneal) nerve (L5-S2)", "foot eversion; ankle plantarflexion (weak)", "Does not cross the hip: no hip rotation at any hip angle.", 222, 112, 88},
  {"per_long", "Peroneus (fibularis) longus", "Long muscle on the outer side of the lower leg; its tendon runs behind the outer ankle bone and under the sole to the big-toe side, turning the sole outward and bracing the arch.", "Head and upper two-thirds of the outer surface of the fibula", "Base of the 1st metatarsal and the medial cuneiform (under the sole)", "Superficial fibular (peroneal) nerve (L5-S2)", "foot eversion; ankle plantarflexion (weak); supports the transverse arch", "Does not cross the hip: no hip rotation at any hip angle.", 228, 120, 94},
  {"per_tert", "Peroneus (fibularis) tertius", "Small muscle at the front and outside of the lower shin (not everyone has one); lifts the outer edge of the foot.", "Lower third of the front of the fibula and the interosseous membrane", "Top of the base of the 5th metatarsal", "Deep fibular (peroneal) nerve (L5-S1)", "ankle dorsiflexion; foot eversion", "Does not cross the hip: no hip rotation at any hip angle.", 218, 118, 96},
  {"ext_dig", "Extensor digitorum longus", "Muscle at the front and outside of the shin whose four tendons fan out on the top of the foot and lift the small toes.", "Lateral condyle of the tibia, upper three-quarters of the front of the fibula and the interosseous membrane", "Middle and end bones (phalanges) of the 2nd-5th toes through the extensor expansions", "Deep fibular (peroneal) nerve (L5-S1)", "extension of the lateral four toes; ankle dorsiflexion", "Does not cross the hip: no hip rotation at any hip angle.", 210, 108, 90},
  {"ext_hal", "Extensor hallucis longus", "Thin muscle between tibialis anterior and the toe extensor; its tendon, visible on the top of the foot, lifts the big toe.", "Middle part of the front of the fibula and the interosseous membrane", "Top of the base of the end bone (distal phalanx) of the big toe", "Deep fibular (peroneal) nerve (L5-S1)", "big-toe extension; ankle dorsiflexion", "Does not cross the hip: no hip rotation at any hip angle.", 204, 104, 88},
};
// clang-format on

double round6(double v) { return std::round(v * 1e6) / 1e6; }

}  // namespace

std::string muscles_json() {
  using nlohmann::ordered_json;
  ordered_json doc;
  doc["about"] = "Lower-limb muscles (hip, thigh, leg) of the HipLab body model. Generated by tools/model_generator; do not edit by hand.";
  doc["units"] = {{"force", "N"}, {"length", "m"}, {"angle", "rad"}, {"colour", "sRGB 0-255"}};
  doc["sources"] = {
      "Joint centres and muscle paths from the OpenSim Gait2392 model (Delp et al. 1990; Anderson & Pandy 1999; Thelen 2003), CC BY 3.0.",
      "Anatomy text: Gray's Anatomy, 41st ed. (2016); Moore, Dalley & Agur, Clinically Oriented Anatomy, 8th ed. (2018).",
      "Rotation vs hip flexion: Delp, Hess, Hungerford & Jones 1999, J Biomech 32:493-501; Dostal, Soderberg & Andrews 1986, Phys Ther 66:351-361."};
  doc["sides"] = {"_r", "_l"};
  ordered_json list = ordered_json::array();
  for (int i = 0; i < hiplab::anatomy::kMuscleCount; ++i) {
    const auto& ms = hiplab::anatomy::muscle(i);
    const Words* w = nullptr;
    for (const auto& x : kWords)
      if (x.name == ms.name) w = &x;
    ordered_json m;
    m["name"] = ms.name;
    m["path_nodes"] = "muscle." + std::string(ms.name) + "_<r|l>.p<i>";
    m["display_name"] = w ? w->display : ms.label;
    m["group"] = hiplab::anatomy::muscle_group_name(ms.group);
    if (w) {
      m["description"] = w->description;
      m["origin"] = w->origin;
      m["insertion"] = w->insertion;
      m["innervation"] = w->innervation;
      m["primary_actions"] = w->actions;
      m["rotation_with_hip_flexion"] = w->rotation;
      m["colour"] = {w->r, w->g, w->b};
    }
    m["max_isometric_force_n"] = round6(ms.max_isometric_force_n);
    m["optimal_fibre_length_m"] = round6(ms.optimal_fiber_length_m);
    m["tendon_slack_length_m"] = round6(ms.tendon_slack_length_m);
    m["pennation_rad"] = round6(ms.pennation_at_optimal_rad);
    m["path_points"] = ms.points.size();
    m["source"] = "Gait2392 (Delp 1990; Anderson & Pandy 1999; Thelen 2003), CC BY 3.0";
    list.push_back(m);
  }
  doc["muscles"] = list;
  return doc.dump(2) + "\n";
}

}  // namespace hiplab::modelgen
