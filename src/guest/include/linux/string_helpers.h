/* Small string helpers: str_yes_no() and friends pick one of two words for a
 * boolean, as Linux 6.1's include/linux/string_helpers.h provides them. */
#ifndef _LINUX_STRING_HELPERS_H_
#define _LINUX_STRING_HELPERS_H_

#include <linux/types.h>

static inline const char *str_yes_no(bool v)
{
	return v ? "yes" : "no";
}

static inline const char *str_on_off(bool v)
{
	return v ? "on" : "off";
}

static inline const char *str_enable_disable(bool v)
{
	return v ? "enable" : "disable";
}

static inline const char *str_true_false(bool v)
{
	return v ? "true" : "false";
}

#endif
