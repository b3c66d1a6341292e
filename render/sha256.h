/*
 * sha256: the SHA-256 digest (FIPS 180-4), for the archive's manifest
 * and the email's Message-ID.  GLib's GChecksum does the work: the only
 * module that includes <glib.h> (the draw module meets GLib only as
 * Pango's object system and types).
 */
#ifndef SHA256_H
#define SHA256_H

#include <stddef.h>

/* Writes the lower-case hex digest of n bytes of p into hex (65 bytes). */
void	sha256_hex(const void *p, size_t n, char hex[65]);

#endif
