import DuizhaoText
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// TermBase eXchange (ISO 30042), the XML format terminology tools exchange glossaries in.
///
/// ## Reading
/// Both versions, streamed so that files of any size read in constant memory:
/// - TBX v3 (2019): `tbx/text/body/conceptEntry/langSec/termSec/term`, the TBX-Basic and
///   TBX-Core dialects, DCA style (`<termNote type="partOfSpeech">`) and, for the data
///   categories below, DCT style (`<basic:partOfSpeech>`);
/// - TBX v2 (2008, "martif"): `martif/text/body/termEntry/langSet/tig/term`, and
///   `ntig/termGrp/term`;
/// - MultiTerm XML, SDL MultiTerm's own export (which it writes in UTF-16):
///   `mtf/conceptGrp/languageGrp/termGrp/term`, each section's language the `lang` or `type`
///   of its `<language>` (whichever names a script), definitions and notes its
///   `<descrip type="Definition">` and `<descrip type="Note">`.
///
/// Each concept entry (`conceptEntry` or `termEntry`) is one `GlossaryEntry`, its origin the
/// line of the entry's start tag. One that lacks an English or a Chinese term gives a
/// diagnostic at its start tag (the column where the tag ends, which is what the parser
/// tells), and the others are still read; when no entry has a Chinese (or an English) term,
/// one diagnostic names the languages the file has instead. The language of a section is its
/// `xml:lang` (a hyphen or an underscore between subtags):
/// - `en`, `en-*`: the first term is `english`, the others `englishVariants`;
/// - `zh`, `zh-CN`, `zh-SG`, `zh-Hans*`: the first term is `simplified`, the others
///   `chineseVariants`; but when a fifth or more of the concepts whose Chinese is only in
///   `zh` sections (no script, no region) have Traditional terms, those are read as `zh-Hant`;
/// - `zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant*`: the first term is `traditional`, the others
///   `chineseVariants` (after those of the sections above); with no Simplified term,
///   `simplified` is ICU's conversion of the Traditional one, marked `simplifiedIsDerived`
///   (the Traditional one itself when no converter is given);
/// - `zh-Latn*` (`zh-Latn-pinyin`): the first term is `pinyin`;
/// - any other language is skipped.
///
/// `note` is the concept's `<note>`s and `<descrip type="definition">`s; without any, those of
/// its English and Chinese language sections; without those, those of their terms (joined by
/// "; " when there are several).
/// A concept-level `<note>` that starts `role:` holds roles instead (see below).
///
/// ## Duizhao's own fields
/// TBX-Basic has no data categories for pinyin or for what kind of thing a term names, so
/// Duizhao writes them with standard means a TBX tool shows sensibly:
/// - **pinyin** is a term in its own language section, `<langSec xml:lang="zh-Latn-pinyin">`.
///   A romanization is the Chinese term written in Latin script, which is what the BCP 47 tag
///   (language zh, script Latn, registered variant pinyin) says.
/// - **type** (`person`, `organization`, `product`, `place`, `term`, `other`) is an
///   `<admin type="customerSubset">` on the first English term, TBX-Basic's label for the
///   subset of a termbase a term belongs to; it is read back only when its value is one of
///   those six words. For other tools, a name (every type but `term`) also gets
///   `<termNote type="partOfSpeech">properNoun</termNote>`, TBX-Basic's picklist value; a
///   file with a proper noun but no Duizhao type reads as `other`, else as `term`.
/// - **roles** (`GlossaryEntry.Role`) are concept-level notes, one per role, that start
///   `role:` and hold the role as a `roles` cell does: `<note>role: 360集团创办人=founder of
///   360 Group</note>`. Any TBX tool shows them as notes; Duizhao reads them back as roles. A
///   role note it cannot read leaves the concept out, with a diagnostic at the note. An
///   entry's note that starts `role:` itself is written as `<descrip type="definition">`.
/// - **Chinese variants** go in a section of their own, `<langSec xml:lang="zh">`, which
///   names no script since a variant may be in either.
///
/// ## Security
/// A TBX file needs no DTD, and a DTD's entities can expand to gigabytes ("billion laughs")
/// or read local files (XXE). Before parsing, the prolog (everything before the root element,
/// within the first 64 KB) is scanned. A DOCTYPE that names only the root and an external
/// identifier, as TBX v2 tools write it (`<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">`),
/// is accepted and the DTD never fetched or read; a DOCTYPE with an internal subset
/// (`[ … ]`) and any entity or other declaration is refused with one error at the declaration.
/// The parser never loads external entities or DTDs, and any DTD declaration it reports anyway
/// stops it; an entity the unread DTD might declare is an error, never text left out.
///
/// Only UTF-8 and encodings that keep ASCII bytes as they are (ISO 8859, Windows code pages,
/// GBK, GB 18030, Big5) are read, so that the scan sees what the parser will;
/// `GlossaryLoader` turns a UTF-16 file (MultiTerm writes them) into UTF-8 first.
public enum TBX {
    /// The namespace of TBX v3 (ISO 30042:2019).
    public static let namespace = "urn:iso:std:iso:30042:ed-2"
    /// The `xml:lang` Duizhao writes pinyin with.
    public static let pinyinLanguage = "zh-Latn-pinyin"

    /// What starts a concept-level note that holds a role.
    public static let rolePrefix = "role:"

    /// The roles cell a note holds, when it starts with `rolePrefix` (any case); nil for any
    /// other note.
    static func roleNoteText(_ note: String) -> String? {
        guard note.count > rolePrefix.count, note.prefix(rolePrefix.count).lowercased() == rolePrefix else { return nil }
        return String(note.dropFirst(rolePrefix.count))
    }

    /// Reads a TBX file, streaming it from disk.
    /// - Parameters:
    ///   - url: a file URL.
    ///   - file: the name for origins and messages; the URL's path by default.
    ///   - layer: the layer its entries belong to.
    /// - Returns: the entries, and diagnostics for entries lacking an English or a Chinese term;
    ///   for a file that is unreadable, malformed or declares a DTD, one diagnostic and the
    ///   entries read before the problem, if any.
    public static func read(
        contentsOf url: URL, file: String? = nil, layer: GlossaryLayer, toSimplified: ChineseScriptConverter? = nil
    ) -> (entries: [GlossaryEntry], diagnostics: [GlossaryDiagnostic]) {
        let file = file ?? (url.isFileURL ? url.path : url.absoluteString)
        // Checked whole before the parser sees it, mapped rather than read into memory.
        do {
            if let refusal = Prolog.refusal(of: try Data(contentsOf: url, options: .alwaysMapped), file: file) { return ([], [refusal]) }
        } catch {
            return ([], [GlossaryDiagnostic(file: file, line: 1, column: 1, message: "cannot read the file (\((error as NSError).localizedDescription))")])
        }
        guard let parser = XMLParser(contentsOf: url) else {
            return ([], [GlossaryDiagnostic(file: file, line: 1, column: 1, message: "cannot read the file")])
        }
        return Reader(file: file, layer: layer, toSimplified: toSimplified).read(with: parser)
    }

    /// Reads TBX from memory. The bytes are fed to the parser in chunks, as from a file
    /// (`XMLParser(data:)` fails on Linux above 10 MB).
    public static func read(
        data: Data, file: String, layer: GlossaryLayer, toSimplified: ChineseScriptConverter? = nil
    ) -> (entries: [GlossaryEntry], diagnostics: [GlossaryDiagnostic]) {
        if let refusal = Prolog.refusal(of: data, file: file) { return ([], [refusal]) }
        return Reader(file: file, layer: layer, toSimplified: toSimplified).read(with: XMLParser(stream: InputStream(data: data)))
    }

    /// Writes entries as TBX-Basic v3 (DCA style), one `conceptEntry` per entry with ids
    /// `c1`, `c2` …, encoded as the type's documentation describes, so that `read` gives back
    /// the same entries (origins aside).
    ///
    /// Text is XML-escaped; CR is written `&#13;` so that it survives parsing. Control
    /// characters that XML 1.0 cannot hold at all (U+0000–U+001F but tab, LF and CR; U+FFFE,
    /// U+FFFF) are left out.
    public static func write(_ entries: [GlossaryEntry]) -> String {
        var output = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="\(namespace)">
              <tbxHeader>
                <fileDesc>
                  <sourceDesc>
                    <p>English–Chinese glossary written by Duizhao (\(entries.count) entries)</p>
                  </sourceDesc>
                </fileDesc>
              </tbxHeader>
              <text>
                <body>

            """
        for (index, entry) in entries.enumerated() {
            output += "      <conceptEntry id=\"c\(index + 1)\">\n"
            if let note = entry.note, !note.isEmpty {
                // A note that reads like a role is written as a definition, which holds none.
                output += roleNoteText(note) == nil ? "        <note>\(escaped(note))</note>\n" : "        <descrip type=\"definition\">\(escaped(note))</descrip>\n"
            }
            for role in entry.roles {
                output += "        <note>\(rolePrefix) \(escaped(role.description))</note>\n"
            }
            let englishTerms = (entry.english.isEmpty ? [] : [entry.english]) + entry.englishVariants
            if !englishTerms.isEmpty {
                output += languageSection("en", terms: englishTerms) { index in
                    guard index == 0 else { return [] }
                    let type = "<admin type=\"customerSubset\">\(entry.type.rawValue)</admin>"
                    return entry.type == .term ? [type] : ["<termNote type=\"partOfSpeech\">properNoun</termNote>", type]
                }
            }
            // A derived Simplified form is left out, to be derived again on reading.
            if !entry.sourceSimplified.isEmpty {
                output += languageSection("zh-Hans", terms: [entry.sourceSimplified])
            }
            if let traditional = entry.traditional, !traditional.isEmpty {
                output += languageSection("zh-Hant", terms: [traditional])
            }
            if !entry.chineseVariants.isEmpty {
                output += languageSection("zh", terms: entry.chineseVariants)
            }
            if let pinyin = entry.pinyin, !pinyin.isEmpty {
                output += languageSection(pinyinLanguage, terms: [pinyin])
            }
            output += "      </conceptEntry>\n"
        }
        output += """
                </body>
              </text>
            </tbx>

            """
        return output
    }

    /// A `langSec` with one `termSec` per term, each followed by the lines `extra` gives for it.
    private static func languageSection(_ language: String, terms: [String], extra: (Int) -> [String] = { _ in [] }) -> String {
        var section = "        <langSec xml:lang=\"\(language)\">\n"
        for (index, term) in terms.enumerated() {
            section += "          <termSec>\n            <term>\(escaped(term))</term>\n"
            for line in extra(index) { section += "            \(line)\n" }
            section += "          </termSec>\n"
        }
        section += "        </langSec>\n"
        return section
    }

    /// Text as XML character data or attribute value.
    static func escaped(_ text: String) -> String { XMLEscaping.escape(text) }
}
