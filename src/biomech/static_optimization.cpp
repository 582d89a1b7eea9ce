#include "biomech/static_optimization.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hiplab::biomech {
namespace {

static_assert(kMaxRows <= 255, "row ranges are stored in bytes");
using Vec = std::array<double, kMaxRows>;
using Mat = std::array<std::array<double, kMaxRows>, kMaxRows>;

enum class State : unsigned char { kLower, kUpper, kFree };

// G = L L^T by Cholesky for a symmetric positive semi-definite G whose rows are either all zero
// (no free variable reaches that coordinate: x_k = 0 in x = G^+ b, as the pseudo-inverse gives) or
// part of a well-conditioned block; factored once, solved for as many right-hand sides as needed.
// factor() returns false when a pivot is too small to trust (then use the pivoted or Jacobi path).
// Row i of L is zero left of row i of G's first non-zero (no fill outside the envelope: George &
// Liu 1981, Computer Solution of Large Sparse Positive Definite Systems, ch. 4), so those products
// are skipped: a muscle reaches only its own leg's rows, and the legs' blocks meet only through the
// body's rows. Skipping exact zeros leaves every sum bit for bit as it was.
struct Cholesky {
  std::array<int, kMaxRows> idx{};    // the non-zero rows of G, in order
  std::array<int, kMaxRows> first{};  // first non-zero column of row i of L (compressed order)
  int r = 0, m = 0;
  Mat l;

  bool factor(const Mat& g, int rows) {
    m = rows;
    r = 0;
    double dmax = 0.0;
    for (int i = 0; i < m; ++i) dmax = std::max(dmax, g[i][i]);
    if (dmax <= 0.0) return true;
    for (int i = 0; i < m; ++i) {
      if (g[i][i] > 0.0) { idx[r++] = i; continue; }
      for (int j = 0; j < m; ++j)
        if (g[i][j] != 0.0) return false;  // a zero diagonal with a non-zero row: not semi-definite-clean
    }
    for (int i = 0; i < r; ++i) {
      int f = 0;
      while (g[idx[i]][idx[f]] == 0.0) ++f;  // stops at i at the latest (positive diagonal)
      first[i] = f;
      for (int j = 0; j < f; ++j) l[i][j] = 0.0;
      for (int j = f; j <= i; ++j) {
        double sum = g[idx[i]][idx[j]];
        for (int k = std::max(f, first[j]); k < j; ++k) sum -= l[i][k] * l[j][k];
        if (i == j) {
          if (sum <= 1e-9 * g[idx[i]][idx[i]] || sum <= 1e-13 * dmax) return false;
          l[i][i] = std::sqrt(sum);
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    return true;
  }
  // L L^T + sigma w w^T, for a factor of every row (r == m, idx the identity): sigma = +1 when a
  // variable joins the free set (w its column), -1 when one leaves. The rank-one modification of
  // Gill, Golub, Murray & Saunders 1974 (Math. Comp. 28:505; Golub & Van Loan 2013, Matrix
  // Computations, 4th ed., sec. 6.5), O(m^2) against factor()'s O(m^3). w is zero above row
  // `from`; rows whose envelope starts later meet no change left of it (their L and w entries stay
  // exactly zero), so the envelope of the rows w reaches moves up to `from` and no other changes.
  // `g` is the modified Gram matrix: a pivot fails factor()'s test against it, and the
  // result is false (the factor is then spoilt: make it again).
  bool rank_one(Vec w, double sigma, int from, int to, const Mat& g, double dmax) {
    for (int i = from; i < to; ++i) first[i] = std::min(first[i], from);
    for (int k = from; k < m; ++k) {
      if (w[k] == 0.0) continue;
      const double lkk = l[k][k];
      const double r2 = lkk * lkk + sigma * w[k] * w[k];
      if (!(r2 > 1e-9 * g[k][k]) || r2 <= 1e-13 * dmax) return false;
      const double rk = std::sqrt(r2), c = rk / lkk, s = w[k] / lkk;
      l[k][k] = rk;
      for (int i = k + 1; i < m; ++i) {
        if (first[i] > k) continue;
        l[i][k] = (l[i][k] + sigma * s * w[i]) / c;
        w[i] = c * w[i] - s * l[i][k];
      }
    }
    return true;
  }
  Vec solve(const Vec& b) const {
    Vec y{};
    for (int i = 0; i < r; ++i) {
      double sum = b[idx[i]];
      for (int k = first[i]; k < i; ++k) sum -= l[i][k] * y[k];
      y[i] = sum / l[i][i];
    }
    Vec x{};
    for (int i = r - 1; i >= 0; --i) {
      double sum = y[i];
      for (int k = i + 1; k < r; ++k) sum -= l[k][i] * x[idx[k]];
      x[idx[i]] = sum / l[i][i];
    }
    return x;
  }
};

// x = G^{-1} b (G^+ b on G's zero rows) in one call; false as Cholesky::factor.
bool cholesky_solve(const Mat& g, const Vec& b, int m, Vec& x) {
  Cholesky c;
  if (!c.factor(g, m)) return false;
  x = c.solve(b);
  return true;
}

// Pseudo-inverse solve x = G^+ b for a symmetric positive semi-definite G of rank r < m, by
// Cholesky with diagonal pivoting (Higham 2002, Accuracy and Stability of Numerical Algorithms,
// 2nd ed., sec. 10.3): P^T G P = L L^T with L m x r, stopping when every pivot left is below
// `cut` (the rank decision). With G = P L L^T P^T and L of full column rank,
// G^+ = P L (L^T L)^-2 L^T P^T, so x = P L v with (L^T L) u = L^T P^T b and (L^T L) v = u: two
// r x r Cholesky solves. O(m^2 r) against the Jacobi sweeps' O(m^3) per sweep.
bool pivoted_pinv_solve(const Mat& g, const Vec& b, int m, double cut, Vec& x) {
  std::array<int, kMaxRows> p{};
  Vec d{};
  for (int i = 0; i < m; ++i) { p[i] = i; d[i] = g[i][i]; }
  Mat l{};  // l[i][j]: row i of the permuted order, column j
  int r = 0;
  for (; r < m; ++r) {
    int q = r;
    for (int i = r + 1; i < m; ++i)
      if (d[i] > d[q]) q = i;
    if (!(d[q] > cut)) break;
    std::swap(p[r], p[q]);
    std::swap(d[r], d[q]);
    std::swap(l[r], l[q]);
    const double piv = std::sqrt(d[r]);
    l[r][r] = piv;
    for (int i = r + 1; i < m; ++i) {
      double sum = g[p[i]][p[r]];
      for (int k = 0; k < r; ++k) sum -= l[i][k] * l[r][k];
      l[i][r] = sum / piv;
      d[i] -= l[i][r] * l[i][r];
    }
  }
  x = Vec{};
  if (r == 0) return true;
  Mat mm{};
  Vec c{};
  for (int j = 0; j < r; ++j) {
    for (int k = j; k < r; ++k) {
      double sum = 0.0;
      for (int i = std::max(j, k); i < m; ++i) sum += l[i][j] * l[i][k];  // l is lower trapezoidal
      mm[j][k] = mm[k][j] = sum;
    }
    double sum = 0.0;
    for (int i = j; i < m; ++i) sum += l[i][j] * b[p[i]];
    c[j] = sum;
  }
  Cholesky ch;
  if (!ch.factor(mm, r)) return false;
  const Vec u = ch.solve(c), v = ch.solve(u);
  for (int i = 0; i < m; ++i) {
    double sum = 0.0;
    for (int j = 0; j < std::min(i + 1, r); ++j) sum += l[i][j] * v[j];
    x[p[i]] = sum;
  }
  return true;
}

// Pseudo-inverse solve x = G^+ b for a symmetric positive semi-definite m x m G: Cholesky when G
// is safely non-singular on its non-zero rows (the common case), else Cholesky with pivoting
// (rank-deficient G: a contact's or the body's rows that the free variables reach in fewer
// directions than there are rows), else cyclic Jacobi, which is also the reference path
// (`reference`: Jacobi every time). The pivoted path replaced Jacobi as the fallback: Jacobi's
// sweeps over 15-18 rows took about 120 us, and on ir_pails_rails_supine one free-set solve in
// eight fell back, nine tenths of that drill's 2.1 ms cold solve; the pivoted path takes a few us.
// `from`: the first method to try (kPivoted when the caller's Cholesky has failed already).
enum class Method { kCholesky, kPivoted, kJacobi };
Vec pinv_solve(const Mat& g_in, const Vec& b, int m, Method from) {
  Vec x;
  if (from != Method::kJacobi) {
    if (from == Method::kCholesky && cholesky_solve(g_in, b, m, x)) return x;
    double dmax = 0.0;
    for (int i = 0; i < m; ++i) dmax = std::max(dmax, g_in[i][i]);
    // The rank cut of Jacobi's below: 1e-12 of the largest diagonal (there, of the largest eigenvalue).
    if (pivoted_pinv_solve(g_in, b, m, 1e-12 * dmax, x)) return x;
  }
  Mat g = g_in;
  Mat v{};
  for (int i = 0; i < m; ++i) v[i][i] = 1.0;
  for (int sweep = 0; sweep < 30; ++sweep) {
    double off = 0.0, diag = 0.0;
    for (int p = 0; p < m; ++p) {
      diag += g[p][p] * g[p][p];
      for (int q = p + 1; q < m; ++q) off += g[p][q] * g[p][q];
    }
    if (off <= 1e-30 * diag || off == 0.0) break;
    for (int p = 0; p < m; ++p) {
      for (int q = p + 1; q < m; ++q) {
        if (g[p][q] == 0.0) continue;
        const double theta = (g[q][q] - g[p][p]) / (2.0 * g[p][q]);
        const double t = (theta >= 0 ? 1.0 : -1.0) / (std::abs(theta) + std::sqrt(theta * theta + 1.0));
        const double c = 1.0 / std::sqrt(t * t + 1.0), s = t * c;
        for (int k = 0; k < m; ++k) {  // G <- J^T G J
          const double gkp = g[k][p], gkq = g[k][q];
          g[k][p] = c * gkp - s * gkq;
          g[k][q] = s * gkp + c * gkq;
        }
        for (int k = 0; k < m; ++k) {
          const double gpk = g[p][k], gqk = g[q][k];
          g[p][k] = c * gpk - s * gqk;
          g[q][k] = s * gpk + c * gqk;
        }
        for (int k = 0; k < m; ++k) {
          const double vkp = v[k][p], vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  double dmax = 0.0;
  for (int i = 0; i < m; ++i) dmax = std::max(dmax, std::abs(g[i][i]));
  const double cut = 1e-12 * dmax;
  x = Vec{};
  for (int j = 0; j < m; ++j) {
    if (g[j][j] <= cut) continue;
    double vb = 0.0;
    for (int k = 0; k < m; ++k) vb += v[k][j] * b[k];
    vb /= g[j][j];
    for (int k = 0; k < m; ++k) x[k] += v[k][j] * vb;
  }
  return x;
}

struct Solver {
  const ActivationProblem& pb;
  int m, n;
  std::array<double, kMaxVariables> a{};
  std::array<State, kMaxVariables> state{};
  int iterations = 0;
  bool converged = true;
  // Steps allowed before the solve gives up (a primal warm start: kWarmStepBudget); over it the
  // phases stop with `gave_up` set and the caller starts again from the dual.
  int budget = std::numeric_limits<int>::max();
  bool gave_up = false;
  bool over_budget() {
    if (iterations <= budget) return false;
    gave_up = true;
    converged = false;
    return true;
  }
  // Rows [lo_i, hi_i) hold every non-zero of column i: a muscle of one leg is zero on the other
  // leg's rows, so with a contact coupling the legs (12 rows) it touches only its own six. The
  // loops below skip the zeros (the Gram matrix of a coupled frame is about 4x cheaper to build).
  std::array<unsigned char, kMaxVariables> lo{}, hi{};

  void find_row_ranges() {
    for (int i = 0; i < n; ++i) {
      int l = m, h = 0;
      for (int k = 0; k < m; ++k)
        if (pb.column[i][k] != 0.0) { l = std::min(l, k); h = k + 1; }
      lo[i] = static_cast<unsigned char>(std::min(l, h));
      hi[i] = static_cast<unsigned char>(h);
    }
  }
  double dot_col(int i, const Vec& y) const {
    double s = 0.0;
    for (int k = lo[i]; k < hi[i]; ++k) s += pb.column[i][k] * y[k];
    return s;
  }
  Vec product() const {  // A a
    Vec t{};
    for (int i = 0; i < n; ++i)
      if (a[i] != 0.0)
        for (int k = lo[i]; k < hi[i]; ++k) t[k] += pb.column[i][k] * a[i];
    return t;
  }
  // lambda = (A_F A_F^T)^+ (target - A_B a_B); the free-set minimiser is z_F = A_F^T lambda,
  // which is both the least-norm least-squares solution (phase 1) and the least-norm solution of
  // A_F z = rhs (phase 2).
  Vec free_lambda(const Vec& target) {
    Vec rhs = target;
    std::array<int, kMaxRows> fi{};  // the free variables while there are fewer than rows
    int f = 0;
    for (int i = 0; i < n; ++i) {
      if (state[i] == State::kFree) {
        if (f < m) fi[f] = i;
        ++f;
      } else if (a[i] != 0.0) {
        for (int k = lo[i]; k < hi[i]; ++k) rhs[k] -= pb.column[i][k] * a[i];
      }
    }
    if (f < m && !pb.reference) {
      // Fewer free variables than rows: G = A_F A_F^T is singular (Cholesky fails on it and the
      // Jacobi sweeps over 12 rows are dear). With A_F of full column rank and H = A_F^T A_F
      // (f x f, positive definite), G^+ = A_F H^-2 A_F^T, so lambda = A_F w with H z = A_F^T rhs
      // (z: the free minimiser) and H w = z — two small Cholesky solves, the same lambda.
      Mat h{};
      Vec atr{};
      for (int p = 0; p < f; ++p) {
        const auto& cp = pb.column[fi[p]];
        for (int q = p; q < f; ++q) {
          const auto& cq = pb.column[fi[q]];
          const int l = std::max(lo[fi[p]], lo[fi[q]]), u = std::min(hi[fi[p]], hi[fi[q]]);
          double d = 0.0;
          for (int k = l; k < u; ++k) d += cp[k] * cq[k];
          h[p][q] = h[q][p] = d;
        }
        atr[p] = dot_col(fi[p], rhs);
      }
      if (f == 0) return Vec{};
      Cholesky ch;
      if (ch.factor(h, f)) {
        const Vec w = ch.solve(ch.solve(atr));
        Vec lambda{};
        for (int p = 0; p < f; ++p)
          for (int k = lo[fi[p]]; k < hi[fi[p]]; ++k) lambda[k] += pb.column[fi[p]][k] * w[p];
        return lambda;
      }
    }
    Vec lambda;
    if (!pb.reference && updated_lambda(rhs, lambda)) return lambda;
    Mat g{};
    for (int i = 0; i < n; ++i) {
      const auto& c = pb.column[i];
      if (state[i] == State::kFree) {
        for (int p = lo[i]; p < hi[i]; ++p)
          for (int q = p; q < hi[i]; ++q) g[p][q] += c[p] * c[q];  // upper triangle
      }
    }
    for (int p = 0; p < m; ++p)
      for (int q = 0; q < p; ++q) g[p][q] = g[q][p];
    if (pb.reference) return pinv_solve(g, rhs, m, Method::kJacobi);
    if (!gram_factor.factor(g, m)) {
      gram_valid = false;
      return pinv_solve(g, rhs, m, Method::kPivoted);
    }
    // Kept for the next free set when it covers every row (the rank-one changes need r == m).
    gram_valid = gram_factor.r == m;
    if (gram_valid) {
      gram = g;
      gram_changes = 0;
      for (int i = 0; i < n; ++i) in_gram[i] = state[i] == State::kFree;
    }
    return gram_factor.solve(rhs);
  }
  // The free set's Gram matrix and Cholesky factor, kept from the last free-set solve that made
  // them and changed by rank-one updates while the free set changes by a few variables at a time
  // (one joins in a step, one or a few leave): each active-set step then costs O(m^2) instead of
  // rebuilding G and factoring it again. After kMaxGramChanges changes the factor is made afresh
  // (bounding the rounding the changes accumulate); each solve with an updated factor takes one
  // step of iterative refinement against the updated G (Higham 2002, sec. 12.1), so the
  // answer keeps the accuracy of a fresh factor.
  static constexpr int kMaxStepChanges = 4, kMaxGramChanges = 32;
  Mat gram{};
  Cholesky gram_factor{};
  bool gram_valid = false;
  int gram_changes = 0;
  std::array<bool, kMaxVariables> in_gram{};

  // lambda = G^-1 rhs from the kept factor after the changes to the free set; false when there
  // is none, too many changes, or a changed pivot fails the test (then make G afresh).
  bool updated_lambda(const Vec& rhs, Vec& lambda) {
    if (!gram_valid) return false;
    std::array<int, kMaxStepChanges> changed{};
    int count = 0;
    for (int i = 0; i < n; ++i)
      if ((state[i] == State::kFree) != in_gram[i]) {
        if (count == kMaxStepChanges) return false;
        changed[count++] = i;
      }
    if (gram_changes + count > kMaxGramChanges) return false;
    // Joining variables first: G stays positive definite while the leaving ones come out.
    for (int pass = 0; pass < 2; ++pass)
      for (int c = 0; c < count; ++c) {
        const int i = changed[c];
        const bool joins = state[i] == State::kFree;
        if (joins != (pass == 0)) continue;
        const double sigma = joins ? 1.0 : -1.0;
        const auto& col = pb.column[i];
        for (int p = lo[i]; p < hi[i]; ++p)
          for (int q = lo[i]; q < hi[i]; ++q) gram[p][q] += sigma * col[p] * col[q];
        double dmax = 0.0;
        for (int k = 0; k < m; ++k) dmax = std::max(dmax, gram[k][k]);
        Vec w{};
        for (int k = lo[i]; k < hi[i]; ++k) w[k] = col[k];
        in_gram[i] = joins;
        ++gram_changes;
        if (!gram_factor.rank_one(w, sigma, lo[i], hi[i], gram, dmax)) {
          gram_valid = false;
          return false;
        }
      }
    lambda = gram_factor.solve(rhs);
    if (gram_changes > 0) {
      Vec res = rhs;
      for (int p = 0; p < m; ++p)
        for (int q = 0; q < m; ++q) res[p] -= gram[p][q] * lambda[q];
      const Vec d = gram_factor.solve(res);
      for (int k = 0; k < m; ++k) lambda[k] += d[k];
    }
    return true;
  }
  // Moves free variables toward z (z_i = col_i . lambda) as far as the box allows; returns the
  // step fraction taken (1 = reached z).
  double step_toward(const Vec& lambda, double eps) {
    double alpha = 1.0;
    std::array<double, kMaxVariables> z{};
    for (int i = 0; i < n; ++i) {
      if (state[i] != State::kFree) continue;
      z[i] = dot_col(i, lambda);
      if (z[i] < 0.0 && a[i] - z[i] > 0.0) alpha = std::min(alpha, a[i] / (a[i] - z[i]));
      if (!pb.unbounded[i] && z[i] > 1.0 && z[i] - a[i] > 0.0)
        alpha = std::min(alpha, (1.0 - a[i]) / (z[i] - a[i]));
    }
    alpha = std::max(alpha, 0.0);
    for (int i = 0; i < n; ++i) {
      if (state[i] != State::kFree) continue;
      a[i] += alpha * (z[i] - a[i]);
      if (alpha < 1.0) {
        if (a[i] <= eps) { a[i] = 0.0; state[i] = State::kLower; }
        else if (!pb.unbounded[i] && a[i] >= 1.0 - eps) { a[i] = 1.0; state[i] = State::kUpper; }
      } else {
        a[i] = pb.unbounded[i] ? std::max(a[i], 0.0) : std::clamp(a[i], 0.0, 1.0);
      }
    }
    return alpha;
  }

  // A cold solve's first point: Newton steps on the dual. The optimum is a = clamp(A^T lambda)
  // with A a = tau (the optimality conditions, meets_kkt below); lambda maximises the dual
  // D(lambda) = lambda . tau - sum_i phi_i(c_i . lambda), phi_i(s) = max over a_i's bounds of
  // (s a_i - a_i^2 / 2) (0 below 0, s^2 / 2 inside, s - 1/2 above 1), a concave function whose
  // gradient is tau - A clamp(A^T lambda) and whose generalised Hessian is -A_F A_F^T over the
  // variables strictly inside their bounds: semismooth Newton (Qi & Sun 1993, Math. Programming
  // 58:353) with a backtracking (Armijo) line search on D, halving up to kDualHalvings times (Nocedal &
  // Wright 2006, sec. 3.1; fewer halvings left a third of the 90/90 switch's frames short), the
  // Hessian shifted by a small multiple of its largest diagonal so that a coordinate no free
  // variable reaches still gives a step. The first step takes every variable as free (the
  // unconstrained least-norm multiplier). The steps stop at the tolerance, when the line search
  // finds no ascent, or after kDualSteps (12 left the 90/90 PAILs/RAILs at 39.83 s short, its
  // contacts' columns ~1e4 times the muscles': 309 active-set steps after, 1.1 ms; every frame of
  // the scrub bench converges within 20); the primal active sets then start from
  // a = clamp(A^T lambda) as a warm start does — the answer is the same (the optimum is unique),
  // but near it they need few steps where from zero a scrubbed frame freed its muscles one by one
  // (hiplab bench, "scrubbing effort"). A load beyond the muscles has no dual optimum: the steps
  // run out and the active sets find the closest torque.
  static constexpr int kDualSteps = 24, kDualHalvings = 24;
  double set_dual_point(const Vec& lambda, Vec& r) {  // a, state and r = tau - A a; returns D
    double phi = 0.0;
    for (int i = 0; i < n; ++i) {
      const double c = dot_col(i, lambda);
      const double x = pb.unbounded[i] ? std::max(0.0, c) : std::clamp(c, 0.0, 1.0);
      phi += x * (c - 0.5 * x);  // phi_i(c): 0, c^2 / 2 or c - 1/2
      a[i] = x;
      state[i] = x <= 0.0 ? State::kLower : (!pb.unbounded[i] && x >= 1.0) ? State::kUpper : State::kFree;
    }
    const Vec t = product();
    double d = -phi;
    for (int k = 0; k < m; ++k) {
      r[k] = pb.torque[k] - t[k];
      d += lambda[k] * pb.torque[k];
    }
    return d;
  }
  // `lambda0`: start the Newton steps there (a warm start's multipliers) instead of at zero.
  void dual_start(double tol, const Vec* lambda0) {
    Vec lambda{}, r = pb.torque;
    double dual = 0.0;
    // The first step from zero takes every variable as free; from the warm start's multipliers,
    // those free there (none free there, e.g. no multipliers kept: start from zero).
    bool all_free = true;
    if (lambda0) {
      dual = set_dual_point(*lambda0, r);
      all_free = std::none_of(state.begin(), state.begin() + n, [](State st) { return st == State::kFree; });
      if (all_free) {
        r = pb.torque;
        dual = 0.0;
      } else {
        lambda = *lambda0;
      }
    }
    for (int step = 0; step < kDualSteps; ++step) {
      double rmax = 0.0;
      for (int k = 0; k < m; ++k) rmax = std::max(rmax, std::abs(r[k]));
      if (rmax <= tol) break;
      ++iterations;
      Mat g{};
      for (int i = 0; i < n; ++i) {
        if ((step > 0 || !all_free) && state[i] != State::kFree) continue;
        const auto& c = pb.column[i];
        for (int p = lo[i]; p < hi[i]; ++p)
          for (int q = p; q < hi[i]; ++q) g[p][q] += c[p] * c[q];
      }
      double gmax = 0.0;
      for (int p = 0; p < m; ++p) gmax = std::max(gmax, g[p][p]);
      if (gmax <= 0.0) break;
      for (int p = 0; p < m; ++p) {
        g[p][p] += 1e-8 * gmax;
        for (int q = p + 1; q < m; ++q) g[q][p] = g[p][q];
      }
      Vec d{};
      if (!cholesky_solve(g, r, m, d)) break;
      double slope = 0.0;  // D's directional derivative, r . d > 0
      for (int k = 0; k < m; ++k) slope += r[k] * d[k];
      bool improved = false;
      Vec trial_r{};
      for (int half = 0; half < kDualHalvings; ++half) {
        const double t = std::ldexp(1.0, -half);
        Vec trial = lambda;
        for (int k = 0; k < m; ++k) trial[k] += t * d[k];
        const double trial_dual = set_dual_point(trial, trial_r);
        if (trial_dual >= dual + 1e-4 * t * slope) {
          lambda = trial;
          r = trial_r;
          dual = trial_dual;
          improved = true;
          break;
        }
      }
      if (!improved) break;
    }
    set_dual_point(lambda, r);
  }

  // Phase 1: min |A a - tau|^2 over the box (bounded-variable least squares).
  void least_squares(double tol) {
    std::array<double, kMaxVariables> norm{};
    for (int i = 0; i < n; ++i) {
      double s2 = 0.0;
      for (int k = 0; k < m; ++k) s2 += pb.column[i][k] * pb.column[i][k];
      norm[i] = std::max(std::sqrt(s2), 1e-300);
    }
    const int outer_cap = 4 * n + 16, inner_cap = 2 * n + 8;
    std::array<bool, kMaxVariables> blocked{};
    // A warm start begins with free variables: first reach the minimiser on that free set.
    if (std::any_of(state.begin(), state.begin() + n, [](State st) { return st == State::kFree; }))
      for (int inner = 0; inner < inner_cap; ++inner) {
        ++iterations;
        if (over_budget()) return;
        if (step_toward(free_lambda(pb.torque), 1e-14) >= 1.0) break;
      }
    for (int outer = 0;; ++outer) {
      if (outer >= outer_cap) { converged = false; return; }
      ++iterations;
      if (over_budget()) return;
      const Vec t = product();
      Vec r{};
      for (int k = 0; k < m; ++k) r[k] = pb.torque[k] - t[k];
      int best = -1;
      double best_w = 0.0;
      for (int i = 0; i < n; ++i) {
        if (state[i] == State::kFree || blocked[i]) continue;
        const double w = dot_col(i, r);  // minus the gradient
        const double gain = state[i] == State::kLower ? w : -w;
        // Relative to the column's size: contact columns are orders of magnitude larger.
        if (gain > tol * norm[i] && gain > best_w) { best_w = gain; best = i; }
      }
      if (best < 0) return;
      state[best] = State::kFree;
      for (int inner = 0;; ++inner) {
        if (inner >= inner_cap) { converged = false; break; }
        ++iterations;
        if (over_budget()) return;
        if (step_toward(free_lambda(pb.torque), 1e-14) >= 1.0) break;
      }
      if (state[best] != State::kFree && a[best] == (state[best] == State::kUpper ? 1.0 : 0.0)) {
        // The variable came straight back to its bound: a degenerate direction (another free
        // variable at its bound blocked the step). Skip it until the point moves again, and try
        // the next best; stopping here instead would leave a residual other variables can reduce.
        const Vec t2 = product();
        double moved = 0.0;
        for (int k = 0; k < m; ++k) moved += std::abs(t2[k] - t[k]);
        if (moved == 0.0) { blocked[best] = true; continue; }
      }
      blocked.fill(false);
    }
  }

  // Phase 2: min |a|^2 s.t. A a = target over the box, from the feasible point `a`.
  Vec least_norm(const Vec& target, double mult_tol) {
    Vec lambda{};
    // A bound released on an ambiguous multiplier (rank-deficient, saturated cases) may come
    // straight back without any move, or leave the point where it was; it is then put back and
    // skipped. The skipped bounds are tried again only when no other bound is left to release and
    // the point has moved ("moved": |a|^2 fell) since that bound was skipped; the solve ends when
    // every violated bound was tried at the current point. Before, any step (even one of 1e-15) freed
    // them all again, and an infeasible frame (its target on a face of saturated muscles, where
    // the free set spans fewer rows than there are and the multipliers are not unique) tried the
    // same twelve futile releases before each real step and ran to the cap: 724 steps, 1.8 ms.
    std::array<bool, kMaxVariables> blocked{};
    std::array<int, kMaxVariables> blocked_at{};  // the count of moves when it was skipped
    int moves = 0;
    int released = -1;
    State released_from = State::kLower;
    const auto norm2 = [this] {
      double s2 = 0.0;
      for (int i = 0; i < n; ++i) s2 += a[i] * a[i];
      return s2;
    };
    const int cap = 6 * n + 16;
    for (int it = 0;; ++it) {
      if (it >= cap) { converged = false; break; }
      ++iterations;
      if (over_budget()) break;
      lambda = free_lambda(target);
      bool moved = false;
      for (int i = 0; i < n; ++i) {
        if (state[i] != State::kFree) continue;
        if (std::abs(dot_col(i, lambda) - a[i]) > 1e-13 * std::max(1.0, a[i])) { moved = true; break; }
      }
      if (moved) {
        const double before = norm2();
        step_toward(lambda, 1e-14);
        if (norm2() < before - 1e-13 * std::max(1.0, before)) {
          ++moves;
        } else if (released >= 0) {  // back at its bound, or free where it was: skip it
          blocked[released] = true;
          blocked_at[released] = moves;
        }
        released = -1;
        continue;
      }
      if (released >= 0) {  // released, and the point stays: put the bound back
        state[released] = released_from;
        blocked[released] = true;
        blocked_at[released] = moves;
        released = -1;
      }
      // Stationary on the working set: check the bound multipliers. Release the most violated
      // bound; after 2n steps without reaching the optimum (cycling between degenerate working
      // sets, seen on a cold start once the passive muscle forces counted), the violated bound of
      // the lowest index instead (Bland's rule, the classic remedy for cycling).
      const bool bland = it > 2 * n;
      int worst = -1;
      double worst_v = mult_tol;
      for (int i = 0; i < n; ++i) {
        if (state[i] == State::kFree || blocked[i]) continue;
        const double c = dot_col(i, lambda);
        const double viol = state[i] == State::kLower ? c : 1.0 - c;  // > 0 means release (an
        // unbounded variable is never at an upper bound)
        if (viol > worst_v) {
          worst_v = viol;
          worst = i;
          if (bland) break;
        }
      }
      if (worst < 0) {
        bool retry = false;  // bounds skipped before the point last moved: try them again
        for (int i = 0; i < n; ++i)
          if (blocked[i] && blocked_at[i] < moves) blocked[i] = false, retry = true;
        if (!retry) break;
        continue;
      }
      released_from = state[worst];
      state[worst] = State::kFree;
      released = worst;
    }
    return lambda;
  }
};

}  // namespace

namespace {
// How a solve begins: at the problem's warm start (primal), at the dual's Newton point from zero
// multipliers (cold), from the warm start's multipliers, or at zero (the reference solve).
enum class Start { kPrimal, kDualCold, kDualFromMultiplier, kZero };

ActivationSolution solve_once(const ActivationProblem& pb, Start start, int budget, bool* gave_up) {
  Solver s{pb, std::clamp(pb.rows, 1, kMaxRows), std::clamp(pb.variables, 0, kMaxVariables)};
  s.budget = budget;
  s.a.fill(0.0);
  s.state.fill(State::kLower);
  if (start == Start::kPrimal)
    for (int i = 0; i < s.n; ++i) {
      const double x = pb.unbounded[i] ? std::max(0.0, pb.start[i]) : std::clamp(pb.start[i], 0.0, 1.0);
      s.a[i] = x;
      s.state[i] = x <= 0.0 ? State::kLower : (!pb.unbounded[i] && x >= 1.0) ? State::kUpper : State::kFree;
    }
  s.find_row_ranges();
  double scale = 1.0;
  for (int k = 0; k < s.m; ++k) scale = std::max(scale, std::abs(pb.torque[k]));
  double col_scale = 0.0;
  for (int i = 0; i < s.n; ++i)
    for (int k = 0; k < s.m; ++k) col_scale = std::max(col_scale, std::abs(pb.column[i][k]));
  const double tol = kTorqueRelTolerance * std::max(scale, col_scale);

  if (start == Start::kDualCold) s.dual_start(tol, nullptr);
  if (start == Start::kDualFromMultiplier) s.dual_start(tol, &pb.start_multiplier);
  s.least_squares(tol);
  ActivationSolution out;
  if (!s.gave_up) out.multiplier = s.least_norm(s.product(), 1e-10);
  if (gave_up) *gave_up = s.gave_up;
  out.achieved = s.product();
  out.feasible = true;
  for (int k = 0; k < s.m; ++k) {
    out.saturated[k] = std::abs(out.achieved[k] - pb.torque[k]) > 1e-6 * std::max(1.0, scale);
    if (out.saturated[k]) out.feasible = false;
  }
  for (int i = 0; i < s.n; ++i) out.activation[i] = s.a[i];
  out.iterations = s.iterations;
  out.converged = s.converged;
  return out;
}

// The optimality conditions of min sum x^2 s.t. A x = tau, bounds (static_optimization_test.cpp):
// x_i = clamp(c_i . lambda, 0, 1), or max(0, c_i . lambda) for an unbounded variable.
bool meets_kkt(const ActivationProblem& pb, const ActivationSolution& sol, int n, int m) {
  if (!sol.feasible) return false;
  for (int i = 0; i < n; ++i) {
    double c = 0.0;
    for (int k = 0; k < m; ++k) c += pb.column[static_cast<std::size_t>(i)][static_cast<std::size_t>(k)] * sol.multiplier[static_cast<std::size_t>(k)];
    const double want = pb.unbounded[static_cast<std::size_t>(i)] ? std::max(0.0, c) : std::clamp(c, 0.0, 1.0);
    if (std::abs(sol.activation[static_cast<std::size_t>(i)] - want) > 1e-6 * std::max(1.0, want)) return false;
  }
  return true;
}

double sum_of_squares(const ActivationSolution& sol, int n) {
  double sum = 0.0;
  for (int i = 0; i < n; ++i) sum += sol.activation[static_cast<std::size_t>(i)] * sol.activation[static_cast<std::size_t>(i)];
  return sum;
}
}  // namespace

ActivationSolution solve_activations(const ActivationProblem& pb) {
  const int n = std::clamp(pb.variables, 0, kMaxVariables), m = std::clamp(pb.rows, 1, kMaxRows);
  if (pb.reference) return solve_once(pb, Start::kZero, std::numeric_limits<int>::max(), nullptr);
  int spent = 0;  // the steps of a warm start given up
  if (pb.warm) {
    bool gave_up = false;
    ActivationSolution w = solve_once(pb, Start::kPrimal, kWarmStepBudget, &gave_up);
    if (!gave_up) return w;
    spent = w.iterations;
  }
  ActivationSolution out = solve_once(pb, pb.warm ? Start::kDualFromMultiplier : Start::kDualCold,
                                      std::numeric_limits<int>::max(), nullptr);
  out.iterations += spent;
  if (meets_kkt(pb, out, n, m)) return out;
  // A solve from the dual's point is polished by a warm one started from its point: the fast path
  // can stop above the optimum (clamshell_30 at 20.17 s: sum of squares 0.4691 against the
  // reference's 0.4024, with the passive pull fitted and gluteus medius 1 over its neck-base
  // sphere), and the warm start from there reaches it in a few iterations
  // (tests/assets/drill_effort_test.cpp). Only where that point misses the optimality conditions;
  // kept only where it is no worse: feasible where it was, and a smaller sum.
  ActivationProblem polish = pb;
  polish.warm = true;
  polish.start = out.activation;
  ActivationSolution p = solve_once(polish, Start::kPrimal, std::numeric_limits<int>::max(), nullptr);
  p.iterations += out.iterations;
  if ((p.feasible || !out.feasible) && p.converged && sum_of_squares(p, n) < sum_of_squares(out, n)) return p;
  out.iterations = p.iterations;
  return out;
}

}  // namespace hiplab::biomech
