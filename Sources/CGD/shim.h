// libgd for Swift. Only the Figures module imports this.
// gd's function-like macros do not import into Swift, so the few we need are re-stated as
// static inline functions here.
#ifndef ALIGNFUSE_CGD_SHIM_H
#define ALIGNFUSE_CGD_SHIM_H

#include <stdarg.h>
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

#endif
