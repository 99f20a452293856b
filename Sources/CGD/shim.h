// libgd for Swift. Only the Figures module imports this.
// gd's function-like macros do not import into Swift, so the few we need are re-stated as
// static inline functions here.
#ifndef ALIGNFUSE_CGD_SHIM_H
#define ALIGNFUSE_CGD_SHIM_H

#include <stdarg.h>
#include <string.h>
#include <zlib.h>
#include <gd.h>
#include <gdfontl.h>

static inline int cgd_truecolor_alpha(int r, int g, int b, int a) { return gdTrueColorAlpha(r, g, b, a); }
static inline int cgd_red(int c) { return gdTrueColorGetRed(c); }
static inline int cgd_green(int c) { return gdTrueColorGetGreen(c); }
static inline int cgd_blue(int c) { return gdTrueColorGetBlue(c); }
static inline int cgd_alpha(int c) { return gdTrueColorGetAlpha(c); }
static inline int cgd_sx(gdImagePtr im) { return gdImageSX(im); }
static inline int cgd_sy(gdImagePtr im) { return gdImageSY(im); }
static inline int cgd_is_truecolor(gdImagePtr im) { return gdImageTrueColor(im); }

/// The row `y` of a true-colour image's pixels (0x7FRRGGBB words, alpha 0 = opaque).
static inline int *cgd_truecolor_row(gdImagePtr im, int y) { return im->tpixels[y]; }

/// gd prints decoder complaints to stderr by default; this handler drops them, because the
/// loader reports its own typed error instead. (A va_list parameter cannot be written in Swift.)
static void cgd_ignore_message(int priority, const char *format, va_list args) {
    (void)priority; (void)format; (void)args;
}
static inline void cgd_silence_errors(void) { gdSetErrorMethod(cgd_ignore_message); }

/// One-shot zlib compression of `src` into `dst` (capacity `*dst_len`, at least
/// compressBound(src_len)) with a chosen level and strategy; `deflateInit2` is a macro, so
/// Swift cannot call it. Returns Z_OK and sets `*dst_len` to the compressed size.
static inline int cgd_deflate(unsigned char *dst, unsigned long *dst_len, const unsigned char *src,
                              unsigned long src_len, int level, int strategy) {
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    int status = deflateInit2(&stream, level, Z_DEFLATED, 15, 8, strategy);
    if (status != Z_OK) return status;
    stream.next_in = (unsigned char *)src;
    stream.avail_in = (uInt)src_len;
    stream.next_out = dst;
    stream.avail_out = (uInt)*dst_len;
    status = deflate(&stream, Z_FINISH);
    *dst_len = stream.total_out;
    deflateEnd(&stream);
    return status == Z_STREAM_END ? Z_OK : Z_BUF_ERROR;
}

#endif
