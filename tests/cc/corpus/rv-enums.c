/* Enumeration types and constants as gcc types them: an enum without negative values is
 * unsigned int, a constant too big for int takes the enum type (0x80000000 is unsigned, so
 * MASK >> 28 is a logical shift), and values beyond 32 bits make the enum 8 bytes (GNU C). */
#include "../runtime/printf.c"
enum pos { PA, PB = 5 };
enum neg { NA = -1, NB };
enum big { BA = 0x80000000u };
enum huge { HA = 1LL << 33 };
enum regs { MODE_MASK = 0xf0000000, MODE_SHIFT = 28 };
enum mixed { NEG_WIDE = -1, WIDE = 0x80000000 };
int main(void) {
	enum pos p = -1;
	enum neg n = -1;
	printf("%d %d %d %d\n", p < 0, n < 0, (int)sizeof(enum big), sizeof(int) - 5 > 0);
	printf("%d %u %d\n", BA > 0, (unsigned)sizeof(BA), (int)sizeof(PA));
	printf("%d %lld\n", (int)sizeof(enum huge), (long long)HA);
	printf("%u %d %u %lld %d %d\n", MODE_MASK >> MODE_SHIFT, (int)sizeof(MODE_MASK), (unsigned)sizeof(enum regs), (long long)WIDE, (int)sizeof(WIDE),
	       (int)sizeof(enum mixed));
	enum pos q = PB;
	printf("%d %d\n", q / 2 - 3 < 0, (q - 10) / 2);
	return 0;
}
