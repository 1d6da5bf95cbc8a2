/* kv.c - a key-value server speaking the Redis protocol (RESP), one
   micro-thread per connection. Commands: PING, ECHO, GET, SET, DEL,
   EXISTS, INCR, DECR, DBSIZE, FLUSHALL, QUIT, and enough of CONFIG GET
   and COMMAND for redis-cli and redis-benchmark. Pipelined requests are
   answered with one write per batch read.

       ./kv --port 6380 &
       redis-cli -p 6380 set greeting hello
       redis-cli -p 6380 get greeting

   A request that is not RESP gets "-ERR Protocol error" and its
   connection is closed, as Redis does; the other clients are unaffected. */
#include "outbuf.h"
#include "resp_parse.h"
#include "server.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* The store: one hash table shared by every connection. A command never
   suspends, so with --threads a plain mutex around it is enough: it is
   held for one command, and no micro-thread waits while it is held. */

struct entry {
    struct entry *next; /* the bucket's next entry */
    uint64_t hash;      /* of the key */
    size_t klen;        /* key length */
    size_t vlen;        /* value length */
    char *val;          /* the value (malloc'd) */
    char key[];         /* the key */
};

static struct {
    struct entry **b; /* buckets */
    size_t nb;        /* their number: a power of two */
    size_t n;         /* entries */
} db;

static pthread_mutex_t db_lock = PTHREAD_MUTEX_INITIALIZER;

static uint64_t hash(const char *s, size_t n) {
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static struct entry **find(const char *k, size_t klen, uint64_t h) {
    struct entry **p = &db.b[h & (db.nb - 1)];
    while (*p && !((*p)->hash == h && (*p)->klen == klen &&
                   memcmp((*p)->key, k, klen) == 0))
        p = &(*p)->next;
    return p;
}

static void grow(void) {
    size_t nb = db.nb ? db.nb * 2 : 1024;
    struct entry **b = calloc(nb, sizeof *b);
    if (!b)
        return; /* stay at the old size: slower, still right */
    for (size_t i = 0; i < db.nb; i++)
        for (struct entry *e = db.b[i], *next; e; e = next) {
            next = e->next;
            e->next = b[e->hash & (nb - 1)];
            b[e->hash & (nb - 1)] = e;
        }
    free(db.b);
    db.b = b;
    db.nb = nb;
}

static struct entry *db_get(const char *k, size_t klen) {
    return db.nb ? *find(k, klen, hash(k, klen)) : NULL;
}

/* Stores a copy of v under k. Returns 0, or -1 out of memory. */
static int db_set(const char *k, size_t klen, const char *v, size_t vlen) {
    if (db.n >= db.nb)
        grow();
    if (!db.nb)
        return -1;
    uint64_t h = hash(k, klen);
    struct entry **p = find(k, klen, h);
    char *val = malloc(vlen ? vlen : 1);
    if (!val)
        return -1;
    memcpy(val, v, vlen);
    if (!*p) {
        struct entry *e = malloc(sizeof *e + klen);
        if (!e) {
            free(val);
            return -1;
        }
        e->next = NULL;
        e->hash = h;
        e->klen = klen;
        memcpy(e->key, k, klen);
        e->val = NULL;
        *p = e;
        db.n++;
    }
    free((*p)->val);
    (*p)->val = val;
    (*p)->vlen = vlen;
    return 0;
}

static int db_del(const char *k, size_t klen) {
    if (!db.nb)
        return 0;
    struct entry **p = find(k, klen, hash(k, klen));
    struct entry *e = *p;
    if (!e)
        return 0;
    *p = e->next;
    free(e->val);
    free(e);
    db.n--;
    return 1;
}

static void db_clear(void) {
    for (size_t i = 0; i < db.nb; i++)
        while (db.b[i]) {
            struct entry *e = db.b[i];
            db.b[i] = e->next;
            free(e->val);
            free(e);
        }
    db.n = 0;
}

/* ------------------------------------------------------------------ */
/* Replies */

static void put_str(struct outbuf *o, const char *s) {
    outbuf_put(o, s, strlen(s));
}

static void put_int(struct outbuf *o, long long v) {
    char b[32];
    outbuf_put(o, b, (size_t)snprintf(b, sizeof b, ":%lld\r\n", v));
}

static void put_bulk(struct outbuf *o, const char *s, size_t n) {
    char b[32];
    outbuf_put(o, b, (size_t)snprintf(b, sizeof b, "$%zu\r\n", n));
    outbuf_put(o, s, n);
    outbuf_put(o, "\r\n", 2);
}

/* ------------------------------------------------------------------ */
/* Requests */

static int is(const struct resp_arg *a, const char *name) {
    return a->n == strlen(name) && strncasecmp(a->p, name, a->n) == 0;
}

/* Parses a's bytes as a 64-bit integer, as Redis does for INCR. */
static int to_int(const char *p, size_t n, long long *v) {
    char b[32];
    if (n == 0 || n >= sizeof b)
        return -1;
    memcpy(b, p, n);
    b[n] = 0;
    char *stop;
    errno = 0;
    *v = strtoll(b, &stop, 10);
    return *stop || errno ? -1 : 0;
}

static void wrong_args(struct outbuf *o, const struct resp_arg *cmd) {
    put_str(o, "-ERR wrong number of arguments for '");
    outbuf_put(o, cmd->p, cmd->n);
    put_str(o, "' command\r\n");
}

static void incr(struct outbuf *o, const struct resp_arg *key, long long by) {
    struct entry *e = db_get(key->p, key->n);
    long long v = 0;
    if (e && to_int(e->val, e->vlen, &v)) {
        put_str(o, "-ERR value is not an integer or out of range\r\n");
        return;
    }
    if ((by > 0 && v > LLONG_MAX - by) || (by < 0 && v < -LLONG_MAX - 1 - by)) {
        put_str(o, "-ERR increment or decrement would overflow\r\n");
        return;
    }
    v += by;
    char b[32];
    int n = snprintf(b, sizeof b, "%lld", v);
    if (db_set(key->p, key->n, b, (size_t)n))
        put_str(o, "-ERR out of memory\r\n");
    else
        put_int(o, v);
}

/* Runs request r, appending its reply. Returns 1 to close the
   connection afterwards (QUIT), else 0. */
static int execute(const struct resp_req *r, struct outbuf *o) {
    if (r->n == 0)
        return 0; /* an empty inline line: Redis ignores it */
    const struct resp_arg *a = r->v;
    size_t n = r->n;
    if (is(a, "GET")) {
        if (n != 2)
            return wrong_args(o, a), 0;
        struct entry *e = db_get(a[1].p, a[1].n);
        if (e)
            put_bulk(o, e->val, e->vlen);
        else
            put_str(o, "$-1\r\n");
    } else if (is(a, "SET")) {
        if (n < 3)
            return wrong_args(o, a), 0;
        if (n > 3)
            put_str(o, "-ERR syntax error\r\n");
        else if (db_set(a[1].p, a[1].n, a[2].p, a[2].n))
            put_str(o, "-ERR out of memory\r\n");
        else
            put_str(o, "+OK\r\n");
    } else if (is(a, "PING")) {
        if (n > 2)
            return wrong_args(o, a), 0;
        if (n == 2)
            put_bulk(o, a[1].p, a[1].n);
        else
            put_str(o, "+PONG\r\n");
    } else if (is(a, "INCR") || is(a, "DECR")) {
        if (n != 2)
            return wrong_args(o, a), 0;
        incr(o, &a[1], is(a, "INCR") ? 1 : -1);
    } else if (is(a, "DEL") || is(a, "EXISTS")) {
        if (n < 2)
            return wrong_args(o, a), 0;
        long long count = 0;
        for (size_t i = 1; i < n; i++)
            count += is(a, "DEL") ? db_del(a[i].p, a[i].n)
                                  : db_get(a[i].p, a[i].n) != NULL;
        put_int(o, count);
    } else if (is(a, "ECHO")) {
        if (n != 2)
            return wrong_args(o, a), 0;
        put_bulk(o, a[1].p, a[1].n);
    } else if (is(a, "DBSIZE")) {
        put_int(o, (long long)db.n);
    } else if (is(a, "FLUSHALL") || is(a, "FLUSHDB")) {
        db_clear();
        put_str(o, "+OK\r\n");
    } else if (is(a, "QUIT")) {
        put_str(o, "+OK\r\n");
        return 1;
    } else if (is(a, "CONFIG") && n == 3 && is(&a[1], "GET")) {
        /* What redis-benchmark asks for at start. */
        if (is(&a[2], "save") || is(&a[2], "appendonly")) {
            put_str(o, "*2\r\n");
            put_bulk(o, a[2].p, a[2].n);
            put_str(o, is(&a[2], "save") ? "$0\r\n\r\n" : "$2\r\nno\r\n");
        } else {
            put_str(o, "*0\r\n");
        }
    } else if (is(a, "COMMAND")) {
        put_str(o, "*0\r\n"); /* no command table: redis-cli copes */
    } else {
        put_str(o, "-ERR unknown command '");
        outbuf_put(o, a->p, a->n < 128 ? a->n : 128);
        put_str(o, "'\r\n");
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Connections */

struct conn {
    char *in;            /* received bytes not yet parsed start at in[0] */
    size_t n;            /* their number */
    size_t cap;          /* allocated */
    struct resp_req req; /* the request being run */
    struct outbuf out;   /* replies not yet written */
};

/* Makes room for at least one more read. Returns 0 or -1. */
static int room(struct conn *c) {
    if (c->n < c->cap)
        return 0;
    size_t cap = c->cap ? c->cap * 2 : 16384;
    if (cap > (size_t)RESP_MAX_BULK * 2)
        return -1;
    char *p = realloc(c->in, cap);
    if (!p)
        return -1;
    c->in = p;
    c->cap = cap;
    return 0;
}

/* Replies are written once this many bytes wait: a client pipelining
   large GETs costs the server one such buffer, not a reply per request
   (and its reader others' time), while it reads slowly or not at all
   (server_write cuts it off then). */
#define OUT_FLUSH (64 * 1024)

/* Runs the complete requests in the buffer and keeps the rest, until the
   replies reach OUT_FLUSH (*more is then set). Returns 1 to close the
   connection after writing the replies. */
static int run_requests(struct conn *c, int *more) {
    size_t pos = 0;
    int close = 0;
    *more = 0;
    while (pos < c->n && !close) {
        if (c->out.n >= OUT_FLUSH) {
            *more = 1;
            break;
        }
        const char *why = NULL;
        long k = resp_parse(c->in + pos, c->in + c->n, &c->req, &why);
        if (k == 0)
            break;
        if (k < 0) {
            put_str(&c->out, "-ERR Protocol error: ");
            put_str(&c->out, why);
            put_str(&c->out, "\r\n");
            return 1;
        }
        pthread_mutex_lock(&db_lock);
        close = execute(&c->req, &c->out);
        pthread_mutex_unlock(&db_lock);
        pos += (size_t)k;
    }
    memmove(c->in, c->in + pos, c->n - pos);
    c->n -= pos;
    return close || c->out.oom;
}

YC_COROUTINE static void kv_conn(struct server *sv, int fd) {
    struct conn c;
    memset(&c, 0, sizeof c);
    int done = 0, more = 0;
    while (!done) {
        if (more) {
            done = run_requests(&c, &more); /* after the flush below */
        } else if (room(&c)) {
            put_str(&c.out, "-ERR Protocol error: request too big\r\n");
            done = 1;
        } else {
            ssize_t r = YC_AWAIT(
                yc_read(fd, c.in + c.n, c.cap - c.n, server_idle_deadline(sv)));
            if (r <= 0)
                break; /* closed, reset, idle for too long, cancelled */
            c.n += (size_t)r;
            done = run_requests(&c, &more);
        }
        if (c.out.n) {
            if (YC_AWAIT(server_write(sv, fd, c.out.p, c.out.n)) < 0)
                break; /* reset, not reading its replies, cancelled */
            c.out.n = 0;
        }
    }
    free(c.in);
    free(c.req.v);
    free(c.out.p);
    yc_close(fd);
}

YC_COROUTINE int main(int argc, char **argv) {
    struct server sv;
    int rc = server_init(&sv, "kv", argc, argv);
    if (rc)
        return rc;
    YC_AWAIT(server_run(&sv, kv_conn));
    db_clear();
    free(db.b);
    return 0;
}
