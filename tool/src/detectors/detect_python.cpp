#include "detect_python.hpp"

#include "primitives/path_utils.hpp"
#include "detectors/python_metadata.hpp"

namespace torchcompat {

namespace {

// sys.version_info rather than sys.version: it is always plain numbers ("3.13.0"),
// where sys.version can read "3.13.0rc1+".
constexpr const char* inline_script =
    "import sys\n"
    "print('torchcompat-python-answer-v1')\n"
    "print('%d.%d.%d' % sys.version_info[:3])\n"
    "print(sys.executable)\n"
    "for p in sys.path:\n"
    "    print(p)\n";

// The metadata file inside a *.dist-info / *.egg-info directory; an egg-info can also be a file.
std::optional<std::string> metadata_file(const FileSystem& fs, const std::string& entry_path) {
  for (const char* name : {"METADATA", "PKG-INFO"}) {
    std::string candidate = join_path(entry_path, name);
    if (fs.is_file(candidate)) return candidate;
  }
  if (fs.is_file(entry_path)) return entry_path;
  return std::nullopt;
}

std::optional<PythonPackage> package_in_directory(const FileSystem& fs, const std::string& directory,
                                                  const std::string& wanted) {
  for (const auto& entry : fs.list_directory(directory)) {
    auto from_name = parse_metadata_directory_name(entry);
    if (!from_name || normalize_package_name(from_name->name) != wanted) continue;
    std::string entry_path = join_path(directory, entry);
    PythonPackage package;
    package.location = entry_path;
    // The metadata file is authoritative; the directory name is a fallback
    // for trees where the file is missing or unreadable.
    package.version = from_name->version;
    if (auto file = metadata_file(fs, entry_path)) {
      if (auto text = fs.read_file(*file, 256 * 1024)) {
        auto metadata = parse_package_metadata(*text);
        if (metadata && normalize_package_name(metadata->name) == wanted) package.version = metadata->version;
      }
    }
    return package;
  }
  return std::nullopt;
}

}  // namespace

const char* python_inline_script() { return inline_script; }

std::optional<PythonPackage> find_installed_package(const FileSystem& fs,
                                                    const std::vector<std::string>& search_path,
                                                    const std::string& package_name) {
  std::string wanted = normalize_package_name(package_name);
  for (const auto& directory : search_path) {
    if (!fs.is_directory(directory)) continue;  // zip files, missing entries
    if (auto package = package_in_directory(fs, directory, wanted)) return package;
  }
  return std::nullopt;
}

namespace {

// The interpreter to run, or python with status and reason set when there is none.
std::optional<std::string> locate_interpreter(const Options& options, const FileSystem& fs, Python& python) {
  std::string requested = options.python.value_or("python3");
  bool is_path = requested.find('/') != std::string::npos || requested.find('\\') != std::string::npos;
  std::optional<std::string> executable = is_path ? std::optional<std::string>(requested)
                                                  : find_on_path(fs, requested);
  if (!executable || !fs.is_executable(*executable)) {
    python.status = Status::not_found;
    python.executable = executable.value_or("");
    python.reason = is_path ? requested + " is not an executable file" : "no " + requested + " on PATH";
    return std::nullopt;
  }
  python.executable = *executable;
  return executable;
}

std::vector<std::string> interpreter_argv(const std::string& executable) {
  return {executable, "-c", inline_script};
}

Python read_answer(Python python, const ProcessResult& ran, const FileSystem& fs) {
  if (ran.status != Status::found) {
    python.status = ran.status;
    python.reason = "the interpreter " + ran.reason;
    return python;
  }
  auto answer = parse_interpreter_answer(ran.out);
  if (!answer) {
    python.status = Status::error;
    python.reason = "the interpreter's answer could not be read (is it Python 3?)";
    return python;
  }
  python.status = Status::found;
  python.version = answer->version;
  // sys.executable resolves what a wrapper (pyenv shim, venv link) really runs.
  if (!answer->executable.empty()) python.executable = answer->executable;
  python.search_path = answer->path;
  python.torch = find_installed_package(fs, answer->path, "torch");
  python.torchvision = find_installed_package(fs, answer->path, "torchvision");
  python.torchaudio = find_installed_package(fs, answer->path, "torchaudio");
  return python;
}

}  // namespace

Python detect_python(const Options& options, const FileSystem& fs, const InterpreterRunner& run) {
  Python python;
  auto executable = locate_interpreter(options, fs, python);
  if (!executable) return python;
  return read_answer(python, run(interpreter_argv(*executable)), fs);
}

std::optional<std::string> python_interpreter(const Options& options, const FileSystem& fs) {
  Python ignored;
  return locate_interpreter(options, fs, ignored);
}

PendingPython start_python_detection(const Options& options, const FileSystem& fs) {
  PendingPython pending;
  if (auto executable = locate_interpreter(options, fs, pending.python)) {
    pending.process = start_process(interpreter_argv(*executable), options.detector_timeout);
    pending.started = true;
  }
  return pending;
}

Python finish_python_detection(PendingPython& pending, const FileSystem& fs) {
  if (!pending.started) return pending.python;
  return read_answer(pending.python, wait_process(pending.process), fs);
}

Python detect_python(const Options& options, const FileSystem& fs) {
  PendingPython pending = start_python_detection(options, fs);
  return finish_python_detection(pending, fs);
}

}  // namespace torchcompat
