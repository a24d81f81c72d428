internal import CSystemSupport

/// Atomic exchange of two folders, where the kernel offers it.
enum FolderExchange {
    /// True when the two paths were swapped in one step.
    static func exchange(_ first: String, _ second: String) -> Bool {
        crosscheck_exchange_paths(first, second) == 0
    }
}
