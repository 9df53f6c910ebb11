import DuizhaoEmbedding
import Foundation
import Testing

@Suite struct ModelFileTests {
    @Test func aWholeImageIsAccepted() throws {
        let path = ModelFixture.folder() + "/model.bin"
        try ModelFixture.modelImage().write(to: URL(fileURLWithPath: path))
        let file = try ModelFile(checking: path)
        #expect(file.dimension == 384)
        #expect(file.layers == 0)
    }

    @Test(arguments: [1, 40, 120, 300])
    func aTruncatedImageIsRefused(removing bytes: Int) throws {
        let image = ModelFixture.modelImage()
        let path = ModelFixture.folder() + "/model.bin"
        try image.prefix(image.count - bytes).write(to: URL(fileURLWithPath: path))
        #expect {
            try ModelFile(checking: path)
        } throws: { error in
            guard case EmbeddingError.unreadableModel(let where_, let reason) = error else { return false }
            return where_ == path && (reason.contains("truncated") || reason.contains("cut short"))
        }
    }

    @Test func aFileOfAnotherKindIsRefused() throws {
        let path = ModelFixture.folder() + "/model.bin"
        try Data("not a model at all".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: EmbeddingError.unreadableModel(path: path, reason: "it does not start with the engine's magic number E5S1")) {
            try ModelFile(checking: path)
        }
    }

    @Test func aMissingModelIsNamed() {
        #expect(throws: EmbeddingError.missingFile(path: "/nonexistent/model.bin", role: "model file")) {
            try ModelFile(checking: "/nonexistent/model.bin")
        }
    }
}
