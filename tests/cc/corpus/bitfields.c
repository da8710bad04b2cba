/* Bit-fields as register layouts use them: unsigned/signed fields, a zero-width field,
 * fields straddling bytes, read-modify-write, and the struct's size and layout in memory. */
#include "../runtime/printf.c"

struct ctrl {
	unsigned enable : 1;
	unsigned mode : 3;
	signed level : 4;
	unsigned : 0;
	unsigned id : 12;
	unsigned flags : 9;
	unsigned char small : 2;
};

union reg {
	unsigned int raw;
	struct {
		unsigned int lo : 7;
		unsigned int mid : 13;
		unsigned int hi : 12;
	} f;
};

int main(void)
{
	struct ctrl c = { 1, 5, -3 };
	c.id = 0xabc;
	c.flags = 0x1ff;
	c.mode++;
	c.level -= 4;
	c.small = 7;
	printf("ctrl %u %u %d %x %x %u size %u\n", c.enable, c.mode, c.level, c.id, c.flags, c.small, (unsigned)sizeof c);
	union reg r;
	r.raw = 0xdeadbeef;
	printf("reg %x %x %x\n", r.f.lo, r.f.mid, r.f.hi);
	r.f.mid = 0x1234;
	r.f.hi += 1;
	printf("raw %x\n", r.raw);
	unsigned char *bytes = (unsigned char *)&c;
	for (unsigned i = 0; i < sizeof c; i++)
		printf("%02x", bytes[i]);
	printf("\n");
	return 0;
}
