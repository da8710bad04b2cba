/* leading comment */
#ifndef GUARDED_H
#define GUARDED_H
guarded_once
#endif /* GUARDED_H */
