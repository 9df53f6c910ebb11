// The embedding engine called the way a C program would: its own batch call, nothing around it.
#ifndef CENGINE_BASELINE_H
#define CENGINE_BASELINE_H

#include <stdint.h>

/// Opens the engine (after `runtime`, when not NULL), loads `model`, and embeds `count` texts in
/// batches of `batch` with e5_embed_batch ("query: " prefix) into `out` (count × 384 floats).
/// Returns the seconds the batch calls took (loading excluded), or a negative number on failure.
double dz_baseline_embed(const char *runtime, const char *engine, const char *model, const char *const *texts,
                         int32_t count, int32_t batch, float *out);

#endif
