// Pure parsers for the places a CUDA toolkit states its version. Text in,
// version or the reason there is none out: no file access, so they can be
// unit-tested and fuzzed directly.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace torchcompat {

struct VersionParse {
  std::optional<std::string> version;
  std::string reason;  // why version is empty ("no \"cuda\" object", "not JSON: ...")
};

// version.json (11.1+): {"cuda": {"version": "12.4.131", ...}, ...} -> "12.4.131"
VersionParse parse_toolkit_version_json(std::string_view text);
// version.txt (up to 11.0): "CUDA Version 10.2.89" -> "10.2.89"
VersionParse parse_toolkit_version_txt(std::string_view text);
// include/cuda.h: "#define CUDA_VERSION 12040" -> "12.4"
VersionParse parse_cuda_h_version(std::string_view text);
// `nvcc --version`: "... release 12.4, V12.4.131" -> "12.4.131" (the V number
// is more precise; the release number is used when it is missing)
VersionParse parse_nvcc_version_output(std::string_view text);

}  // namespace torchcompat
