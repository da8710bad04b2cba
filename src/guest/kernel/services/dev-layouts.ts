// Byte offsets (ilp32) of the kernel structures the device and time services
// read and write in guest RAM, exactly as src/guest/include lays them out.
// dev-layouts.gcc.test.ts checks every number here against gcc's offsetof.

/** include/linux/types.h: struct list_head. */
export const LIST_HEAD = { next: 0, prev: 4, size: 8 } as const;

/** include/linux/of.h: struct property. */
export const PROPERTY = { name: 0, length: 4, value: 8, next: 12, size: 20 } as const;

/** include/linux/of.h: struct device_node (fwnode is embedded, 32 bytes). */
export const DEVICE_NODE = {
  name: 0, phandle: 4, full_name: 8, fwnode: 12, properties: 44, deadprops: 48,
  parent: 52, child: 56, sibling: 60, _flags: 64, data: 68, size: 72,
} as const;

/** include/linux/mod_devicetable.h: struct of_device_id. */
export const OF_DEVICE_ID = { name: 0, type: 32, compatible: 64, data: 192, size: 196 } as const;

/** include/linux/ioport.h: struct resource. */
export const RESOURCE = {
  start: 0, end: 4, name: 8, flags: 12, desc: 16, parent: 20, sibling: 24, child: 28, size: 32,
} as const;

/** include/linux/kobject.h: struct kobject. */
export const KOBJECT = { name: 0, size: 36 } as const;

/** include/linux/device.h: struct device (kobj first). */
export const DEVICE = {
  kobj: 0, parent: 36, init_name: 44, bus: 52, driver: 56, platform_data: 60, driver_data: 64,
  of_node: 96, fwnode: 100, devt: 104, id: 108, release: 132, size: 136,
} as const;

/** include/linux/platform_device.h: struct platform_device. */
export const PLATFORM_DEVICE = {
  name: 0, id: 4, id_auto: 8, dev: 16, num_resources: 172, resource: 176, id_entry: 180,
  driver_override: 184, size: 192,
} as const;

/** include/linux/device/driver.h: struct device_driver. */
export const DEVICE_DRIVER = {
  name: 0, bus: 4, owner: 8, of_match_table: 24, probe: 32, remove: 40, groups: 56, dev_groups: 60, size: 76,
} as const;

/** include/linux/platform_device.h: struct platform_driver. */
export const PLATFORM_DRIVER = { probe: 0, remove: 4, shutdown: 8, driver: 20, id_table: 96, size: 104 } as const;

/** include/linux/completion.h: struct completion (wait is a swait_queue_head). */
export const COMPLETION = { done: 0, wait: 4, size: 16 } as const;

/** include/linux/swait.h: struct swait_queue_head. */
export const SWAIT_QUEUE_HEAD = { lock: 0, task_list: 4, size: 12 } as const;

/** include/linux/wait.h: struct wait_queue_head. */
export const WAIT_QUEUE_HEAD = { lock: 0, head: 4, size: 12 } as const;

/** include/linux/wait.h: struct wait_queue_entry. */
export const WAIT_QUEUE_ENTRY = { flags: 0, private: 4, func: 8, entry: 12, size: 20 } as const;

/** include/linux/timer.h: struct timer_list (entry is an hlist_node: next, pprev). */
export const TIMER_LIST = { entry: 0, pprev: 4, expires: 8, function: 12, flags: 16, size: 20 } as const;

/** include/linux/workqueue.h: struct work_struct. */
export const WORK_STRUCT = { data: 0, entry: 4, func: 12, size: 16 } as const;

/** include/linux/workqueue.h: struct delayed_work. */
export const DELAYED_WORK = { work: 0, timer: 16, wq: 36, cpu: 40, size: 44 } as const;

/** include/linux/interrupt.h: struct tasklet_struct. */
export const TASKLET_STRUCT = { next: 0, state: 4, count: 8, use_callback: 12, func: 16, data: 20, size: 24 } as const;

/** include/linux/mutex.h: struct mutex. */
export const MUTEX = { owner: 0, wait_lock: 4, wait_list: 8, size: 16 } as const;

/** include/linux/sched.h: struct task_struct (the part the headers show). */
export const TASK_STRUCT = { __state: 20, stack: 24, flags: 28, pid: 40, tgid: 44, comm: 48, size: 64 } as const;

/** include/linux/sysfs.h: struct attribute. */
export const ATTRIBUTE = { name: 0, mode: 4, size: 8 } as const;

/** include/linux/sysfs.h: struct attribute_group. */
export const ATTRIBUTE_GROUP = { name: 0, is_visible: 4, attrs: 12, size: 20 } as const;

/** include/linux/device.h: struct device_attribute. */
export const DEVICE_ATTRIBUTE = { attr: 0, show: 8, store: 12, size: 16 } as const;

/** Every layout above by its C name, for the gcc check. */
export const DEV_LAYOUTS: Record<string, Record<string, number>> = {
  list_head: LIST_HEAD, property: PROPERTY, device_node: DEVICE_NODE, of_device_id: OF_DEVICE_ID,
  resource: RESOURCE, kobject: KOBJECT, device: DEVICE, platform_device: PLATFORM_DEVICE,
  device_driver: DEVICE_DRIVER, platform_driver: PLATFORM_DRIVER, completion: COMPLETION,
  swait_queue_head: SWAIT_QUEUE_HEAD, wait_queue_head: WAIT_QUEUE_HEAD, wait_queue_entry: WAIT_QUEUE_ENTRY,
  timer_list: TIMER_LIST, work_struct: WORK_STRUCT, delayed_work: DELAYED_WORK,
  tasklet_struct: TASKLET_STRUCT, mutex: MUTEX, task_struct: TASK_STRUCT,
  attribute: ATTRIBUTE, attribute_group: ATTRIBUTE_GROUP, device_attribute: DEVICE_ATTRIBUTE,
};
