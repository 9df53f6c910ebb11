import DuizhaoGlossary
import DuizhaoText
import Foundation
import Testing

@testable import DuizhaoAlign

/// A source that names a person by role (360集团创办人) supports a claim that names the person.
@Suite struct RoleEvidenceTests {
    static func glossary(roles: Bool) -> String {
        """
        en\tzh\tzh-Hant\tpinyin\ttype\ten-variants\tzh-variants\tnote\troles
        Zhou Hongyi\t周鸿祎\t周鴻禕\tZhōu Hóngyī\tperson\t\t\t\t\(roles ? "360集团创办人=founder of 360 Group|360集团董事长=chairman of 360 Group" : "")
        360 Group\t360集团\t360集團\t\torganization\t\t\t\t
        gap\t差距\t差距\t\tterm\t\t\t\t
        catch up\t赶上\t趕上\t\tterm\t\t\t\t
        direction\t方向\t方向\t\tterm\t\t\t\t
        China\t中国\t中國\t\tplace\t\t\t\t
        United States\t美国\t美國\t\tplace\t\t\t\t

        """
    }

    static func glossaries(roles: Bool) throws -> GlossarySet {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-roles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("roles.tsv").path
        try Data(glossary(roles: roles).utf8).write(to: URL(fileURLWithPath: path))
        return try GlossarySet.load([GlossarySource(path: path, layer: .user)], cacheDirectory: nil)
    }

    static let titleSource = [
        "360集团创办人：一旦方向正确，中美AI差距一两年就能赶上。",
        "今天北京下雨。",
    ]

    /// The best link (or candidate) of one claim against one source.
    func link(_ claim: String, _ sentences: [String], roles: Bool) throws -> ClaimLink {
        let referencer = try CrossReferencer(glossaries: try Self.glossaries(roles: roles))
        let source = try CrossReferenceFixture.source("title.txt", sentences)
        let result = try referencer.crossReference(claims: [CrossReferenceFixture.claim("c1", claim)], sources: [source], references: [:])
        return try #require(result.claims[0].links.first ?? result.claims[0].bestCandidate)
    }

    static let claim = "Zhou Hongyi's assertion that the gap between China and the United States can be caught up within two years."

    @Test func aRoleInTheSourceIsNameEvidenceForThePerson() throws {
        let link = try link(Self.claim, Self.titleSource, roles: true)
        #expect(link.sentences == 0..<1)
        #expect(link.terms.contains("Zhou Hongyi's=360集团创办人 (role)"), "\(link.terms)")
        #expect(!link.discrepancies.contains { $0.kind == .nameOnlyInClaim }, "\(link.discrepancies.map(\.summary))")
        // The role names a position, not a person the claim leaves out.
        #expect(!link.discrepancies.contains { $0.kind == .nameOnlyInSource })
    }

    @Test func withoutTheRoleThePersonIsOnlyInTheClaim() throws {
        let without = try link(Self.claim, Self.titleSource, roles: false)
        let flag = try #require(without.discrepancies.first { $0.kind == .nameOnlyInClaim })
        #expect(flag.claimText == "Zhou Hongyi's")
        #expect(!without.terms.contains { $0.hasPrefix("Zhou Hongyi=") })
        // The role is evidence: the link scores higher with it.
        let with = try link(Self.claim, Self.titleSource, roles: true)
        #expect(with.score > without.score)
    }

    @Test func aRoleInTheClaimNamesThePerson() throws {
        let link = try link(
            "The founder of 360 Group said the gap could be caught up in a year or two.", ["周鸿祎表示，一旦方向正确，中美差距一两年就能赶上。"], roles: true)
        #expect(link.terms.contains("founder of 360 Group=周鸿祎 (role)"), "\(link.terms)")
        #expect(!link.discrepancies.contains { $0.kind == .nameOnlyInSource })
        #expect(!link.discrepancies.contains { $0.kind == .nameOnlyInClaim && $0.claimText == "founder of 360 Group" })
    }

    @Test func aCompanyInsideARoleStaysAName() throws {
        let link = try link("360 Group says the gap can be caught up.", Self.titleSource, roles: true)
        #expect(link.terms.contains("360 Group=360集团"), "\(link.terms)")
        #expect(!link.discrepancies.contains { $0.kind == .nameOnlyInClaim }, "\(link.discrepancies.map(\.summary))")
    }
}
