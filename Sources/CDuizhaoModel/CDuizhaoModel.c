// The only translation unit that calls dlopen and the embedding engine. Each function is a thin
// pass-through; policy (which files, checks, errors, lifetimes) lives in Swift.
#include "CDuizhaoModel.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void *(*load_fn)(const char *);
typedef void (*free_fn)(void *);
typedef int (*dim_fn)(const void *);
typedef int (*embed_batch_fn)(void *, const char **, int, int, float *);

struct DZEngine {
    void *library;
    load_fn load;
    free_fn free_model;
    dim_fn dim;
    embed_batch_fn embed_batch;
};

static void write_message(char *message, int32_t capacity, const char *text) {
    if (!message || capacity <= 0) return;
    snprintf(message, (size_t)capacity, "%s", text ? text : "unknown error");
}

DZEngine *dz_engine_open(const char *runtime_path, const char *engine_path, int32_t *status,
                         char *message, int32_t capacity) {
    *status = DZ_ENGINE_OK;
    if (runtime_path) {
        // Kept open for the process: the engine's NEEDED entry resolves to it by its soname.
        if (!dlopen(runtime_path, RTLD_NOW | RTLD_GLOBAL)) {
            *status = DZ_ENGINE_RUNTIME_UNLOADABLE;
            write_message(message, capacity, dlerror());
            return NULL;
        }
    }
    void *library = dlopen(engine_path, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        *status = DZ_ENGINE_UNLOADABLE;
        write_message(message, capacity, dlerror());
        return NULL;
    }
    const char *names[] = {"e5_load", "e5_free", "e5_dim", "e5_embed_batch"};
    void *functions[4];
    for (int i = 0; i < 4; i++) {
        dlerror();
        functions[i] = dlsym(library, names[i]);
        if (!functions[i]) {
            *status = DZ_ENGINE_SYMBOL_MISSING;
            write_message(message, capacity, names[i]);
            dlclose(library);
            return NULL;
        }
    }
    DZEngine *engine = calloc(1, sizeof(DZEngine));
    if (!engine) {
        *status = DZ_ENGINE_UNLOADABLE;
        write_message(message, capacity, "out of memory");
        return NULL;
    }
    engine->library = library;
    engine->load = (load_fn)functions[0];
    engine->free_model = (free_fn)functions[1];
    engine->dim = (dim_fn)functions[2];
    engine->embed_batch = (embed_batch_fn)functions[3];
    return engine;
}

void dz_engine_close(DZEngine *engine) { free(engine); }

void *dz_engine_load_model(DZEngine *engine, const char *model_path) { return engine->load(model_path); }

void dz_engine_free_model(DZEngine *engine, void *model) {
    if (model) engine->free_model(model);
}

int32_t dz_engine_dimension(DZEngine *engine, void *model) { return engine->dim(model); }

int32_t dz_engine_embed_batch(DZEngine *engine, void *model, const char *const *texts, int32_t count,
                              int32_t is_query, float *out) {
    return engine->embed_batch(model, (const char **)texts, count, is_query, out);
}
