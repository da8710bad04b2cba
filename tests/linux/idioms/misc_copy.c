// SPDX-License-Identifier: GPL-2.0
/*
 * Idiom: a misc character device holding a message. write() stores what user
 * space sends (copy_from_user), read() hands it back (copy_to_user) from the
 * file position on; a mutex serialises the two.
 */
#include <linux/module.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/minmax.h>

#define MSG_SIZE 64

static char message[MSG_SIZE] = "hello from the guest\n";
static size_t message_len = 21;
static DEFINE_MUTEX(message_lock);

static ssize_t msg_read(struct file *file, char __user *buf, size_t count,
			loff_t *ppos)
{
	size_t n;

	guard(mutex)(&message_lock);
	if (*ppos >= message_len)
		return 0;
	n = min(count, message_len - (size_t)*ppos);
	if (copy_to_user(buf, message + *ppos, n))
		return -EFAULT;
	*ppos += n;
	return n;
}

static ssize_t msg_write(struct file *file, const char __user *buf,
			 size_t count, loff_t *ppos)
{
	if (count > MSG_SIZE)
		return -ENOSPC;
	mutex_lock(&message_lock);
	if (copy_from_user(message, buf, count)) {
		mutex_unlock(&message_lock);
		return -EFAULT;
	}
	message_len = count;
	mutex_unlock(&message_lock);
	return count;
}

static const struct file_operations msg_fops = {
	.owner = THIS_MODULE,
	.read = msg_read,
	.write = msg_write,
	.llseek = default_llseek,
};

static struct miscdevice msg_device = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "message",
	.fops = &msg_fops,
	.mode = 0666,
};
module_misc_device(msg_device);

MODULE_DESCRIPTION("A message in /dev/message");
MODULE_LICENSE("GPL");
