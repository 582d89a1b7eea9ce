// log.h — one-line messages to stderr: warnings the user should see (a normalised skin weight)
// and errors. Tests can capture them with set_log_sink.
#pragma once
#include <functional>
#include <string>

namespace hiplab {

enum class LogLevel { kInfo, kWarning, kError };
using LogSink = std::function<void(LogLevel, const std::string&)>;

void log_message(LogLevel level, const std::string& message);
inline void log_info(const std::string& m) { log_message(LogLevel::kInfo, m); }
inline void log_warning(const std::string& m) { log_message(LogLevel::kWarning, m); }
inline void log_error(const std::string& m) { log_message(LogLevel::kError, m); }

// Replaces the sink (nullptr restores stderr). Returns the previous one.
LogSink set_log_sink(LogSink sink);

}  // namespace hiplab
