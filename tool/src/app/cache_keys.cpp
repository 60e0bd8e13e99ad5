#include "cache_keys.hpp"

#include "app/cli.hpp"
#include "detectors/detect_amd.hpp"
#include "detectors/detect_intel.hpp"
#include "detectors/detect_python.hpp"
#include "detectors/sysfs_tree.hpp"
#include "primitives/path_utils.hpp"
#include "app/probe_cache.hpp"

#ifndef _WIN32
#include <dlfcn.h>
#include <unistd.h>
#endif

namespace torchcompat {

namespace {

class KeyText {
 public:
  void add(const std::string& name, const std::string& value) { text_ += name + "=" + value + "\n"; }
  void env(const FileSystem& fs, const char* name) {
    const auto value = fs.getenv(name);
    add(std::string("env ") + name, value ? "set:" + *value : std::string("unset"));
  }
  void file(const std::string& path) { add("file", file_signature(path)); }
  void link(const std::string& path) { add("link", link_signature(path)); }
  void contents(const FileSystem& fs, const std::string& path) {
    add("contents " + path, fs.read_file(path, 65536).value_or("<unreadable>"));
  }
  // Each directory of a PATH-like list: its modification time changes when a file is added or removed.
  void directories_of(const FileSystem& fs, const char* variable) {
    const auto value = fs.getenv(variable);
    if (!value) return;
    std::size_t start = 0;
    while (start <= value->size()) {
      std::size_t end = value->find(path_list_separator, start);
      if (end == std::string::npos) end = value->size();
      file(end == start ? "." : value->substr(start, end - start));
      start = end + 1;
    }
  }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

// The probe's own file: a rebuilt probe (same version, new code) must not read
// answers an older one wrote.
std::string own_executable() {
#if defined(__linux__)
  return file_signature("/proc/self/exe");
#elif !defined(_WIN32)
  Dl_info info{};
  if (::dladdr(reinterpret_cast<void*>(&own_executable), &info) != 0 && info.dli_fname != nullptr) {
    return file_signature(info.dli_fname);
  }
  return "unknown";
#else
  return "unknown";
#endif
}

std::string working_directory() {
#ifndef _WIN32
  char buffer[4096];
  if (::getcwd(buffer, sizeof buffer) != nullptr) return buffer;
#endif
  return {};
}

const char* const machine_variables[] = {
    "CUDA_VISIBLE_DEVICES", "CUDA_DEVICE_ORDER", "LD_LIBRARY_PATH", "LD_PRELOAD", "PATH",
    "CUDAToolkit_ROOT", "CUDA_PATH", "CUDA_HOME", "CUDNN_ROOT", "CUDNN_HOME",
    "TORCHCOMPAT_OVERRIDE_DRIVER", "TORCHCOMPAT_OVERRIDE_CUDA", "TORCHCOMPAT_OVERRIDE_GPU_ARCHS",
    "TORCHCOMPAT_OVERRIDE_CUDNN", "TORCHCOMPAT_OVERRIDE_TOOLKIT",
    // AMD and Intel GPUs
    "HIP_VISIBLE_DEVICES", "ROCR_VISIBLE_DEVICES", "ZE_AFFINITY_MASK", "ROCM_PATH", sysfs_root_variable,
    "TORCHCOMPAT_OVERRIDE_AMD_GFX", "TORCHCOMPAT_OVERRIDE_INTEL_GPUS"};

const char* const python_variables[] = {
    "PATH", "PYTHONPATH", "PYTHONHOME", "PYTHONUSERBASE", "PYTHONNOUSERSITE", "PYTHONSAFEPATH",
    "PYTHONPLATLIBDIR", "PYTHONEXECUTABLE", "VIRTUAL_ENV", "CONDA_PREFIX", "PYENV_VERSION", "PYENV_ROOT", "HOME"};

// A shim (pyenv's, asdf's) picks the interpreter from files that depend on
// the working directory; those files are part of the key.
void add_shim_inputs(const FileSystem& fs, const std::string& interpreter, KeyText& key) {
  const auto start = fs.read_file(interpreter, 2);
  if (!start || *start != "#!") return;
  std::string directory = working_directory();
  key.add("cwd", directory);
  while (!directory.empty()) {
    key.file(join_path(directory, ".python-version"));
    key.file(join_path(directory, ".tool-versions"));
    if (directory == "/") break;
    directory = parent_directory(directory);
  }
  const auto pyenv_root = fs.getenv("PYENV_ROOT");
  const auto home = fs.getenv("HOME");
  if (pyenv_root) key.file(join_path(*pyenv_root, "version"));
  if (home) key.file(join_path(*home, ".pyenv/version"));
}

}  // namespace

std::string machine_cache_key(const Options& options, const FileSystem& fs) {
  KeyText key;
  key.add("probe", std::string(probe_version()) + " " + own_executable());
  key.add("cuda_root", options.cuda_root.value_or("<search>"));
  for (const char* name : machine_variables) key.env(fs, name);
  key.contents(fs, "/proc/sys/kernel/random/boot_id");
  key.contents(fs, "/sys/module/nvidia/version");
  key.contents(fs, "/proc/driver/nvidia/version");
  for (const auto& name : fs.list_directory("/dev")) {
    if (name.rfind("nvidia", 0) == 0 || name == "dxg") key.link("/dev/" + name);
  }
  key.file("/etc/ld.so.cache");
  key.file("/usr/lib/wsl/lib");
  key.directories_of(fs, "LD_LIBRARY_PATH");
  key.directories_of(fs, "PATH");  // nvcc on PATH
  for (const char* place : {"/usr/local", "/opt/cuda", "/usr/lib/cuda", "/usr/include",
                            "/usr/include/x86_64-linux-gnu", "/usr/include/aarch64-linux-gnu"}) {
    key.file(place);
  }
  key.link("/usr/local/cuda");
  for (const char* variable : {"CUDAToolkit_ROOT", "CUDA_PATH", "CUDA_HOME", "CUDNN_ROOT", "CUDNN_HOME"}) {
    if (const auto root = fs.getenv(variable)) {
      key.file(*root);
      key.file(join_path(*root, "include"));
      key.file(join_path(*root, "lib64"));
      key.file(join_path(*root, "lib"));
    }
  }
  if (options.cuda_root) key.link(*options.cuda_root);
  // sysfs files carry no useful modification time: their contents are the key
  // (a few small files, read without waking a GPU).
  key.add("amd", amd_cache_inputs(fs));
  key.add("intel", intel_cache_inputs(fs));
  return key.text();
}

std::vector<std::string> machine_dependencies(const Report& report) {
  std::vector<std::string> files;
  for (const auto& toolkit : report.toolkits.toolkits) {
    if (toolkit.root.empty()) continue;
    for (const char* part : {"", "version.json", "version.txt", "include", "include/cuda.h", "bin/nvcc", "lib64",
                             "lib", "targets"}) {
      files.push_back(*part == '\0' ? toolkit.root : join_path(toolkit.root, part));
    }
  }
  for (const auto* path : {&report.cudnn.header, &report.cudnn.library, &report.driver.library}) {
    if (!path->empty()) files.push_back(*path);
  }
  return files;
}

std::string python_cache_key(const Options& options, const FileSystem& fs) {
  KeyText key;
  key.add("probe", std::string(probe_version()) + " " + own_executable());
  key.add("requested", options.python.value_or("python3"));
  for (const char* name : python_variables) key.env(fs, name);
  const auto interpreter = python_interpreter(options, fs);
  key.add("interpreter", interpreter.value_or("<none>"));
  if (interpreter) {
    key.link(*interpreter);
    const auto target = fs.canonical_path(*interpreter);
    key.add("target", target.value_or("<unresolved>"));
    if (target) key.file(*target);
    add_shim_inputs(fs, target.value_or(*interpreter), key);
  }
  return key.text();
}

namespace {

// "3.11" of "3.11.2", or "" when the version is not known.
std::string major_minor(const std::string& version) {
  const auto first = version.find('.');
  if (first == std::string::npos) return {};
  const auto second = version.find('.', first + 1);
  return version.substr(0, second);
}

// Where the user site of this interpreter is, or would be once created: the
// posix_user scheme under PYTHONUSERBASE or ~/.local, and macOS framework
// builds' ~/Library/Python/X.Y. A path that does not exist yet is still a
// dependency: its signature changes when `pip install --user` creates it.
std::vector<std::string> user_sites(const Python& python, const FileSystem& fs) {
  std::vector<std::string> sites;
  const std::string version = major_minor(python.version);
  if (version.empty()) return sites;
  const auto base = fs.getenv("PYTHONUSERBASE");
  const auto home = fs.getenv("HOME");
  std::vector<std::string> bases;
  if (base && !base->empty()) bases.push_back(*base);
  if (home && !home->empty()) {
    bases.push_back(join_path(*home, ".local"));
    sites.push_back(join_path(*home, "Library/Python/" + version + "/lib/python/site-packages"));
  }
  for (const auto& user_base : bases) {
    sites.push_back(join_path(user_base, "lib/python" + version + "/site-packages"));
  }
  return sites;
}

}  // namespace

std::vector<std::string> python_dependencies(const Python& python, const FileSystem& fs) {
  std::vector<std::string> files;
  // "" is the working directory, which the probe does not search for packages.
  for (const auto& entry : python.search_path) {
    if (entry.empty()) continue;
    files.push_back(entry);
    for (const auto& name : fs.list_directory(entry)) {
      if (name.size() > 4 && name.compare(name.size() - 4, 4, ".pth") == 0) {
        files.push_back(join_path(entry, name));
      }
    }
  }
  if (!python.executable.empty()) {
    files.push_back(python.executable);
    // A virtual environment's pyvenv.cfg sits above its bin/ (absent otherwise,
    // and its appearing counts too).
    const auto prefix = parent_directory(parent_directory(python.executable));
    if (!prefix.empty()) files.push_back(join_path(prefix, "pyvenv.cfg"));
  }
  for (const auto& site : user_sites(python, fs)) files.push_back(site);
  for (const auto* package : {&python.torch, &python.torchvision, &python.torchaudio}) {
    if (!*package) continue;
    const auto& location = (*package)->location;
    files.push_back(location);
    files.push_back(join_path(location, "METADATA"));
    files.push_back(join_path(location, "PKG-INFO"));
  }
  return files;
}

}  // namespace torchcompat
