// test_main.cpp — doctest's main for every test executable, ending with the skip status
// (test_support.h) when a test case could not run here. doctest itself is implemented once, in
// doctest_impl.cpp (the hiplab_doctest_impl library).
#include <doctest/doctest.h>

#include "test_support.h"

#ifdef HIPLAB_TEST_IMPORT_CHILD
#include <string>
#include <vector>

#include "app/import_sandbox.h"
#endif

int main(int argc, char** argv) {
#ifdef HIPLAB_TEST_IMPORT_CHILD
  // Tests that run the command line in process open user models through the sandbox, which starts
  // this same program again in its import mode (app/import_sandbox.h): answer as hiplab would.
  if (argc >= 2 && std::string(argv[1]) == hiplab::app::kImportChildCommand)
    return hiplab::app::run_import_child(std::vector<std::string>(argv, argv + argc));
#endif
  doctest::Context context(argc, argv);
  const int rc = context.run();
  if (context.shouldExit()) return rc;  // --help, --list-test-cases (doctest_discover_tests asks this)
  return hiplab::test::exit_status(rc);
}
