/* ## forming every kind of token, # with quotes, backslashes and spacing. */
#define cat(a, b) a ## b
#define cat3(a, b, c) a ## b ## c
cat(+, =) cat(-, >) cat(<<, =) cat(&, &) cat(#, #) cat(|, |)
cat(x, 1) cat(1, x) cat(0x, 1f) cat(1, e) cat(L, 'a') cat(u8, "s") cat(_, _LINE__)
cat3(a, b, c) cat3(1, 2, 3) cat3(, , x) cat3(x, , ) cat3(, y, )
#define s(x) #x
#define xs(x) s(x)
s(a "b" 'c' '"' "\"" "\\" '\\' '\'') s(  spaced    out   ) s(
  split
  across lines ) s(/* comment */ a /* c */ b) s(a/**/b) s(( , ))
s(@) s(L"x") s(+=) s('\0')
xs(cat(a, b)) xs(__FILE__) xs(s(x)) xs(-1) xs(( a , b ))
#define EMPTY
xs(EMPTY) xs(a EMPTY b) xs(EMPTY a) xs(a EMPTY)
#define str_cat(a) s(a) #a
str_cat(1 + 2)
#define tokpaste(a, b) a##b##_suffix
tokpaste(pre, mid)
#define pp(x) x ## x
pp(1) pp(ab) pp()
#define mk(n) reg_ ## n ## _OFFSET
mk(CTRL) mk(0)
