/* Rescanning corner cases: hide sets, names without arguments, parentheses from later. */
#define AA BB
#define BB AA
AA BB
#define foo foo
foo
#define fl(x) x fl
fl(1)(2)(3)
#define EMPTY
#define LPAREN (
#define RPAREN )
#define F(x, y) x + y
#define ELLIP_FUNC(...) __VA_ARGS__
ELLIP_FUNC(F, LPAREN, 'a', 'b', RPAREN);
#define EMPTY_F()
#define DEFER(id) id EMPTY_F()
#define OBSTRUCT(...) __VA_ARGS__ DEFER(EMPTY_F)()
#define EXPAND(...) __VA_ARGS__
#define A() 123
A ()
DEFER(A)()
EXPAND(DEFER(A)())
#define CAT(a, b) a ## b
#define XCAT(a, b) CAT(a, b)
XCAT(CAT(x, y), z) CAT(C, AT)(1, 2)
#define obj (obj + 1)
#define fn(a) fn(a + obj)
fn(fn(obj))
#define id(x) x
id(id)(3) id(id(id))(4)
#define lparen (
id lparen 5)
#define f2 g2
#define g2(x) [x]
f2(1) f2 (2) f2
(3)
#define NIL(x) x
#define G_0(arg) NIL(G_1)(arg)
#define G_1(arg) NIL(arg)
G_0(42)
#define recur(x) x recur
recur(recur)(a)
#define apply(f, x) f(x)
apply(id, id(7)) apply(apply, (id, 8))
