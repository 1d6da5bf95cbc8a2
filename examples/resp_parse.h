/* resp_parse.h - Redis protocol (RESP) requests in: plain C with no I/O,
   apart from the kv example so that a fuzz target can drive it
   (testsuite/fuzz). */
#ifndef EXAMPLES_RESP_PARSE_H
#define EXAMPLES_RESP_PARSE_H

#include <stddef.h>

enum {
    RESP_MAX_BULK = 512 << 20, /* a bulk string's bytes */
    RESP_MAX_ARGS = 1 << 20,   /* a request's arguments */
    RESP_MAX_INLINE = 64 << 10 /* an inline command's line */
};

struct resp_arg {
    const char *p; /* into the connection's input buffer */
    size_t n;
};

struct resp_req {
    struct resp_arg *v; /* the arguments; v[0] is the command */
    size_t n;           /* their number */
    size_t cap;         /* allocated */
};

/* Parses one request from s[0..end) (s < end) into r, whose argument
   array it grows as needed (free r->v when done). Returns the bytes it
   takes, 0 if it is incomplete, or -1 with *why set if it is not RESP:
   an inline command (words up to \n) or an array of bulk strings. */
long resp_parse(const char *s, const char *end, struct resp_req *r,
                const char **why);

#endif
