// cmd_check_drill.h — `hiplab check-drill FILE`: loads and validates one drill file; exit 0 and a
// one-line summary when it is good, 1 and the message (file:line: field: expected ...) when not.
#pragma once
#include "app/command.h"

namespace hiplab::app {
Command add_check_drill_command(CLI::App& app);
}
