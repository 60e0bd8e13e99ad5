/* Shared by the fake vendor libraries: misbehaviour on request, so tests can
   check that the probe survives a vendor library that crashes or hangs. */
#ifndef TORCHCOMPAT_FAKE_BEHAVIOUR_H
#define TORCHCOMPAT_FAKE_BEHAVIOUR_H

#include <stdlib.h>
#include <string.h>
#if defined(_WIN32)
#include <windows.h>
#else
#include <unistd.h>
#endif

/* Blocks the calling thread for good, as a driver stuck in the kernel does. */
static inline void fake_block_forever(void) {
  for (;;) {
#if defined(_WIN32)
    Sleep(INFINITE);
#else
    pause();
#endif
  }
}

/* Does what the variable asks: "crash" dies on a real invalid write (the
   signal a broken driver gives; an access violation on Windows), "hang" never
   returns. */
static inline void fake_misbehave_if_asked(const char* variable) {
  const char* behaviour = getenv(variable);
  if (behaviour == NULL) return;
  if (strcmp(behaviour, "crash") == 0) {
    volatile int* nowhere = NULL;
    *nowhere = 1;
  }
  if (strcmp(behaviour, "hang") == 0) {
    fake_block_forever();
  }
}

static inline long long fake_env_number(const char* variable, long long fallback) {
  const char* text = getenv(variable);
  if (text == NULL || *text == '\0') return fallback;
  return strtoll(text, NULL, 10);
}

#endif
