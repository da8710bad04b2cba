/* lib.h: what main.c calls in lib.c. */
int add(int x, int y);
int twice(int x);
void spin(int n);
char wait_key(void);
