/* C99 6.10.3.5 example 3: rescanning, hide sets, empty arguments. */
#define x 3
#define f(a) f(x * (a))
#undef x
#define x 2
#define g f
#define z z[0]
#define h g(~
#define m(a) a(w)
#define w 0,1
#define t(a) a
#define p() int
#define q(x) x
#define r(x,y) x ## y
#define str(x) # x
f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);
g(x+(3,4)-w) | h 5) & m
    (f)^m(m);
p() i[q()] = { q(1), r(2,3), r(4,), r(,5), r(,) };
char c[2][6] = { str(hello), str() };

/* Example 5: empty arguments and placemarkers. */
#define tt(x,y,z) x ## y ## z
int j[] = { tt(1,2,3), tt(,4,5), tt(6,,7), tt(8,9,),
            tt(10,,), tt(,11,), tt(,,12), tt(,,) };

/* Example 6: benign redefinitions. */
#define OBJ_LIKE (1-1)
#define OBJ_LIKE /* white space */ (1-1) /* other */
#define FUNC_LIKE(a) ( a )
#define FUNC_LIKE( a )( /* note the white space */ \
        a /* other stuff on this line
        */ )

/* Example 7: variable arguments. */
#undef debug
#define debug(...) fprintf(stderr, __VA_ARGS__)
#define showlist(...) puts(#__VA_ARGS__)
#define report(test, ...) ((test)?puts(#test):\
        printf(__VA_ARGS__))
debug("Flag");
debug("X = %d\n", x);
showlist(The first, second, and third items.);
report(x>y, "x is %d but y is %d", x, y);

/* 6.10.3.3 example: ## produced by # ## #. */
#define hash_hash # ## #
#define mkstr(a) # a
#define in_between(a) mkstr(a)
#define join(c, d) in_between(c hash_hash d)
char pp[] = join(x, y);

/* 6.10.3.4 example: the nested replacement is not in the hide set of the rescan. */
#undef f
#undef g
#define f(a) a*g
#define g(a) f(a)
f(2)(9)
