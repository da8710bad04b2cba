// SPDX-License-Identifier: GPL-2.0
/*
 * Idiom: a kernel linked list of allocated records. Each record embeds its
 * struct list_head; list_for_each_entry walks them, the _safe variant lets
 * the walk free them. A record with a flexible array is sized by
 * struct_size (overflow-checked), and a scratch buffer is freed by __free.
 */
#include <linux/module.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/overflow.h>
#include <linux/string.h>

struct sample {
	struct list_head node;
	unsigned int count;
	u32 values[];
};

static LIST_HEAD(samples);
static DEFINE_MUTEX(samples_lock);

static int add_sample(unsigned int count)
{
	struct sample *s;
	unsigned int i;

	s = kzalloc(struct_size(s, values, count), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	s->count = count;
	for (i = 0; i < count; i++)
		s->values[i] = i * i;
	guard(mutex)(&samples_lock);
	list_add_tail(&s->node, &samples);
	return 0;
}

static u32 sum_samples(void)
{
	struct sample *s;
	u32 sum = 0;
	unsigned int i;

	guard(mutex)(&samples_lock);
	list_for_each_entry(s, &samples, node)
		for (i = 0; i < s->count; i++)
			sum += s->values[i];
	return sum;
}

static void free_samples(void)
{
	struct sample *s, *next;

	mutex_lock(&samples_lock);
	list_for_each_entry_safe(s, next, &samples, node) {
		list_del(&s->node);
		kfree(s);
	}
	mutex_unlock(&samples_lock);
}

static int __init samples_init(void)
{
	u32 *scratch __free(kfree) = kcalloc(8, sizeof(u32), GFP_KERNEL);
	unsigned int n;
	int ret;

	if (!scratch)
		return -ENOMEM;
	for (n = 1; n <= 4; n++) {
		ret = add_sample(n);
		if (ret) {
			free_samples();
			return ret;
		}
	}
	scratch[0] = sum_samples();
	pr_info("samples: %zu records, sum %u\n", list_count_nodes(&samples), scratch[0]);
	return 0;
}

static void __exit samples_exit(void)
{
	free_samples();
}

module_init(samples_init);
module_exit(samples_exit);

MODULE_DESCRIPTION("list_for_each_entry over allocated records");
MODULE_LICENSE("GPL");
