/* debugfs, the debugging file system under /sys/kernel/debug: directories and
 * files backed by a driver's file_operations or by a variable, as Linux 6.1's
 * include/linux/debugfs.h declares them. Failures come back as ERR_PTRs that
 * the other calls accept, so drivers need not check them. */
#ifndef _DEBUGFS_H_
#define _DEBUGFS_H_

#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/types.h>
#include <linux/compiler.h>

struct device;

/* A parent of NULL means the debugfs root. */
struct dentry *debugfs_create_dir(const char *name, struct dentry *parent);

/* A file whose reads and writes go to fops; data becomes inode->i_private. */
struct dentry *debugfs_create_file(const char *name, umode_t mode,
				   struct dentry *parent, void *data,
				   const struct file_operations *fops);
struct dentry *debugfs_create_file_unsafe(const char *name, umode_t mode,
				   struct dentry *parent, void *data,
				   const struct file_operations *fops);

struct dentry *debugfs_lookup(const char *name, struct dentry *parent);

/* Removes a file or a whole directory tree. */
void debugfs_remove(struct dentry *dentry);
#define debugfs_remove_recursive debugfs_remove

void debugfs_lookup_and_remove(const char *name, struct dentry *parent);

/* Files showing (and, if writable, setting) a variable. */
void debugfs_create_u8(const char *name, umode_t mode, struct dentry *parent,
		       u8 *value);
void debugfs_create_u16(const char *name, umode_t mode, struct dentry *parent,
			u16 *value);
void debugfs_create_u32(const char *name, umode_t mode, struct dentry *parent,
			u32 *value);
void debugfs_create_u64(const char *name, umode_t mode, struct dentry *parent,
			u64 *value);
void debugfs_create_x32(const char *name, umode_t mode, struct dentry *parent,
			u32 *value);
void debugfs_create_ulong(const char *name, umode_t mode, struct dentry *parent,
			  unsigned long *value);
void debugfs_create_bool(const char *name, umode_t mode, struct dentry *parent,
			 bool *value);
void debugfs_create_atomic_t(const char *name, umode_t mode,
			     struct dentry *parent, atomic_t *value);

/* Attribute files with get/set callbacks on a u64 and a printf format. */
int debugfs_attr_read(struct file *file, char __user *buf,
		      size_t len, loff_t *ppos);
ssize_t debugfs_attr_write(struct file *file, const char __user *buf,
			size_t len, loff_t *ppos);

#endif
