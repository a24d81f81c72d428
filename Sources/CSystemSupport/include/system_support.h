#ifndef CROSSCHECK_SYSTEM_SUPPORT_H
#define CROSSCHECK_SYSTEM_SUPPORT_H

/// Exchanges two paths atomically (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set when the kernel or file system cannot (ENOSYS, EINVAL).
int crosscheck_exchange_paths(const char *first, const char *second);

#endif
