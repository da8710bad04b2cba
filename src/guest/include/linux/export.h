/* EXPORT_SYMBOL and EXPORT_SYMBOL_GPL, as Linux 6.1's include/linux/export.h
 * emits them without relative references: the symbol's name goes into
 * __ksymtab_strings (a top-level asm block) and a struct kernel_symbol into a
 * per-symbol ___ksymtab+NAME section the module linker script gathers. */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

#include <linux/stringify.h>

#ifndef __ASSEMBLY__

#ifdef MODULE
extern struct module __this_module;
#define THIS_MODULE (&__this_module)
#else
#define THIS_MODULE ((struct module *)0)
#endif

/* One exported symbol: its address, its name, its namespace ("" for none). */
struct kernel_symbol {
	unsigned long value;
	const char *name;
	const char *namespace;
};

#define __KSYMTAB_ENTRY(sym, sec)					\
	static const struct kernel_symbol __ksymtab_##sym		\
	__attribute__((section("___ksymtab" sec "+" #sym), used))	\
	__aligned(sizeof(void *))					\
	= { (unsigned long)&sym, __kstrtab_##sym, __kstrtabns_##sym }

#define __CRC_SYMBOL(sym, sec)

/* The two strings are emitted by the assembler so that they can be merged
 * (aMS: mergeable strings) across every export of the object. */
#define ___EXPORT_SYMBOL(sym, sec, ns)						\
	extern typeof(sym) sym;							\
	extern const char __kstrtab_##sym[];					\
	extern const char __kstrtabns_##sym[];					\
	__CRC_SYMBOL(sym, sec);							\
	asm("	.section \"__ksymtab_strings\",\"aMS\",%progbits,1	\n"	\
	    "__kstrtab_" #sym ":					\n"	\
	    "	.asciz 	\"" #sym "\"					\n"	\
	    "__kstrtabns_" #sym ":					\n"	\
	    "	.asciz 	\"" ns "\"					\n"	\
	    "	.previous						\n");	\
	__KSYMTAB_ENTRY(sym, sec)

#define __EXPORT_SYMBOL(sym, sec, ns)	___EXPORT_SYMBOL(sym, sec, ns)

#define _EXPORT_SYMBOL(sym, sec)	__EXPORT_SYMBOL(sym, sec, "")
#define _EXPORT_SYMBOL_NS(sym, sec, ns)	__EXPORT_SYMBOL(sym, sec, __stringify(ns))

#define EXPORT_SYMBOL(sym)		_EXPORT_SYMBOL(sym, "")
#define EXPORT_SYMBOL_GPL(sym)		_EXPORT_SYMBOL(sym, "_gpl")
#define EXPORT_SYMBOL_NS(sym, ns)	_EXPORT_SYMBOL_NS(sym, "", ns)
#define EXPORT_SYMBOL_NS_GPL(sym, ns)	_EXPORT_SYMBOL_NS(sym, "_gpl", ns)

#endif /* !__ASSEMBLY__ */

#endif
