/* fuzz_resp.c - libFuzzer target for the kv example's RESP parser
   (examples/resp_parse.c). Besides the sanitizers' checks: the request
   taken lies within the input and its arguments within the request; and
   every prefix of a complete request is "incomplete", never an error or
   another request (the kv bug of a request split right after its '$'). */
#include "../../examples/resp_parse.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(c)                                                               \
    do {                                                                       \
        if (!(c))                                                              \
            abort();                                                           \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
    if (n == 0)
        return 0; /* the server parses only when bytes are buffered */
    char *s = malloc(n);
    if (!s)
        return 0;
    memcpy(s, data, n);
    struct resp_req r = {0}, q = {0};
    const char *why = NULL;
    long k = resp_parse(s, s + n, &r, &why);
    CHECK(k <= (long)n);
    if (k < 0)
        CHECK(why != NULL);
    if (k > 0) {
        for (size_t i = 0; i < r.n; i++)
            CHECK(r.v[i].p >= s && r.v[i].p + r.v[i].n <= s + k);
        size_t step = (size_t)k > 512 ? (size_t)k / 256 : 1;
        for (size_t j = 1; j < (size_t)k; j += step)
            CHECK(resp_parse(s, s + j, &q, &why) == 0);
        /* Alone, it is the same request. */
        CHECK(resp_parse(s, s + k, &q, &why) == k && q.n == r.n);
    }
    free(r.v);
    free(q.v);
    free(s);
    return 0;
}
