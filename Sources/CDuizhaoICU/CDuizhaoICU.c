// The only translation unit that includes ICU headers. Each function is a thin pass-through that
// keeps ICU's types out of the public header; policy (retries, errors, lifetimes) lives in Swift.
#include "CDuizhaoICU.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/unum.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

// The shim's kind constants are ICU's values, passed straight through.
_Static_assert(DZ_BREAK_WORD == UBRK_WORD && DZ_BREAK_SENTENCE == UBRK_SENTENCE && DZ_BREAK_LINE == UBRK_LINE &&
                   DZ_BREAK_CHARACTER == UBRK_CHARACTER,
               "break kinds");
_Static_assert(DZ_BUFFER_OVERFLOW_ERROR == U_BUFFER_OVERFLOW_ERROR, "overflow status");

int32_t dz_failure(int32_t status) { return U_FAILURE((UErrorCode)status) ? 1 : 0; }

const char *dz_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

const char *dz_icu_version(void) { return U_ICU_VERSION; }

// MARK: Break iteration

struct DZBreakIterator {
    UBreakIterator *iterator;
    UText *text;  // the UTF-8 UText, reused across set_utf8 calls
};

DZBreakIterator *dz_break_open(int32_t kind, const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open((UBreakIteratorType)kind, locale, NULL, 0, &error);
    if (U_FAILURE(error)) {
        *status = error;
        return NULL;
    }
    DZBreakIterator *result = calloc(1, sizeof(DZBreakIterator));
    if (result == NULL) {
        ubrk_close(iterator);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    result->iterator = iterator;
    *status = error;
    return result;
}

void dz_break_close(DZBreakIterator *iterator) {
    if (iterator == NULL) return;
    ubrk_close(iterator->iterator);
    if (iterator->text != NULL) utext_close(iterator->text);
    free(iterator);
}

void dz_break_set_utf8(DZBreakIterator *iterator, const char *text, int64_t length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    // An empty UText still needs a valid pointer.
    static const char empty[1] = {0};
    iterator->text = utext_openUTF8(iterator->text, text != NULL ? text : empty, length, &error);
    if (U_FAILURE(error)) {
        *status = error;
        return;
    }
    ubrk_setUText(iterator->iterator, iterator->text, &error);
    *status = error;
}

void dz_break_set_utf16(DZBreakIterator *iterator, const uint16_t *text, int32_t length,
                        int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    static const UChar empty[1] = {0};
    ubrk_setText(iterator->iterator, text != NULL ? (const UChar *)text : empty, length, &error);
    *status = error;
}

int32_t dz_break_next_batch(DZBreakIterator *iterator, int64_t *boundaries,
                            int32_t *rule_statuses, int32_t capacity) {
    int32_t count = 0;
    while (count < capacity) {
        int32_t boundary = ubrk_next(iterator->iterator);
        if (boundary == UBRK_DONE) break;
        boundaries[count] = boundary;
        if (rule_statuses != NULL) rule_statuses[count] = ubrk_getRuleStatus(iterator->iterator);
        count++;
    }
    return count;
}

// MARK: Normalization

int32_t dz_normalize_nfkc_casefold(const uint16_t *source, int32_t length, uint16_t *destination,
                                   int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = unorm2_getNFKCCasefoldInstance(&error);
    if (U_FAILURE(error)) {
        *status = error;
        return 0;
    }
    int32_t result = unorm2_normalize(normalizer, (const UChar *)source, length,
                                      (UChar *)destination, capacity, &error);
    *status = error;
    return result;
}

// MARK: Transliteration

DZTransliterator *dz_transliterator_open(const uint16_t *id, int32_t id_length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UTransliterator *transliterator =
        utrans_openU((const UChar *)id, id_length, UTRANS_FORWARD, NULL, 0, NULL, &error);
    *status = error;
    return (DZTransliterator *)transliterator;
}

void dz_transliterator_close(DZTransliterator *transliterator) {
    if (transliterator != NULL) utrans_close((UTransliterator *)transliterator);
}

int32_t dz_transliterate(DZTransliterator *transliterator, const uint16_t *source, int32_t length,
                         uint16_t *destination, int32_t capacity, int32_t *status) {
    // utrans works in place, so the source is copied into the destination first.
    if (length > capacity) {
        *status = U_BUFFER_OVERFLOW_ERROR;
        return length;
    }
    memcpy(destination, source, (size_t)length * sizeof(uint16_t));
    UErrorCode error = U_ZERO_ERROR;
    int32_t text_length = length;
    int32_t limit = length;
    utrans_transUChars((const UTransliterator *)transliterator, (UChar *)destination, &text_length,
                       capacity, 0, &limit, &error);
    *status = error;
    return text_length;
}

// MARK: Scripts

int32_t dz_script_class(uint32_t code_point) {
    UErrorCode error = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript((UChar32)code_point, &error);
    if (U_FAILURE(error)) return DZ_SCRIPT_OTHER;
    switch (script) {
        case USCRIPT_COMMON: return DZ_SCRIPT_COMMON;
        case USCRIPT_INHERITED: return DZ_SCRIPT_INHERITED;
        case USCRIPT_HAN: return DZ_SCRIPT_HAN;
        case USCRIPT_LATIN: return DZ_SCRIPT_LATIN;
        default: return DZ_SCRIPT_OTHER;
    }
}

int32_t dz_display_width(uint32_t code_point) {
    UChar32 c = (UChar32)code_point;
    int8_t category = u_charType(c);
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR ||
        c == 0x200B) {
        return 0;
    }
    int32_t width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    return (width == U_EA_WIDE || width == U_EA_FULLWIDTH) ? 2 : 1;
}

// MARK: Spellout

DZSpellout *dz_spellout_open(const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UNumberFormat *format = unum_open(UNUM_SPELLOUT, NULL, 0, locale, NULL, &error);
    *status = error;
    if (U_FAILURE(error)) {
        if (format != NULL) unum_close(format);
        return NULL;
    }
    // Lenient parsing accepts the variants people write (e.g. 两 for 二).
    unum_setAttribute(format, UNUM_LENIENT_PARSE, 1);
    return (DZSpellout *)format;
}

void dz_spellout_close(DZSpellout *spellout) {
    if (spellout != NULL) unum_close((UNumberFormat *)spellout);
}

int32_t dz_spellout_format(DZSpellout *spellout, int64_t value, uint16_t *destination,
                           int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t length = unum_formatInt64((const UNumberFormat *)spellout, value, (UChar *)destination,
                                      capacity, NULL, &error);
    *status = error;
    return length;
}

double dz_spellout_parse(DZSpellout *spellout, const uint16_t *text, int32_t length,
                         int32_t *parsed_length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t position = 0;
    double value = unum_parseDouble((const UNumberFormat *)spellout, (const UChar *)text, length,
                                    &position, &error);
    *status = error;
    *parsed_length = U_FAILURE(error) ? 0 : position;
    return value;
}
