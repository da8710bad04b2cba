/* gcc's variadic extensions as drivers use them. */
#define pr_fmt(fmt) "stopwatch: " fmt
#define printk(fmt, ...) _printk(fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...) printk("<6>" pr_fmt(fmt), ##__VA_ARGS__)
#define dev_err(dev, fmt, args...) _dev_err(dev, fmt, ## args)
#define dbg(fmt, args...) do { log(fmt , ## args); } while (0)
#define both(a, ...) call(a, ## __VA_ARGS__)
#define plain(...) v(__VA_ARGS__)
#define named(args...) w(args)
#define first(a, ...) a
#define rest(a, ...) __VA_ARGS__
pr_info("hello\n");
pr_info("v=%d\n", 42);
pr_info("%d %d\n", (1, 2), 3);
dev_err(&pdev->dev, "bad irq %d\n", irq);
dev_err(&pdev->dev, "no args\n");
dbg("x");
dbg("y=%d", y);
both(1);
both(1,);
both(1, 2, 3);
both(1, both(2, 3));
plain();
plain(a, b);
named();
named(x, (y, z));
first(1, 2, 3) rest(1, 2, 3) rest(1)
#define COUNT(...) COUNT_(__VA_ARGS__, 5, 4, 3, 2, 1, 0)
#define COUNT_(a, b, c, d, e, N, ...) N
COUNT(a) COUNT(a, b) COUNT(a, b, c, d, e)
#define STR(...) #__VA_ARGS__
STR() STR(a,b) STR( a , b ) STR(a , "b\"c" , 'd')
#define only(...) g(z, ## __VA_ARGS__)
only() only(1) only(1, 2)
#define named_only(args...) h(z, ## args)
named_only() named_only(a)
#define PASTE_VA(x, ...) x ## __VA_ARGS__
PASTE_VA(a) PASTE_VA(a, b) PASTE_VA(, b) PASTE_VA(a, b, c)
#define NEST(fmt, ...) inner(fmt, ## __VA_ARGS__)
NEST("a", NEST("b")) NEST("c", NEST("d", 1))
#define hash_va(...) #__VA_ARGS__ __VA_ARGS__
hash_va() hash_va( 1 ,2 )
