// Empty: this target only declares libFuzzer's driver (include/CFuzzerDriver.h) for Swift.
