#ifndef CFUZZERDRIVER_H
#define CFUZZERDRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (in the toolchain's `libclang_rt.fuzzer`, linked by `-sanitize=fuzzer`): parses
/// libFuzzer's options from `argv` and calls `callback` with each input until a finding or a limit.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
