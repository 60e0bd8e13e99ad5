// libFuzzer target: cuDNN's version header and cudnnGetVersion's encoding.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "detectors/detect_cudnn.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  torchcompat::parse_cudnn_header_version(text);
  long encoded = 0;
  std::memcpy(&encoded, data, size < sizeof encoded ? size : sizeof encoded);
  torchcompat::decode_cudnn_version(encoded);
  return 0;
}
