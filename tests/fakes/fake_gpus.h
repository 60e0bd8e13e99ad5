/* The fake machine's GPUs, shared by the fake libcuda and the fake NVML so
   both describe the same machine (see README.md). */
#ifndef TORCHCOMPAT_FAKE_GPUS_H
#define TORCHCOMPAT_FAKE_GPUS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FAKE_MAX_GPUS 64

struct fake_gpu {
  char name[128];
  char uuid[96];
  int major;
  int minor;
  unsigned long long bytes;
};

/* "name,major.minor,bytes[,uuid];..." from `variable`; GPU i's name can be
   replaced by FAKE_GPU<i>_NAME, which may hold ',' and ';'. Returns the count. */
static int fake_read_gpus(const char* variable, struct fake_gpu* gpus) {
  const char* spec = getenv(variable);
  int count = 0;
  if (spec == NULL) return 0;
  char* copy = strdup(spec);
  char* save = NULL;
  for (char* entry = strtok_r(copy, ";", &save); entry != NULL && count < FAKE_MAX_GPUS;
       entry = strtok_r(NULL, ";", &save)) {
    struct fake_gpu* gpu = &gpus[count];
    char* first_comma = strchr(entry, ',');
    if (first_comma == NULL) continue;
    *first_comma = '\0';
    snprintf(gpu->name, sizeof gpu->name, "%s", entry);
    char uuid[96] = "";
    const int fields = sscanf(first_comma + 1, "%d.%d,%llu,%95s", &gpu->major, &gpu->minor, &gpu->bytes, uuid);
    if (fields < 3) continue;
    if (fields == 4) {
      snprintf(gpu->uuid, sizeof gpu->uuid, "%s", uuid);
    } else {
      snprintf(gpu->uuid, sizeof gpu->uuid, "GPU-fa4e%04d-0000-4000-8000-000000000000", count);
    }
    char name_variable[32];
    snprintf(name_variable, sizeof name_variable, "FAKE_GPU%d_NAME", count);
    const char* name = getenv(name_variable);
    if (name != NULL) snprintf(gpu->name, sizeof gpu->name, "%s", name);
    ++count;
  }
  free(copy);
  return count;
}

#endif
