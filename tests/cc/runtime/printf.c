/* printf for the corpus: %d %i %u %x %X %o %c %s %p %% with l/ll/h/hh/z length, '-', '0' and a width.
 * Included textually (#include "../runtime/printf.c") by each corpus program. */
#include <stdarg.h>
#include "printf.h"

#define UART0_THR ((volatile unsigned char *)0x10000000)
#define UART0_LSR ((volatile unsigned char *)0x10000005)

void putchar_uart(int c)
{
	while ((*UART0_LSR & 0x20) == 0)
		;
	*UART0_THR = (unsigned char)c;
}

static int put_padded(const char *s, int len, int width, int left, char pad)
{
	int n = 0;
	if (!left)
		for (; width > len; width--, n++)
			putchar_uart(pad);
	for (int i = 0; i < len; i++, n++)
		putchar_uart(s[i]);
	if (left)
		for (; width > len; width--, n++)
			putchar_uart(' ');
	return n;
}

static int format_unsigned(char *buf, unsigned long long v, unsigned base, int upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, len = 0;
	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	while (n)
		buf[len++] = tmp[--n];
	return len;
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int count = 0;
	va_start(ap, fmt);
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			putchar_uart(*fmt);
			count++;
			continue;
		}
		fmt++;
		int left = 0, width = 0, lng = 0;
		char pad = ' ';
		if (*fmt == '-') { left = 1; fmt++; }
		if (*fmt == '0') { pad = '0'; fmt++; }
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		while (*fmt == 'l' || *fmt == 'h' || *fmt == 'z') {
			if (*fmt == 'l')
				lng++;
			fmt++;
		}
		char buf[32];
		int len = 0;
		unsigned long long u;
		switch (*fmt) {
		case 'd': case 'i': {
			long long v = lng >= 2 ? va_arg(ap, long long) : (long long)va_arg(ap, int);
			u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
			if (v < 0)
				buf[len++] = '-';
			len += format_unsigned(buf + len, u, 10, 0);
			break;
		}
		case 'u': case 'x': case 'X': case 'o':
			u = lng >= 2 ? va_arg(ap, unsigned long long) : (unsigned long long)va_arg(ap, unsigned int);
			len = format_unsigned(buf, u, *fmt == 'u' ? 10 : *fmt == 'o' ? 8 : 16, *fmt == 'X');
			break;
		case 'p':
			buf[0] = '0';
			buf[1] = 'x';
			len = 2 + format_unsigned(buf + 2, (unsigned long)va_arg(ap, void *), 16, 0);
			break;
		case 'c':
			buf[len++] = (char)va_arg(ap, int);
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			int n = 0;
			while (s[n])
				n++;
			count += put_padded(s, n, width, left, ' ');
			continue;
		}
		case '%':
			buf[len++] = '%';
			break;
		default:
			buf[len++] = '%';
			buf[len++] = *fmt;
			if (!*fmt)
				fmt--;
			break;
		}
		count += put_padded(buf, len, width, left, pad);
	}
	va_end(ap);
	return count;
}
