#include "CEngineBaseline.h"

#include <dlfcn.h>
#include <time.h>

typedef void *(*load_fn)(const char *);
typedef void (*free_fn)(void *);
typedef int (*dim_fn)(const void *);
typedef int (*embed_batch_fn)(void *, const char **, int, int, float *);

double dz_baseline_embed(const char *runtime, const char *engine, const char *model, const char *const *texts,
                         int32_t count, int32_t batch, float *out) {
    if (runtime && !dlopen(runtime, RTLD_NOW | RTLD_GLOBAL)) return -1;
    void *library = dlopen(engine, RTLD_NOW | RTLD_LOCAL);
    if (!library) return -2;
    load_fn load = (load_fn)dlsym(library, "e5_load");
    free_fn release = (free_fn)dlsym(library, "e5_free");
    dim_fn dim = (dim_fn)dlsym(library, "e5_dim");
    embed_batch_fn embed = (embed_batch_fn)dlsym(library, "e5_embed_batch");
    if (!load || !release || !dim || !embed) return -3;
    void *m = load(model);
    if (!m) return -4;
    int d = dim(m);
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (int32_t first = 0; first < count; first += batch) {
        int32_t n = count - first < batch ? count - first : batch;
        if (embed(m, (const char **)texts + first, n, 1, out + (size_t)first * d) != 0) {
            release(m);
            return -5;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    release(m);
    return (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) * 1e-9;
}
