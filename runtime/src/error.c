/* error.c - names and descriptions of the runtime's error codes. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* strerrorname_np */
#endif
#include "yieldc.h"

#include <errno.h>
#include <string.h>

/* The codes are Linux's errno values, negated: checked here, so that a
   platform with other numbers fails to build instead of misnaming. */
#define YC__ERR_CHECK(name, value, text)                                       \
    _Static_assert(value == -name, "YC_" #name " is not -" #name);
YC_ERRNO_MAP(YC__ERR_CHECK)
#undef YC__ERR_CHECK

#ifndef YC_VERSION
#define YC_VERSION "0.1.0"
#endif

const char *yc_strerror(int err) {
    switch (err) {
    case 0:
        return "success";
#define YC__ERR_TEXT(name, value, text)                                        \
    case value:                                                                \
        return text ? text : strerror(-(value));
        YC_ERRNO_MAP(YC__ERR_TEXT)
#undef YC__ERR_TEXT
    default:
        /* Any other errno an I/O call passed on. */
        return err < 0 ? strerror(-err) : "unknown error";
    }
}

const char *yc_err_name(int err) {
    switch (err) {
    case 0:
        return "0";
#define YC__ERR_NAME(name, value, text)                                        \
    case value:                                                                \
        return "YC_" #name;
        YC_ERRNO_MAP(YC__ERR_NAME)
#undef YC__ERR_NAME
    default:
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 32)
        /* An errno the map leaves out (Linux's own, such as EL2NSYNC): its
           C name, as there is no YC_ one. */
        if (err < 0 && strerrorname_np(-err))
            return strerrorname_np(-err);
#endif
        return "YC_E?";
    }
}

const char *yc_version(void) { return YC_VERSION; }
