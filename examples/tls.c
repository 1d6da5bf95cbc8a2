/* tls.c - a TLS echo server: an unmodified OpenSSL runs its blocking
   SSL_accept, SSL_read and SSL_write on a stackful micro-thread per
   connection, all on one OS thread. OpenSSL does its I/O through a BIO
   whose callbacks read and write a yc_stream; on a stackful micro-thread
   those calls suspend it, so a connection waiting for its peer costs the
   others nothing. A connection silent for --idle-ms is closed, and the
   handshake as a whole must finish within --idle-ms.

       openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost \
           -days 1 -keyout key.pem -out cert.pem
       ./tls --port 8443 --cert cert.pem --key key.pem --idle-ms 10000 &
       openssl s_client -connect 127.0.0.1:8443 -quiet

   OpenSSL keeps its error queue per OS thread, which every micro-thread
   here shares: so each one empties it after every SSL call, before it
   can suspend, and no micro-thread ever sees another's errors. */
#include "server.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <stdio.h>
#include <string.h>

static SSL_CTX *tls_ctx;        /* the certificate and settings */
static BIO_METHOD *stream_bios; /* BIOs over a yc_stream */

/* ------------------------------------------------------------------ */
/* A BIO over a yc_stream (its data pointer). The stream's callback forms
   take its timeout as the deadline and report failures POSIX style. */

static int bio_read(BIO *b, char *buf, int len) {
    BIO_clear_retry_flags(b);
    if (len <= 0)
        return 0;
    ssize_t n = yc_stream_read_cb(BIO_get_data(b), buf, (size_t)len);
    return n < 0 ? -1 : (int)n; /* 0: the peer closed */
}

static int bio_write(BIO *b, const char *buf, int len) {
    BIO_clear_retry_flags(b);
    if (len <= 0)
        return 0;
    ssize_t n = yc_stream_write_cb(BIO_get_data(b), buf, (size_t)len);
    return n < 0 ? -1 : (int)n;
}

static long bio_ctrl(BIO *b, int cmd, long num, void *ptr) {
    (void)b, (void)num, (void)ptr;
    /* Writes go straight to the socket: nothing to flush. OpenSSL asks
       other things (kTLS, datagram options); 0 means "not supported". */
    return cmd == BIO_CTRL_FLUSH ? 1 : 0;
}

/* ------------------------------------------------------------------ */
/* Connections */

/* The handshake, which must finish within the idle time as a whole: a
   client that trickles it byte by byte is cut off too. Returns 0 if it
   succeeded. */
static int handshake(const struct server *sv, SSL *ssl) {
    int scoped = sv->idle != YC_NO_DEADLINE &&
                 yc_deadline_push(yc_now() + sv->idle) == 0;
    int rc = SSL_accept(ssl);
    ERR_clear_error();
    if (scoped)
        yc_deadline_pop();
    return rc == 1 ? 0 : -1;
}

/* Sends back every byte received until the peer closes, goes silent for
   the idle time, or the server stops (SIGTERM cancels this micro-thread:
   the blocking read in the BIO fails with YC_ECANCELED). */
static void echo(SSL *ssl) {
    char buf[16384];
    for (;;) {
        int n = SSL_read(ssl, buf, sizeof buf);
        if (n <= 0) {
            int why = SSL_get_error(ssl, n);
            ERR_clear_error();
            if (why == SSL_ERROR_ZERO_RETURN)
                SSL_shutdown(ssl); /* answer the peer's close_notify */
            ERR_clear_error();
            return;
        }
        int w = SSL_write(ssl, buf, n);
        ERR_clear_error();
        if (w != n)
            return;
    }
}

/* Serves one connection, on its own stackful micro-thread. */
static void tls_conn(struct server *sv, int fd) {
    yc_stream *st;
    if (yc_stream_fd(&st, fd)) {
        yc_close(fd);
        return;
    }
    yc_stream_set_timeout(st, sv->idle); /* YC_NO_DEADLINE is -1 too */
    SSL *ssl = SSL_new(tls_ctx);
    BIO *bio = BIO_new(stream_bios);
    if (ssl && bio) {
        BIO_set_data(bio, st);
        BIO_set_init(bio, 1);
        SSL_set_bio(ssl, bio, bio); /* ssl owns bio now */
        bio = NULL;
        if (handshake(sv, ssl) == 0)
            echo(ssl);
    }
    SSL_free(ssl);
    BIO_free(bio);
    ERR_clear_error();
    yc_stream_close(st);
}

/* ------------------------------------------------------------------ */
/* Setup */

/* Takes --cert FILE and --key FILE out of argv, leaving the options of
   server_init. Returns 0, or -1 if either is missing. */
static int take_files(int *argc, char **argv, const char **cert,
                      const char **key) {
    int out = 1;
    for (int i = 1; i < *argc; i++) {
        if (i + 1 < *argc && strcmp(argv[i], "--cert") == 0)
            *cert = argv[++i];
        else if (i + 1 < *argc && strcmp(argv[i], "--key") == 0)
            *key = argv[++i];
        else
            argv[out++] = argv[i];
    }
    *argc = out;
    argv[out] = NULL;
    return *cert && *key ? 0 : -1;
}

/* The TLS context (TLS 1.2 and later) and the BIO method. Returns 0, or
   prints OpenSSL's reasons and returns -1. */
static int tls_init(const char *cert, const char *key) {
    tls_ctx = SSL_CTX_new(TLS_server_method());
    stream_bios = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK,
                               "yieldc stream");
    if (!tls_ctx || !stream_bios ||
        !SSL_CTX_set_min_proto_version(tls_ctx, TLS1_2_VERSION) ||
        SSL_CTX_use_certificate_chain_file(tls_ctx, cert) != 1 ||
        SSL_CTX_use_PrivateKey_file(tls_ctx, key, SSL_FILETYPE_PEM) != 1 ||
        SSL_CTX_check_private_key(tls_ctx) != 1 ||
        !BIO_meth_set_read(stream_bios, bio_read) ||
        !BIO_meth_set_write(stream_bios, bio_write) ||
        !BIO_meth_set_ctrl(stream_bios, bio_ctrl)) {
        ERR_print_errors_fp(stderr);
        return -1;
    }
    /* An idle connection keeps no read and write buffers (about 34 KiB
       each), which matters with many clients. */
    SSL_CTX_set_mode(tls_ctx, SSL_MODE_RELEASE_BUFFERS);
    return 0;
}

static void tls_free(void) {
    SSL_CTX_free(tls_ctx);
    BIO_meth_free(stream_bios);
}

YC_COROUTINE int main(int argc, char **argv) {
    const char *cert = NULL, *key = NULL;
    if (take_files(&argc, argv, &cert, &key)) {
        fprintf(stderr, "usage: tls --cert FILE --key FILE [--ip ADDR] "
                        "[--port N] [--idle-ms N]\n"
                        "  --cert FILE  the certificate chain (PEM)\n"
                        "  --key FILE   its private key (PEM)\n");
        return 2;
    }
    if (tls_init(cert, key)) {
        tls_free();
        return 2;
    }
    struct server sv;
    int rc = server_init(&sv, "tls", argc, argv);
    if (rc == 0)
        YC_AWAIT(server_run_stackful(&sv, tls_conn));
    tls_free();
    return rc;
}
