/* printk's log levels: a "\001" byte then a digit, prefixed to the format, as
 * Linux 6.1's include/linux/kern_levels.h encodes them. */
#ifndef __KERN_LEVELS_H__
#define __KERN_LEVELS_H__

#define KERN_SOH	"\001"		/* start of header */
#define KERN_SOH_ASCII	'\001'

#define KERN_EMERG	KERN_SOH "0"	/* the system is unusable */
#define KERN_ALERT	KERN_SOH "1"	/* act now */
#define KERN_CRIT	KERN_SOH "2"	/* critical */
#define KERN_ERR	KERN_SOH "3"	/* error */
#define KERN_WARNING	KERN_SOH "4"	/* warning */
#define KERN_NOTICE	KERN_SOH "5"	/* normal but worth noticing */
#define KERN_INFO	KERN_SOH "6"	/* information */
#define KERN_DEBUG	KERN_SOH "7"	/* debugging */

#define KERN_DEFAULT	""		/* the default level */
#define KERN_CONT	KERN_SOH "c"	/* continues the previous line */

#define LOGLEVEL_SCHED		-2
#define LOGLEVEL_DEFAULT	-1
#define LOGLEVEL_EMERG		0
#define LOGLEVEL_ALERT		1
#define LOGLEVEL_CRIT		2
#define LOGLEVEL_ERR		3
#define LOGLEVEL_WARNING	4
#define LOGLEVEL_NOTICE		5
#define LOGLEVEL_INFO		6
#define LOGLEVEL_DEBUG		7

#endif
