// Raw ICU break iteration: the baseline Duizhao's segmenters are measured against.
#include "CICUBaseline.h"

#include <stdlib.h>

#include <unicode/ubrk.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

const char *baseline_icu_version(void) { return U_ICU_VERSION; }

static BaselineResult failed(UErrorCode error) {
    BaselineResult result = {0, 0, 0, error, u_errorName(error)};
    return result;
}

/// Runs `iterator` (text already set) to the end, summing boundaries and rule statuses.
static BaselineResult iterate(UBreakIterator *iterator) {
    BaselineResult result = {0, 0, 0, U_ZERO_ERROR, u_errorName(U_ZERO_ERROR)};
    int64_t count = 0, offset_sum = 0, status_sum = 0;
    for (int32_t boundary = ubrk_next(iterator); boundary != UBRK_DONE; boundary = ubrk_next(iterator)) {
        count++;
        offset_sum += boundary;
        status_sum += ubrk_getRuleStatus(iterator);
    }
    result.count = count;
    result.offset_sum = offset_sum;
    result.status_sum = status_sum;
    return result;
}

static BaselineResult iterate_utf8(UBreakIteratorType type, const char *text, int64_t length,
                                   const char *locale) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(type, locale, NULL, 0, &error);
    if (U_FAILURE(error)) return failed(error);
    UText *utext = utext_openUTF8(NULL, text, length, &error);
    if (U_FAILURE(error)) {
        ubrk_close(iterator);
        return failed(error);
    }
    ubrk_setUText(iterator, utext, &error);
    BaselineResult result = U_FAILURE(error) ? failed(error) : iterate(iterator);
    ubrk_close(iterator);
    utext_close(utext);
    return result;
}

BaselineResult baseline_words_utf8(const char *text, int64_t length, const char *locale) {
    return iterate_utf8(UBRK_WORD, text, length, locale);
}

BaselineResult baseline_sentences_utf8(const char *text, int64_t length, const char *locale) {
    return iterate_utf8(UBRK_SENTENCE, text, length, locale);
}

BaselineResult baseline_words_utf16(const char *text, int64_t length, const char *locale) {
    if (length >= INT32_MAX) return failed(U_INDEX_OUTOFBOUNDS_ERROR);
    UErrorCode error = U_ZERO_ERROR;
    // UTF-16 never needs more units than UTF-8 has bytes.
    UChar *units = malloc(((size_t)length + 1) * sizeof(UChar));
    if (units == NULL) return failed(U_MEMORY_ALLOCATION_ERROR);
    int32_t unit_count = 0;
    u_strFromUTF8(units, (int32_t)length + 1, &unit_count, text, (int32_t)length, &error);
    if (U_FAILURE(error)) {
        free(units);
        return failed(error);
    }
    UBreakIterator *iterator = ubrk_open(UBRK_WORD, locale, units, unit_count, &error);
    if (U_FAILURE(error)) {
        free(units);
        return failed(error);
    }
    BaselineResult result = iterate(iterator);
    ubrk_close(iterator);
    free(units);
    return result;
}
