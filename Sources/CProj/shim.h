#ifndef LASTMILE_CPROJ_SHIM_H
#define LASTMILE_CPROJ_SHIM_H
#include <proj.h>
#endif
