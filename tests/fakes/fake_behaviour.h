/* Shared by the fake vendor libraries: misbehaviour on request, so tests can
   check that the probe survives a vendor library that crashes or hangs. */
#ifndef TORCHCOMPAT_FAKE_BEHAVIOUR_H
#define TORCHCOMPAT_FAKE_BEHAVIOUR_H

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Does what the variable asks: "crash" dies on a real invalid write (the
   signal a broken driver gives), "hang" never returns. */
static void fake_misbehave_if_asked(const char* variable) {
  const char* behaviour = getenv(variable);
  if (behaviour == NULL) return;
  if (strcmp(behaviour, "crash") == 0) {
    volatile int* nowhere = NULL;
    *nowhere = 1;
  }
  if (strcmp(behaviour, "hang") == 0) {
    for (;;) pause();
  }
}

static long long fake_env_number(const char* variable, long long fallback) {
  const char* text = getenv(variable);
  if (text == NULL || *text == '\0') return fallback;
  return strtoll(text, NULL, 10);
}

#endif
