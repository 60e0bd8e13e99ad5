/* A stand-in for nvcc.exe on Windows (Linux tests use shell scripts): prints
   nvcc's version banner for FAKE_NVCC_RELEASE (e.g. 12.4.131), so the probe's
   last way to a toolkit's version, `nvcc --version`, runs as a real program.
   FAKE_NVCC_BEHAVIOUR=hang never exits, =crash dies on an access violation,
   =fail exits 1 without a banner. */
#include <stdio.h>
#include <string.h>

#include "fake_behaviour.h"

int main(int argc, char** argv) {
  fake_misbehave_if_asked("FAKE_NVCC_BEHAVIOUR");
  const char* behaviour = getenv("FAKE_NVCC_BEHAVIOUR");
  if (behaviour != NULL && strcmp(behaviour, "fail") == 0) return 1;
  if (argc != 2 || strcmp(argv[1], "--version") != 0) return 2;
  const char* release = getenv("FAKE_NVCC_RELEASE");
  if (release == NULL) release = "12.4.131";
  printf("nvcc: NVIDIA (R) Cuda compiler driver\n");
  printf("Cuda compilation tools, release %.4s, V%s\n", release, release);
  return 0;
}
