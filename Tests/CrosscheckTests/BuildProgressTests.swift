import Foundation
import Synchronization
import Testing
@testable import Crosscheck

/// The progress a build reports: every file counted once, stages in order, and the corpus unchanged by listening.
@Suite struct BuildProgressTests {
    /// Collects reports from whichever thread sends them.
    final class Recorder: Sendable {
        let reports = Mutex<[BuildProgress]>([])

        func record(_ progress: BuildProgress) { reports.withLock { $0.append(progress) } }
    }

    @Test(arguments: [1, 4]) func everyFileIsCountedOnceAndTheStagesComeInOrder(jobs: Int) throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let recorder = Recorder()
        var options = BuildOptions(inbox: TestSupport.inbox, output: root.appendingPathComponent("out"), jobs: jobs)
        options.progress = { recorder.record($0) }
        let summary = try BatchBuild.run(options)
        let reports = recorder.reports.withLock { $0 }
        let total = summary.corpus.inputs.count
        #expect(total > 1)
        #expect(reports.first == BuildProgress(stage: .reading, filesDone: 0, filesTotal: total))
        let reading = reports.filter { $0.stage == .reading }.map(\.filesDone)
        #expect(reading.sorted() == Array(0...total), "each file reported once, whatever thread read it")
        #expect(reports.suffix(2).map(\.stage) == [.relating, .writing])
        #expect(reports.allSatisfy { $0.filesTotal == total })
    }

    @Test func listeningChangesNothingInTheCorpus() throws {
        let files = try Discovery(inbox: TestSupport.inbox).scan().files
        let recorder = Recorder()
        let quiet = BatchBuild.makeCorpus(files: files, jobs: 3, maxFileSize: BuildOptions.defaultMaxFileSize)
        let heard = BatchBuild.makeCorpusTimed(files: files, jobs: 3, maxFileSize: BuildOptions.defaultMaxFileSize) { recorder.record($0) }.corpus
        #expect(quiet == heard)
        #expect(recorder.reports.withLock { $0.count } == files.count + 1)
    }
}
