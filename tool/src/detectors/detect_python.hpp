// Asks a Python interpreter where it looks for packages (one short run that
// imports nothing heavy), then reads torch, torchvision and torchaudio's
// installed metadata itself: importing torch would take seconds and could crash.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "primitives/file_system.hpp"
#include "primitives/options.hpp"
#include "primitives/report.hpp"
#include "isolation/run_process.hpp"

namespace torchcompat {

// Runs the interpreter with the given arguments; replaceable for tests.
using InterpreterRunner = std::function<ProcessResult(const std::vector<std::string>& argv)>;

Python detect_python(const Options& options, const FileSystem& fs);
Python detect_python(const Options& options, const FileSystem& fs, const InterpreterRunner& run);

// The same in two steps: the interpreter starts, the probe does other work,
// then collects the answer (Python's start-up is the slowest part of the probe).
struct PendingPython {
  Python python;         // the result so far; final when not started
  bool started = false;
  RunningProcess process;
};
PendingPython start_python_detection(const Options& options, const FileSystem& fs);
Python finish_python_detection(PendingPython& pending, const FileSystem& fs);

// The interpreter that would be asked (the path as found, links not resolved),
// or nullopt when there is none.
std::optional<std::string> python_interpreter(const Options& options, const FileSystem& fs);

// The script given to `python -c`: prints the marker, the version, sys.executable
// and sys.path, one item per line.
const char* python_inline_script();

// The first installed distribution called package_name (any spelling PEP 503
// treats as the same) in the sys.path directories, in import order.
std::optional<PythonPackage> find_installed_package(const FileSystem& fs,
                                                    const std::vector<std::string>& search_path,
                                                    const std::string& package_name);

}  // namespace torchcompat
