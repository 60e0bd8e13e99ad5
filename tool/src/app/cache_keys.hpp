// What the probe's cached answers depend on (docs/probe.md, "Cache"): the
// keys, read before asking anything, and the files each answer was read from,
// whose signatures are checked again before the answer is used.
#pragma once

#include <string>
#include <vector>

#include "primitives/file_system.hpp"
#include "primitives/options.hpp"
#include "primitives/report.hpp"

namespace torchcompat {

// The machine's answer (toolkits, driver, GPUs, cuDNN): the probe itself, its
// options, the environment that steers the detectors, boot id, the kernel
// module's release, the NVIDIA device nodes, the loader's search path and
// cache, and the places toolkits and cuDNN are looked for.
std::string machine_cache_key(const Options& options, const FileSystem& fs);
std::vector<std::string> machine_dependencies(const Report& report);

// Python's answer: the interpreter (path, resolved target and its signature;
// for a script such as a pyenv shim also the working directory and the
// version files it reads) and the variables that change sys.path. The answer
// depends on the sys.path directories, the interpreter, each package's
// metadata directory and file (METADATA or PKG-INFO rewritten in place), the
// .pth files in the sys.path directories (rewritten in place: sys.path changes
// without a directory changing), the environment's pyvenv.cfg
// (include-system-site-packages flipped) and the user site, which may not
// exist yet (`pip install --user` creates it).
std::string python_cache_key(const Options& options, const FileSystem& fs);
std::vector<std::string> python_dependencies(const Python& python, const FileSystem& fs);

}  // namespace torchcompat
