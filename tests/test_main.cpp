// test_main.cpp — doctest's main for every test executable, ending with the skip status
// (test_support.h) when a test case could not run here.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "test_support.h"

int main(int argc, char** argv) {
  doctest::Context context(argc, argv);
  const int rc = context.run();
  if (context.shouldExit()) return rc;  // --help, --list-test-cases (doctest_discover_tests asks this)
  return hiplab::test::exit_status(rc);
}
