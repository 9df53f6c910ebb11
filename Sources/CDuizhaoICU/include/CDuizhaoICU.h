// CDuizhaoICU: the one place Duizhao calls ICU.
//
// This header deliberately exposes plain C types only (uint16_t, int32_t, int64_t, opaque
// pointers): importing <unicode/*.h> into a Swift module clashes with Foundation's bundled ICU,
// and ICU's versioned symbol names (ubrk_open_72) are macros Swift cannot import. Every function
// reports failure through an `int32_t *status` that holds a UErrorCode; callers check it at once.
#ifndef CDUIZHAO_ICU_H
#define CDUIZHAO_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// UErrorCode values the Swift layer needs to recognise by value.
#define DZ_ZERO_ERROR 0
#define DZ_BUFFER_OVERFLOW_ERROR 15

/// Nonzero when `status` is an ICU failure (warnings are not failures).
int32_t dz_failure(int32_t status);

/// The ICU name of a status code, e.g. "U_ILLEGAL_ARGUMENT_ERROR". Static storage.
const char *dz_error_name(int32_t status);

/// The ICU library version, e.g. "72.1". Static storage.
const char *dz_icu_version(void);

// MARK: Break iteration

/// Kinds of break iterator.
#define DZ_BREAK_CHARACTER 0
#define DZ_BREAK_WORD 1
#define DZ_BREAK_LINE 2
#define DZ_BREAK_SENTENCE 3

typedef struct DZBreakIterator DZBreakIterator;

/// Opens a break iterator of `kind` for `locale` (e.g. "zh", "en@ss=standard").
DZBreakIterator *dz_break_open(int32_t kind, const char *locale, int32_t *status);

/// Closes an iterator from dz_break_open. Accepts NULL.
void dz_break_close(DZBreakIterator *iterator);

/// Points the iterator at UTF-8 text, which is not copied and must outlive its use.
/// Boundaries are then UTF-8 byte offsets into `text`.
void dz_break_set_utf8(DZBreakIterator *iterator, const char *text, int64_t length, int32_t *status);

/// Points the iterator at UTF-16 text (not copied). Boundaries are then UTF-16 offsets.
void dz_break_set_utf16(DZBreakIterator *iterator, const uint16_t *text, int32_t length,
                        int32_t *status);

/// Writes up to `capacity` next boundaries (and their rule statuses, when `rule_statuses` is
/// not NULL) and returns how many it wrote; 0 means the text is exhausted.
int32_t dz_break_next_batch(DZBreakIterator *iterator, int64_t *boundaries,
                            int32_t *rule_statuses, int32_t capacity);

// MARK: Normalization

/// Applies NFKC with case folding (ICU's "nfkc_cf") to UTF-16 text. Returns the length of the
/// result; sets DZ_BUFFER_OVERFLOW_ERROR when `capacity` is too small.
int32_t dz_normalize_nfkc_casefold(const uint16_t *source, int32_t length, uint16_t *destination,
                                   int32_t capacity, int32_t *status);

// MARK: Transliteration

typedef struct DZTransliterator DZTransliterator;

/// Opens a system transliterator by ID, e.g. "Traditional-Simplified", "Han-Latin".
DZTransliterator *dz_transliterator_open(const uint16_t *id, int32_t id_length, int32_t *status);

/// Closes a transliterator. Accepts NULL.
void dz_transliterator_close(DZTransliterator *transliterator);

/// Transliterates `source` into `destination`. Returns the length of the result; sets
/// DZ_BUFFER_OVERFLOW_ERROR (and returns the length it needs at least) when it does not fit.
int32_t dz_transliterate(DZTransliterator *transliterator, const uint16_t *source, int32_t length,
                         uint16_t *destination, int32_t capacity, int32_t *status);

// MARK: Scripts

/// Coarse script classes of a code point.
#define DZ_SCRIPT_COMMON 0  // digits, punctuation, symbols, spaces
#define DZ_SCRIPT_INHERITED 1  // combining marks, variation selectors
#define DZ_SCRIPT_HAN 2
#define DZ_SCRIPT_LATIN 3
#define DZ_SCRIPT_OTHER 4

/// The coarse script class of `code_point` (one of DZ_SCRIPT_*).
int32_t dz_script_class(uint32_t code_point);

/// The number of terminal columns `code_point` takes: 2 for East Asian wide and full-width
/// characters, 0 for combining marks and other zero-width characters, 1 otherwise.
int32_t dz_display_width(uint32_t code_point);

// MARK: Rule-based number format (spellout)

typedef struct DZSpellout DZSpellout;

/// Opens the spellout rule-based number format of `locale` (e.g. "zh", "en").
DZSpellout *dz_spellout_open(const char *locale, int32_t *status);

/// Closes a spellout format. Accepts NULL.
void dz_spellout_close(DZSpellout *spellout);

/// Spells out `value`. Returns the length of the result; DZ_BUFFER_OVERFLOW_ERROR when it does
/// not fit in `capacity`.
int32_t dz_spellout_format(DZSpellout *spellout, int64_t value, uint16_t *destination,
                           int32_t capacity, int32_t *status);

/// Parses spelled-out text. Sets `parsed_length` to how many UTF-16 units were consumed (0 when
/// nothing parsed) and returns the value.
double dz_spellout_parse(DZSpellout *spellout, const uint16_t *text, int32_t length,
                         int32_t *parsed_length, int32_t *status);

#ifdef __cplusplus
}
#endif

#endif  // CDUIZHAO_ICU_H
