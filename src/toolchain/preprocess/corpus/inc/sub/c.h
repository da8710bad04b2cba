c_h __FILE__ __LINE__
#include "d.h"
#include "../a.h"
after_d __LINE__
