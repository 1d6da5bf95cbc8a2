/* error.c - names and descriptions of the runtime's error codes. */
#include "yieldc.h"

#include <string.h>

#ifndef YC_VERSION
#define YC_VERSION "0.1.0"
#endif

const char *yc_strerror(int err) {
    switch (err) {
    case 0:
        return "success";
#define YC__ERR_TEXT(name, value, text)                                        \
    case value:                                                                \
        return text;
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
        return "YC_E?";
    }
}

const char *yc_version(void) { return YC_VERSION; }
