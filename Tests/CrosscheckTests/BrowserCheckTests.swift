import Foundation
import Testing
@testable import Crosscheck

/// report.html as Chromium renders it (`Tests/browser/check-report.sh`); skipped where there is no Chromium.
@Suite struct BrowserCheckTests {
    /// The first of `names` found on PATH.
    static func onPath(_ names: String...) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        for name in names {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") { return "\(folder)/\(name)" }
        }
        return nil
    }

    static let hasBrowser = onPath("chromium", "chromium-browser") != nil && onPath("python3") != nil

    @Test(.enabled(if: hasBrowser, "needs chromium and python3 on PATH"), .timeLimit(.minutes(5)))
    func theSampleReportRendersWithEveryBlockAndLink() throws {
        let folder = try TestSupport.temporaryFolder("crosscheck-browser")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Output")
        _ = try BatchBuild.run(BuildOptions(inbox: TestSupport.inbox, output: output, jobs: 2))

        let (status, said) = try TestSupport.run("/bin/sh", [TestSupport.packageRoot.appendingPathComponent("Tests/browser/check-report.sh").path, output.path])
        #expect(status == 0, "\(said)")
        #expect(said.contains("in-page links resolve; nothing fetched from elsewhere"), "\(said)")
    }
}
