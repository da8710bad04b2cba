#ifndef A_H
#define A_H
a_h_once __FILE__ __INCLUDE_LEVEL__
#endif
