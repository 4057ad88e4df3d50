#ifndef LASTMILE_CZLIB_SHIM_H
#define LASTMILE_CZLIB_SHIM_H
#include <zlib.h>
#endif
