/* A stand-in for libcudnn.so.N: reports the version the test chose, encoded
   as the real library does (8.9.6 -> 8906, 9.3.0 -> 90300). */
#include <stddef.h>

#include "fake_behaviour.h"

size_t cudnnGetVersion(void) {
  fake_misbehave_if_asked("FAKE_CUDNN_BEHAVIOUR");
  return (size_t)fake_env_number("FAKE_CUDNN_VERSION", 0);
}
