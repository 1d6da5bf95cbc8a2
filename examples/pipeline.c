/* pipeline.c - a generator pipeline: a producer coroutine yields numbers, a
   filter keeps the primes, and the consumer in main prints them. Each stage
   awaits the one before it, so values flow one at a time and no stage
   holds more than one value. */
#include <stdio.h>
#include <yieldc.h>

/* Produces 2, 3, 4, ... up to limit, one per call; 0 when done. The state
   lives in a struct the caller owns, like a Python generator object. */
struct counter {
    int next;  /* the next value to produce */
    int limit; /* the last value */
};

YC_COROUTINE static int produce(struct counter *c) {
    YC_YIELD(); /* a real producer would wait for I/O here */
    if (c->next > c->limit)
        return 0;
    return c->next++;
}

YC_COROUTINE static int is_prime(int n) {
    for (int d = 2; d * d <= n; d++)
        if (n % d == 0)
            return 0;
    return 1;
}

/* Pulls from the producer until it finds a prime. */
YC_COROUTINE static int next_prime(struct counter *c) {
    for (;;) {
        int n = YC_AWAIT(produce(c));
        if (n == 0)
            return 0;
        int prime = YC_AWAIT(is_prime(n));
        if (prime)
            return n;
    }
}

YC_COROUTINE int main(void) {
    struct counter c = {2, 50};
    int count = 0;
    for (;;) {
        int p = YC_AWAIT(next_prime(&c));
        if (p == 0)
            break;
        printf("%d ", p);
        count++;
    }
    printf("\n%d primes up to %d\n", count, c.limit);
    return 0;
}
