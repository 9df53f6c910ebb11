// CICUBaseline: raw ICU break iteration, written as a C program would write it, for the
// benchmarks to measure Duizhao against in the same run.
//
// Plain C types only in this header (see the main package's CDuizhaoICU.h for why).
#ifndef CICU_BASELINE_H
#define CICU_BASELINE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What one baseline pass found.
typedef struct {
    /// The number of boundaries after the start of the text (= the number of segments).
    int64_t count;
    /// The sum of the boundary offsets (UTF-8 bytes, or UTF-16 units for the UTF-16 pass), so
    /// that nothing is optimised away and passes can be cross-checked.
    int64_t offset_sum;
    /// The sum of the rule statuses of the segments.
    int64_t status_sum;
    /// A UErrorCode; nonzero failures mean the figures are meaningless.
    int32_t error;
    /// The ICU name of `error`, e.g. "U_ZERO_ERROR". Static storage.
    const char *error_name;
} BaselineResult;

/// Word boundaries of UTF-8 text: ubrk_open(UBRK_WORD, locale) + utext_openUTF8 + ubrk_setUText,
/// then ubrk_next and ubrk_getRuleStatus to the end. Opening the iterator is part of the pass.
BaselineResult baseline_words_utf8(const char *text, int64_t length, const char *locale);

/// Word boundaries of UTF-8 text converted first to UTF-16 with u_strFromUTF8 (the conversion and
/// its buffer are part of the pass), then iterated with ubrk_setText. Offsets are UTF-16 units.
BaselineResult baseline_words_utf16(const char *text, int64_t length, const char *locale);

/// Sentence boundaries of UTF-8 text: as baseline_words_utf8 with UBRK_SENTENCE.
BaselineResult baseline_sentences_utf8(const char *text, int64_t length, const char *locale);

/// The ICU version the baseline is linked against, e.g. "72.1". Static storage.
const char *baseline_icu_version(void);

#ifdef __cplusplus
}
#endif

#endif  // CICU_BASELINE_H
