import DuizhaoEmbedding
import Foundation
import Testing

@Suite struct EmbeddingEngineLoadingTests {
    @Test func aMissingEngineIsNamed() throws {
        let folder = ModelFixture.folder()
        #expect(throws: EmbeddingError.missingFile(path: folder + "/engine.so", role: "embedding engine")) {
            try EmbeddingEngine(runtime: nil, engine: folder + "/engine.so", model: folder + "/model.bin")
        }
    }

    @Test func aFileThatIsNoLibraryIsRefused() throws {
        let folder = ModelFixture.folder()
        try Data("#!/bin/sh\necho not a library\n".utf8).write(to: URL(fileURLWithPath: folder + "/engine.so"))
        #expect {
            try EmbeddingEngine(runtime: nil, engine: folder + "/engine.so", model: folder + "/model.bin")
        } throws: { error in
            guard case EmbeddingError.notALibrary(let path, let reason) = error else { return false }
            return path == folder + "/engine.so" && !reason.isEmpty
        }
    }

    /// A real shared library, but not the engine: the C library's maths library.
    static let otherLibrary = ["/lib/x86_64-linux-gnu/libm.so.6", "/usr/lib/x86_64-linux-gnu/libm.so.6", "/lib64/libm.so.6", "/usr/lib/libm.so.6"]
        .first { FileManager.default.fileExists(atPath: $0) }

    @Test(.enabled(if: otherLibrary != nil, "no libm.so.6 found to stand for a library without the engine's functions"))
    func aLibraryWithoutTheEnginesFunctionsIsRefused() throws {
        let library = try #require(Self.otherLibrary)
        #expect(throws: EmbeddingError.missingSymbol(path: library, symbol: "e5_load")) {
            try EmbeddingEngine(runtime: nil, engine: library, model: "/nonexistent/model.bin")
        }
    }

    @Test(.enabled(if: ModelFixture.installation != nil, "no embedding model installed: run 'duizhao model install'"))
    func aTruncatedModelIsRefusedBeforeTheEngineReadsIt() throws {
        let installation = try #require(ModelFixture.installation)
        let folder = ModelFixture.folder()
        let model = try Data(contentsOf: URL(fileURLWithPath: installation.modelPath), options: .alwaysMapped)
        try model.prefix(model.count / 2).write(to: URL(fileURLWithPath: folder + "/model.bin"))
        #expect {
            try EmbeddingEngine(runtime: installation.runtimePath, engine: installation.enginePath, model: folder + "/model.bin")
        } throws: { error in
            guard case EmbeddingError.unreadableModel(_, let reason) = error else { return false }
            return reason.contains("truncated") || reason.contains("cut short")
        }
    }

    @Test(.enabled(if: ModelFixture.installation != nil, "no embedding model installed: run 'duizhao model install'"))
    func aModelOfAnotherDimensionIsRefused() throws {
        let installation = try #require(ModelFixture.installation)
        let path = ModelFixture.folder() + "/model.bin"
        try ModelFixture.modelImage(dimension: 256).write(to: URL(fileURLWithPath: path))
        #expect(throws: EmbeddingError.wrongDimension(path: path, found: 256, expected: 384)) {
            try EmbeddingEngine(runtime: installation.runtimePath, engine: installation.enginePath, model: path)
        }
    }
}

@Suite(.enabled(if: ModelFixture.installation != nil, "no embedding model installed: run 'duizhao model install'"))
struct EmbeddingEngineTests {
    @Test func aChineseSentenceRanksItsTranslationFirst() throws {
        let engine = try ModelFixture.engine()
        let chinese = "据36氪报道，该团队员工人数不到150人。"
        let english = [
            "The weather in Beijing was cold and dry all week.",
            "According to a report in 36Kr, the team has fewer than 150 employees.",
            "Zhou Hongyi founded 360 Group in 2005.",
            "The company released a new video model last month.",
            "Many students take the train home for the Spring Festival.",
        ]
        let query = try engine.embed([chinese], prefix: .query)
        let candidates = try engine.embed(english, prefix: .query)
        let d = engine.dimension
        let cosines = (0..<english.count).map { j in (0..<d).reduce(Float(0)) { $0 + query[$1] * candidates[j * d + $1] } }
        #expect(cosines.indices.max { cosines[$0] < cosines[$1] } == 1, "cosines: \(cosines)")
    }

    @Test func embeddingsAreUnitLengthAndDeterministic() throws {
        let engine = try ModelFixture.engine()
        let texts = ["周鸿祎是360集团的创办人。", "", "Zhou Hongyi founded 360 Group.", "a\u{0}b"]
        let first = try engine.embed(texts, prefix: .passage)
        let second = try engine.embed(texts, prefix: .passage)
        #expect(first == second)
        for row in 0..<texts.count {
            let norm = first[(row * 384)..<((row + 1) * 384)].reduce(0) { $0 + $1 * $1 }
            #expect(abs(norm - 1) < 0.01)
        }
    }
}
