/* __LINE__ in macro bodies, in arguments and in calls spread over lines. */
#define f(x) x __LINE__
f(__LINE__

)
f(a
)
#define g __LINE__
g
f(g
)
#define h(x, y) x y __LINE__
h(
  __LINE__,
  g
)
__LINE__ g
