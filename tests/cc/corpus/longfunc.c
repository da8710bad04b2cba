/* A function whose loop body is longer than a conditional branch can reach (±4 KiB):
 * the assembler must relax the loop's branches into branch-over-jal pairs. */
#include "../runtime/printf.c"

#define STEP(k) acc = (acc * 31u + (k)) ^ (acc >> 3); if (acc & 0x100u) odd++;
#define STEP10(k) STEP(k) STEP(k + 1) STEP(k + 2) STEP(k + 3) STEP(k + 4) STEP(k + 5) STEP(k + 6) STEP(k + 7) STEP(k + 8) STEP(k + 9)

static unsigned churn(unsigned seed, int rounds, int *odd_out)
{
	unsigned acc = seed;
	int odd = 0;
	for (int r = 0; r < rounds; r++) {
		if (acc == 0)
			acc = 1;
		STEP10(0) STEP10(10) STEP10(20) STEP10(30) STEP10(40)
		STEP10(50) STEP10(60) STEP10(70) STEP10(80) STEP10(90)
		STEP10(100) STEP10(110) STEP10(120) STEP10(130) STEP10(140)
		if (r == rounds / 2)
			continue;
	}
	*odd_out = odd;
	return acc;
}

int main(void)
{
	int odd;
	unsigned v = churn(12345u, 7, &odd);
	printf("churn %u %d\n", v, odd);
	return 0;
}
