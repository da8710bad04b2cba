/* Line splices and comments in odd places. */
#def\
ine SPLICED 1 + \
  2
SPLICED
int long_na\
me = 1;
const char *s = "abc\
def";
/* a comment */ int /* inside */ x /**/ = 1; // line comment \
continued comment line
int after;
#define CMT(a) a /* comment in body */ + a // trailing
CMT(3)
#/* comment after hash */define AFTER_HASH 4
AFTER_HASH
  #  define INDENTED 5
INDENTED
#
# /* null directive above and here */
a = b/**//c;
